package com.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the packaged jar as a person would ({@code java -jar target/spring-boot-app.jar}, with
 * {@code DATABASE_URL}), against a fresh database, and reads what they would open in a browser.
 */
@ExtendWith(PostgresExtension.class)
class TasksApplicationIT {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final List<String> TAGS = List.of("0000_create_tasks", "0001_add_task_paused_status",
            "0002_add_task_owner");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void thePackagedServiceMigratesAtStartupAndServesHealthDrizzleAndPrometheus(TestDatabase db) throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/spring-boot-app.jar"));
        assertThat(jar).as("run mvn package first").isRegularFile();
        Path log = Files.createTempFile("spring-boot-app", ".log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", db.libpqUrl());
        Process app = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(app, base + "/actuator/health/readiness", log);

            JsonNode health = getJson(base + "/actuator/health", 200);
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").path("drizzle").path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").path("drizzle").path("details").path("applied").asInt())
                    .isEqualTo(3);
            assertThat(getJson(base + "/actuator/health/readiness", 200).path("status").asString()).isEqualTo("UP");
            assertThat(getJson(base + "/actuator/health/liveness", 200).path("status").asString()).isEqualTo("UP");

            String drizzleText = get(base + "/actuator/drizzle", 200);
            JsonNode drizzle = json.readTree(drizzleText).path("migrators").path("drizzleMigrator");
            assertThat(drizzle.path("upToDate").asBoolean()).isTrue();
            assertThat(drizzle.path("migrations").valueStream().map(m -> m.path("tag").asString()))
                    .containsExactlyElementsOf(TAGS);
            assertThat(drizzle.path("migrations").valueStream().map(m -> m.path("state").asString()))
                    .containsOnly("applied");
            assertThat(drizzle.path("migrations").valueStream().map(m -> m.path("durationMillis").isNumber()))
                    .containsOnly(true);
            assertThat(drizzle.path("migrations").get(2).path("transactional").asBoolean()).isFalse();
            assertThat(drizzle.path("lock").path("state").asString()).isEqualTo("idle");
            assertThat(drizzleText).doesNotContain("CREATE").doesNotContain("ALTER");

            String prometheus = get(base + "/actuator/prometheus", 200);
            assertThat(prometheus).containsPattern(
                    "drizzle_migrations_applied_migrations_total\\{[^}]*datasource=\"dataSource\"[^}]*outcome=\"success\"[^}]*} 3\\.0")
                    .containsPattern("drizzle_migrations_pending_migrations\\{[^}]*} 0\\.0");

            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/tasks"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Write the runbook\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode task = json.readTree(created.body());
            assertThat(task.path("status").asString()).isEqualTo("open");
            assertThat(task.path("owner").asString()).isEqualTo("unassigned");
            assertThat(getJson(base + "/tasks", 200).valueStream().map(t -> t.path("title").asString()))
                    .containsExactly("Write the runbook");

            // the probes of docs/kubernetes.md's manifests answer
            for (String path : KubernetesDoc.springPart().actuatorPaths()) {
                get(base + path, 200);
            }

            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).containsPattern("Applied 3 migrations in \\d+ ms");
        } finally {
            stop(app);
        }
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);
    }

    private void awaitReady(Process app, String url, Path log) throws Exception {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the service exited with " + app.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the web server starts after the migration
            }
            // polling an external process: wait for the process to exit or a short while, whichever is first
            app.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("not ready within " + STARTUP_LIMIT + ":\n" + Files.readString(log));
    }

    private String get(String url, int expectedStatus) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + url + ": " + r.body()).isEqualTo(expectedStatus);
        return r.body();
    }

    private JsonNode getJson(String url, int expectedStatus) throws Exception {
        return json.readTree(get(url, expectedStatus));
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
