package io.drizzlemigrator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real drizzle folders in {@code ../shared/corpora} (found from the working directory upwards). */
public final class Corpora {

    private Corpora() {
    }

    public static Path root() {
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
                + "; set DRIZZLE_CORPORA");
    }

    /** Every corpus folder (those with meta/_journal.json), by name. */
    public static List<String> names() {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("meta").resolve("_journal.json")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path folder(String name) {
        return root().resolve(name);
    }

    /** The benchmark generator {@code shared/bench/gen_migrations.py}. */
    public static Path generator() {
        return root().getParent().resolve("bench").resolve("gen_migrations.py");
    }
}
