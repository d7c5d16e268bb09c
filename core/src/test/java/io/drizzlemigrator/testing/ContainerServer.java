package io.drizzlemigrator.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Starts PostgreSQL in Testcontainers when a Docker engine is reachable; kept apart so the class loads lazily. */
final class ContainerServer {

    private ContainerServer() {
    }

    static TestServer startIfDockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !new java.io.File("/var/run/docker.sock").exists()) {
            return null;
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return TestServer.of(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
                container.getUsername(), container.getPassword(), "Testcontainers");
    }
}
