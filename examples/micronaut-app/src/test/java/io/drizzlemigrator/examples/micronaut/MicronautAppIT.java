package io.drizzlemigrator.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starts the packaged jar as a user would ({@code java -jar}, {@code DATABASE_URL}) and talks to it over HTTP. */
@FreshDatabasePerTest
class MicronautAppIT {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TestDatabase db;
    private Process app;
    private Path log;
    private URI base;

    MicronautAppIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void startTheJar() throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/micronaut-app.jar"));
        assertThat(jar).as("run mvn package first").isRegularFile();
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        log = jar.toAbsolutePath().getParent().resolve("micronaut-app-it.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toAbsolutePath().toString());
        pb.environment().put("DATABASE_URL", db.libpqUrl());
        pb.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        app = pb.start();
        awaitHttp();
    }

    @AfterEach
    void stopTheJar() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void migratesAtStartupThenServesTasksHealthMigrationsAndMetrics() throws Exception {
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);

        HttpResponse<String> created = post("/tasks", "{\"title\":\"write the docs\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"title\":\"write the docs\"", "\"status\":\"open\"",
                "\"owner\":\"unassigned\"");
        assertThat(get("/tasks").body()).contains("write the docs");

        HttpResponse<String> readiness = get("/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"drizzle\"", "\"state\":\"UP\"", "\"lastApplied\":\"0002_add_task_owner\"");
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"drizzle\"");
        HttpResponse<String> liveness = get("/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("\"drizzle\"");

        // the probes of docs/kubernetes.md's Micronaut section answer
        for (String path : KubernetesDocTest.probePaths()) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }

        HttpResponse<String> drizzle = get("/drizzle");
        assertThat(drizzle.statusCode()).isEqualTo(200);
        assertThat(drizzle.body()).contains("\"0000_create_tasks\"", "\"0001_add_task_paused_status\"",
                "\"0002_add_task_owner\"", "\"appliedByThisProcess\":true")
                .doesNotContainIgnoringCase("create index");
        assertThat(count(drizzle.body(), "\"state\":\"applied\"")).isEqualTo(3);

        HttpResponse<String> prometheus = get("/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("hikaricp_connections")
                .contains("drizzle_migrations_applied_migrations_total{datasource=\"default\",outcome=\"success\"} 3.0")
                .contains("drizzle_migrations_pending_migrations{datasource=\"default\"} 0.0");
    }

    private void awaitHttp() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (true) {
            if (!app.isAlive()) {
                throw new AssertionError("the service exited with " + app.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                get("/health");
                return;
            } catch (IOException notYetListening) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("no HTTP answer within " + STARTUP_LIMIT + ":\n" + Files.readString(log));
                }
                // the process is starting: poll again shortly
                app.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
