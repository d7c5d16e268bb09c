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
 * Runs one measured process: wall time from start to exit, and to the line {@value #FIRST_DONE} if it prints one; its
 * {@code RESULT key=value} line parsed; stderr appended to the run's log file.
 */
final class ProcessRunner {

    /**
     * The line a probe prints, and flushes, as soon as its first migrate call has returned: the time to it is what a
     * service's start pays for the tool (the process then goes on with warm calls, or exits).
     */
    static final String FIRST_DONE = "FIRST_DONE";

    /**
     * What a process did.
     *
     * @param firstDoneMs wall time from start to the {@value #FIRST_DONE} line; null when there was none
     */
    record Outcome(int exitCode, double wallMs, Double firstDoneMs, Map<String, Double> result, String stdout) {

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
        CompletableFuture<Double> firstDone = new CompletableFuture<>();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readLines(p.getInputStream(), start,
                firstDone));
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
            return new Outcome(-1, wallMs, null, Map.of(), "timed out after " + timeoutSeconds + " s");
        }
        String out = stdout.join();
        Files.writeString(log, out, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new Outcome(p.exitValue(), wallMs, firstDone.getNow(null), parseResult(out), out);
    }

    /**
     * Runs a process that does not exit by itself (a service) until a line of its standard output matches
     * {@code ready}, then stops it (SIGTERM, then SIGKILL after 30 s). The outcome's wall time is the time to that
     * line; its stdout is everything printed up to it; its exit code 0 when the line came, -1 otherwise.
     */
    Outcome runUntil(List<String> command, Map<String, String> env, java.util.regex.Pattern ready)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Files.writeString(log, "\n$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<Double> readyAt = new CompletableFuture<>();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                    p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                    if (!readyAt.isDone() && ready.matcher(line).find()) {
                        readyAt.complete((System.nanoTime() - start) / 1e6);
                    }
                }
            } catch (IOException e) {
                // the process went away; readyAt stays incomplete
            }
            readyAt.complete(null);
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        Double wallMs;
        try {
            wallMs = readyAt.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            wallMs = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            p.destroy();
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String text;
        synchronized (out) {
            text = out.toString();
        }
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        double ms = wallMs == null ? (System.nanoTime() - start) / 1e6 : wallMs;
        return new Outcome(wallMs == null ? -1 : 0, ms, null, Map.of(), text);
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

    /** All of {@code in}; completes {@code firstDone} with the time since {@code start} of a FIRST_DONE line. */
    private static String readLines(InputStream in, long start, CompletableFuture<Double> firstDone) {
        StringBuilder out = new StringBuilder();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals(FIRST_DONE)) {
                    firstDone.complete((System.nanoTime() - start) / 1e6);
                }
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            // the process went away: what was read is all there is
        }
        return out.toString();
    }
}
