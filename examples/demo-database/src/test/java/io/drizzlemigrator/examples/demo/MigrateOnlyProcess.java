package io.drizzlemigrator.examples.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a packaged example in migrate-only mode as an init container would, for the examples' *IT tests: a child
 * process that must end by itself, while the test holds the port the service would listen on. A service that tried to
 * open its server would fail to start on the taken port, so exit code 0 proves that no port was opened.
 */
public final class MigrateOnlyProcess implements AutoCloseable {

    /** The file of {@link #brokenFolder()} that fails, and the line of its failing statement. */
    public static final String BROKEN_FILE_AND_LINE = "0001_backfill_notes.sql:2";

    private final ServerSocket heldPort;

    private MigrateOnlyProcess(ServerSocket heldPort) {
        this.heldPort = heldPort;
    }

    /** Takes a free port and holds it until {@link #close()}: pass {@link #port()} as the service's server port. */
    public static MigrateOnlyProcess holdingAPort() throws IOException {
        return new MigrateOnlyProcess(new ServerSocket(0));
    }

    public int port() {
        return heldPort.getLocalPort();
    }

    /**
     * {@code java -jar <jar> <arguments>} with {@code DATABASE_URL} set to {@code databaseUrl}, or unset when it is null
     * (whatever the test JVM's environment holds).
     */
    public static ProcessBuilder javaJar(Path jar, String databaseUrl, List<String> arguments) {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar.toAbsolutePath() + " does not exist: run mvn package first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DATABASE_URL");
        if (databaseUrl != null) {
            builder.environment().put("DATABASE_URL", databaseUrl);
        }
        return builder;
    }

    /** What the process did: its exit code and its whole output. */
    public record Result(int exitCode, String log) {
    }

    /** Starts {@code command}, waits up to {@code limit} for it to exit by itself, and returns what it did. */
    public Result run(ProcessBuilder command, Duration limit) throws IOException, InterruptedException {
        Path log = Files.createTempFile("migrate-only", ".log");
        Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("a migrate-only start was still running after " + limit + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /**
     * A drizzle-kit folder whose second migration fails on the server (it reads a table that does not exist) at line 2
     * of {@code 0001_backfill_notes.sql}: {@link #BROKEN_FILE_AND_LINE}.
     */
    public static Path brokenFolder() throws IOException {
        Path folder = Files.createTempDirectory("broken-migrations");
        Files.createDirectories(folder.resolve("meta"));
        Files.writeString(folder.resolve("0000_create_notes.sql"),
                "CREATE TABLE \"notes\" (\"id\" serial PRIMARY KEY NOT NULL, \"body\" text NOT NULL);\n");
        Files.writeString(folder.resolve("0001_backfill_notes.sql"),
                "ALTER TABLE \"notes\" ADD COLUMN \"author\" text;--> statement-breakpoint\n"
                        + "UPDATE \"notes\" SET \"author\" = \"users\".\"name\" FROM \"users\";\n");
        Files.writeString(folder.resolve("meta").resolve("_journal.json"), """
                {"version": "7", "dialect": "postgresql", "entries": [
                  {"idx": 0, "version": "7", "when": 1762041600000, "tag": "0000_create_notes", "breakpoints": true},
                  {"idx": 1, "version": "7", "when": 1762646400000, "tag": "0001_backfill_notes", "breakpoints": true}
                ]}
                """);
        return folder;
    }

    /** Frees the port. */
    @Override
    public void close() throws IOException {
        heldPort.close();
    }
}
