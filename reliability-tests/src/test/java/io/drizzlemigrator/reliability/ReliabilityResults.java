package io.drizzlemigrator.reliability;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The figures the reliability tests measured (trials, kills by phase, waits, repairs), written by the tests as they
 * finish, one properties file per scenario under {@code target/reliability-results/}. docs/reliability.md's figures
 * section is built from these files ({@link ReliabilityDoc}) and from the test counts {@link ResultsListener} adds, so
 * the doc states only what a run printed.
 */
final class ReliabilityResults {

    static final Path DIR = Path.of(System.getProperty("reliability.results", "target/reliability-results"));

    private ReliabilityResults() {
    }

    /** Records a scenario's figures; a later record of the same scenario replaces it. */
    static synchronized void record(String scenario, Map<String, ?> figures) {
        Properties p = new Properties();
        figures.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        try {
            Files.createDirectories(DIR);
            try (Writer w = Files.newBufferedWriter(DIR.resolve(scenario + ".properties"), StandardCharsets.UTF_8)) {
                p.store(w, "figures of the reliability scenario " + scenario);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the figures of " + scenario + " in " + DIR, e);
        }
    }

    /** Removes what an earlier run recorded. */
    static synchronized void clear() {
        if (!Files.isDirectory(DIR)) {
            return;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the reliability results in " + DIR, e);
        }
    }

    /** Every recorded scenario, by name, with its figures sorted by key. */
    static Map<String, Map<String, String>> readAll() {
        Map<String, Map<String, String>> all = new TreeMap<>();
        if (!Files.isDirectory(DIR)) {
            return all;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                Map<String, String> figures = new TreeMap<>();
                p.stringPropertyNames().forEach(k -> figures.put(k, p.getProperty(k)));
                String name = f.getFileName().toString();
                all.put(name.substring(0, name.length() - ".properties".length()), figures);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the reliability results in " + DIR, e);
        }
        return all;
    }
}
