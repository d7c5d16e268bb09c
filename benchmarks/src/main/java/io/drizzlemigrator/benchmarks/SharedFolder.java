package io.drizzlemigrator.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's {@code shared/} folder (corpora and the migration generator), found from the working directory
 * upwards as {@code io.drizzlemigrator.testing.Corpora} does, or from {@code DRIZZLE_CORPORA}.
 */
final class SharedFolder {

    private SharedFolder() {
    }

    static Path corpora() {
        String env = System.getenv("DRIZZLE_CORPORA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("corpora");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find shared/corpora above " + Path.of("").toAbsolutePath()
                + ": run from inside the project checkout, or set DRIZZLE_CORPORA");
    }

    static Path generator() {
        Path gen = corpora().getParent().resolve("bench").resolve("gen_migrations.py");
        if (!Files.isRegularFile(gen)) {
            throw new IllegalStateException("The migration generator " + gen + " is missing");
        }
        return gen;
    }

    /** The corpus folders (those with meta/_journal.json), sorted by name. */
    static List<String> corpusNames() {
        try (Stream<Path> s = Files.list(corpora())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("meta").resolve("_journal.json")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
