package io.drizzlemigrator.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Which code a run measured: the commit checked out, and whether core's or the CLI's sources differ from it. */
final class Provenance {

    /** The sources whose changes would change the figures of drizzle-migrator and its CLI. */
    static final List<String> MEASURED_SOURCES = List.of("core/src/main", "cli/src/main");

    private Provenance() {
    }

    /** {@code git rev-parse HEAD}, or "unknown (...)" outside a git checkout. */
    static String commit() {
        return git("rev-parse", "HEAD").orElse("unknown (not a git checkout)");
    }

    /**
     * "no" when {@code core/src/main} and {@code cli/src/main} are as committed, else "yes: " and the changed files
     * (uncommitted changes, including new files).
     */
    static String modifiedSources() {
        List<String> cmd = new java.util.ArrayList<>(List.of("status", "--porcelain", "--"));
        cmd.addAll(MEASURED_SOURCES);
        return git(cmd.toArray(String[]::new)).map(s -> s.isBlank() ? "no"
                : "yes: " + String.join(", ", s.lines().map(l -> l.substring(3)).toList()))
                .orElse("unknown (not a git checkout)");
    }

    private static java.util.Optional<String> git(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(root().toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            // not trim(): a porcelain status line starts with a space when only the work tree differs
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
            return p.waitFor() == 0 ? java.util.Optional.of(out) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** The checkout's root: the nearest folder upwards holding core/ and cli/. */
    private static java.nio.file.Path root() {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        for (java.nio.file.Path d = dir; d != null; d = d.getParent()) {
            if (java.nio.file.Files.isDirectory(d.resolve("core")) && java.nio.file.Files.isDirectory(d.resolve("cli"))) {
                return d;
            }
        }
        return dir;
    }
}
