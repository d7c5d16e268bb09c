package io.drizzlemigrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Micrometer is optional in core: a service without it must be able to load every class but the binder. */
class MicrometerStaysOptionalTest {

    @Test
    void onlyTheMetricsPackageReferencesMicrometer() throws IOException {
        Path main = Path.of("src/main/java");
        Path metrics = main.resolve("io/drizzlemigrator/metrics");
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(metrics))
                    .filter(p -> read(p).contains("io.micrometer"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
