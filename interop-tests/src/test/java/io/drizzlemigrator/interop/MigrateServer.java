package io.drizzlemigrator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@code node migrate.mjs --serve} process: drizzle's migrator kept loaded, so that each run costs a database
 * round trip rather than Node's start-up. One JSON request per line in, one JSON answer per line out. A request that
 * gets no answer in time kills the process and fails the test.
 */
final class MigrateServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Put on the queue when stdout ends. */
    private static final Optional<String> END = Optional.empty();

    private final Process process;
    private final BufferedWriter requests;
    private final BlockingQueue<Optional<String>> answers = new LinkedBlockingQueue<>();
    private final Path stderr;
    private long nextId;

    private MigrateServer(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readAnswers, "drizzle-migrate-server-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static MigrateServer start(Path directory) {
        try {
            Path stderr = Files.createTempFile("interop-migrate-server-", ".err");
            Process process = new ProcessBuilder("node", "migrate.mjs", "--serve")
                    .directory(directory.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            return new MigrateServer(process, stderr);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start `node migrate.mjs --serve` in " + directory + ": "
                    + e.getMessage() + ". The interoperability tests need Node.js 20+ on the PATH "
                    + "(.ci/run installs it).", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends one migrate request and waits for its answer. */
    synchronized JsonNode migrate(String url, Path folder, Duration timeout) {
        long id = ++nextId;
        ObjectNode request = JSON.createObjectNode().put("id", id).put("url", url).put("folder", folder.toString());
        try {
            requests.write(JSON.writeValueAsString(request));
            requests.newLine();
            requests.flush();
        } catch (IOException e) {
            throw new AssertionError("drizzle's migrate server stopped taking requests:\n" + stderrText(), e);
        }
        Optional<String> line;
        try {
            line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for drizzle's migrator", e);
        }
        if (line == null) {
            close();
            throw new AssertionError("drizzle's migrator did not answer within " + timeout + " for " + folder
                    + " and was killed\n--- stderr ---\n" + stderrText());
        }
        if (line.isEmpty()) {
            throw new AssertionError("drizzle's migrate server ended (exit " + exitCode() + ") while migrating "
                    + folder + "\n--- stderr ---\n" + stderrText());
        }
        try {
            JsonNode answer = JSON.readTree(line.get());
            if (answer.path("id").asLong() != id) {
                throw new AssertionError("Answer " + line.get() + " is not for request " + id);
            }
            return answer;
        } catch (IOException e) {
            throw new AssertionError("Not JSON from drizzle's migrate server: " + line.get(), e);
        }
    }

    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException ignored) {
            // the process may already be gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.isBlank()) {
                    answers.add(Optional.of(line));
                }
            }
        } catch (IOException ignored) {
            // the process was killed; END below tells the waiting request
        }
        answers.add(END);
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String stderrText() {
        try {
            return Redaction.mask(Files.readString(stderr, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
