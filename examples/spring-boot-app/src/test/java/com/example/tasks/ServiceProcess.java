package com.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar started as a person would ({@code java [options] -jar target/spring-boot-app.jar}, with
 * {@code DATABASE_URL}) on a free port, ready once its readiness probe answers 200, and what they would request.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Process process;
    private final Path log;
    private final String base;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts the jar with these JVM options and waits until {@code /actuator/health/readiness} answers 200. */
    static ServiceProcess start(String databaseUrl, String... jvmOptions) throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/spring-boot-app.jar"));
        assertThat(jar).as("run mvn package first").isRegularFile();
        Path log = Files.createTempFile("spring-boot-app", ".log");
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        ServiceProcess service = new ServiceProcess(builder.start(), log, port);
        try {
            service.awaitReady();
        } catch (Exception | AssertionError e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** The service's output so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** GET {@code path}, expecting {@code expectedStatus}; the body. */
    String get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(expectedStatus);
        return r.body();
    }

    /** GET {@code path}, expecting {@code expectedStatus}; the body as JSON. */
    JsonNode getJson(String path, int expectedStatus) throws Exception {
        return json(get(path, expectedStatus));
    }

    /** POST a JSON body to {@code path}. */
    HttpResponse<String> postJson(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String text) {
        return json.readTree(text);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the web server starts after the migration
            }
            // polling an external process: wait for the process to exit or a short while, whichever is first
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("not ready within " + STARTUP_LIMIT + ":\n" + log());
    }

    /** Stops the service as a container runtime would (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
