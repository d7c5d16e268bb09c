package io.drizzlemigrator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The packaged CLI jar ({@code cli/target/drizzle-migrator.jar}) run as a separate JVM, with its stdout and stderr
 * in files so that many can run at once without pipe buffers filling up. Every wait is bounded.
 */
final class CliProcess {

    /** JVM flags for short-lived runs on a small machine: they do not change what the CLI does. */
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx128m", "-Xss512k");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final List<String> args;

    private CliProcess(Process process, Path stdout, Path stderr, List<String> args) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.args = args;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("drizzle.cli.jar", "../cli/target/drizzle-migrator.jar"));
        assertThat(jar).as("the CLI jar (built by the cli module's package phase; run mvn verify)").isRegularFile();
        return jar;
    }

    /** Starts {@code java -jar drizzle-migrator.jar args...}, its output going to files in {@code outDir}. */
    static CliProcess start(Path outDir, String name, Map<String, String> env, String... args) {
        try {
            Files.createDirectories(outDir);
            Path out = outDir.resolve(name + ".out");
            Path err = outDir.resolve(name + ".err");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(JVM_FLAGS);
            cmd.add("-jar");
            cmd.add(jar().toAbsolutePath().toString());
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("DATABASE_URL");
            pb.environment().remove("PGPASSWORD");
            pb.environment().putAll(env);
            return new CliProcess(pb.start(), out, err, List.of(args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the CLI to its end (at most {@code timeout}; killed and failed after that). */
    static Result run(Path outDir, String name, Duration timeout, Map<String, String> env, String... args) {
        return start(outDir, name, env, args).await(timeout);
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the end of the process; kills it and fails the test if it runs longer than {@code timeout}. */
    Result await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("drizzle-migrator " + args + " did not end within " + timeout
                        + "; killed it. stderr: " + read(stderr));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Result(process.exitValue(), read(stdout), read(stderr));
    }

    /** SIGKILL, then wait (bounded) until the OS has reaped the process. */
    void kill() {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed process ended").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String stderrSoFar() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit code and the complete output of one run. */
    record Result(int exitCode, String stdout, String stderr) {

        String output() {
            return stdout + "\n" + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
