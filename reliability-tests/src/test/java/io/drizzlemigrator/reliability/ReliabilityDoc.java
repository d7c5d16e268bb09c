package io.drizzlemigrator.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Rewrites the figures section of docs/reliability.md, between its {@code figures:start} and {@code figures:end}
 * markers, from the results of the run that just ended: the commit it ran on, every test class's counts and time, and
 * each scenario's recorded figures. Nothing in the section is typed by hand.
 */
final class ReliabilityDoc {

    static final String START = "<!-- figures:start";
    static final String END = "<!-- figures:end -->";

    private ReliabilityDoc() {
    }

    static void write(Path doc, Map<String, Map<String, String>> results) {
        try {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            int start = text.indexOf(START);
            int end = text.indexOf(END);
            if (start < 0 || end < start) {
                throw new IllegalStateException(doc + " has no '" + START + " … " + END + "' section to rewrite");
            }
            int afterStartLine = text.indexOf('\n', start) + 1;
            String section = render(doc.toAbsolutePath().getParent().getParent(), results);
            Files.writeString(doc, text.substring(0, afterStartLine) + section + text.substring(end),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite " + doc, e);
        }
    }

    static String render(Path repository, Map<String, Map<String, String>> results) {
        StringBuilder md = new StringBuilder();
        String commit = git(repository, "rev-parse", "HEAD");
        String changed = git(repository, "status", "--porcelain", "--", "core/src/main", "cli/src/main");
        md.append("Run on commit `").append(commit).append("`")
                .append(changed.isBlank() ? " (core and CLI sources as committed)"
                        : " **with uncommitted changes to core or CLI sources** (" + changed.lines().count()
                                + " files): not a publishable run")
                .append(", ended ").append(ZonedDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(", Java ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs.\n\n");

        Map<String, String> tests = results.getOrDefault("tests", Map.of());
        TreeSet<String> classes = new TreeSet<>();
        tests.keySet().forEach(k -> classes.add(k.substring(0, k.lastIndexOf('.'))));
        md.append("| Test class | Passed | Failed | Skipped | Seconds |\n|---|---:|---:|---:|---:|\n");
        long[] total = new long[4];
        for (String c : classes) {
            long[] row = {num(tests, c + ".passed"), num(tests, c + ".failed"), num(tests, c + ".skipped"),
                num(tests, c + ".seconds")};
            md.append("| `").append(c).append("` | ").append(row[0]).append(" | ").append(row[1]).append(" | ")
                    .append(row[2]).append(" | ").append(row[3]).append(" |\n");
            for (int i = 0; i < 4; i++) {
                total[i] += row[i];
            }
        }
        md.append("| all | ").append(total[0]).append(" | ").append(total[1]).append(" | ").append(total[2])
                .append(" | ").append(total[3]).append(" |\n");

        List<String> scenarios = new ArrayList<>(results.keySet());
        scenarios.remove("tests");
        for (String scenario : scenarios) {
            md.append("\nFigures recorded by `").append(scenario).append("`:\n\n| Figure | Value |\n|---|---:|\n");
            results.get(scenario).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        }
        return md.toString();
    }

    private static long num(Map<String, String> m, String key) {
        return Long.parseLong(m.getOrDefault(key, "0"));
    }

    private static String git(Path repository, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
