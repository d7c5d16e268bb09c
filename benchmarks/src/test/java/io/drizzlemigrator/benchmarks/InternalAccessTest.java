package io.drizzlemigrator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The benchmarks reach core's internals through {@code internal.BenchmarkAccess} only; the rest is public API. */
class InternalAccessTest {

    private static final Pattern INTERNAL = Pattern.compile("io\\.drizzlemigrator\\.internal\\.[\\w.]*\\w");

    @Test
    void theOnlyInternalClassTheBenchmarksNameIsBenchmarkAccess() throws IOException {
        List<String> named;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            named = sources.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> INTERNAL.matcher(read(p)).results().map(MatchResult::group))
                    .distinct().toList();
        }

        assertThat(named).containsExactly("io.drizzlemigrator.internal.BenchmarkAccess");
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
