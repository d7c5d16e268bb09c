package io.drizzlemigrator.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measured process: wall time from start to exit, its {@code RESULT key=value} line parsed, stderr appended
 * to the run's log file.
 */
final class ProcessRunner {

    /** What a process did. */
    record Outcome(int exitCode, double wallMs, Map<String, Double> result, String stdout) {

        boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path log;
    private final long timeoutSeconds;

    ProcessRunner(Path log, long timeoutSeconds) {
        this.log = log;
        this.timeoutSeconds = timeoutSeconds;
    }

    Outcome run(List<String> command, Map<String, String> env, Path workingDirectory) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Files.writeString(log, "\n$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        boolean finished;
        try {
            finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
        double wallMs = (System.nanoTime() - start) / 1e6;
        if (!finished) {
            p.destroyForcibly();
            return new Outcome(-1, wallMs, Map.of(), "timed out after " + timeoutSeconds + " s");
        }
        String out = stdout.join();
        Files.writeString(log, out, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new Outcome(p.exitValue(), wallMs, parseResult(out), out);
    }

    static Map<String, Double> parseResult(String stdout) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("RESULT ")) {
                for (String pair : line.substring(7).trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        result.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
                    }
                }
            }
        }
        return result;
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
