package io.drizzlemigrator.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs external programs (node, npm, pg_dump) with a timeout, capturing their output in files (no pipe deadlocks). */
final class Processes {

    private static final Logger LOG = LoggerFactory.getLogger(Processes.class);

    /** What a finished program left: its exit code and what it wrote. */
    record Output(List<String> command, int exitCode, String stdout, String stderr, Duration took) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** The command line and both outputs, for a failure message (credentials in URLs are masked). */
        String describe() {
            return "`" + Redaction.mask(String.join(" ", command)) + "` exited with " + exitCode + " after "
                    + took.toMillis() + " ms\n--- stdout ---\n" + Redaction.mask(stdout.strip())
                    + "\n--- stderr ---\n" + Redaction.mask(stderr.strip());
        }
    }

    private Processes() {
    }

    /**
     * Runs {@code command} in {@code directory} and waits at most {@code timeout}; a program that does not end in time
     * is killed and reported as a failure of the test (never as a pass).
     */
    static Output run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("interop-", ".out");
            err = Files.createTempFile("interop-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start `" + command.get(0) + "`: " + e.getMessage()
                        + ". " + hintFor(command.get(0)), e);
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("`" + Redaction.mask(String.join(" ", command)) + "` did not finish within "
                        + timeout + " and was killed\n--- stdout ---\n" + read(out) + "\n--- stderr ---\n"
                        + read(err));
            }
            Output output = new Output(List.copyOf(command), process.exitValue(), read(out), read(err),
                    Duration.ofNanos(System.nanoTime() - started));
            LOG.info("{} ms, exit {}: {}", output.took().toMillis(), output.exitCode(),
                    Redaction.mask(String.join(" ", command)));
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** {@code program} followed by {@code args}, as a mutable list (callers append more arguments). */
    static List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(args));
        return command;
    }

    private static String hintFor(String program) {
        if (program.endsWith("node") || program.endsWith("npm")) {
            return "The interoperability tests run drizzle's own migrator and need Node.js 20+ with npm on the PATH "
                    + "(.ci/run installs them: apt-get install nodejs npm).";
        }
        if (program.endsWith("pg_dump")) {
            return "The interoperability tests compare schemas with pg_dump (Debian: apt-get install "
                    + "postgresql-client), or set PG_DUMP to its path.";
        }
        return "Is it installed and on the PATH?";
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
