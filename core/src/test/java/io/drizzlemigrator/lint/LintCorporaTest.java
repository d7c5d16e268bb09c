package io.drizzlemigrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.Corpora;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The linter over the real drizzle folders of {@code shared/corpora}: a sensible report, never a crash. */
class LintCorporaTest {

    static List<String> corpora() {
        return Corpora.names();
    }

    private static LintReport lint(String corpus) {
        return MigrationLinter.lint(Corpora.folder(corpus).toString(), null, LintConfig.defaults(), LintFixture.CLOCK);
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void everyCorpusLintsWithEveryFindingInsideItsFile(String corpus) {
        LintReport report = lint(corpus);
        Path folder = Corpora.folder(corpus);

        assertThat(report.findings("invalid-file")).isEmpty();
        assertThat(report.findings("invalid-journal")).isEmpty();
        java.util.Map<String, Long> lineCounts = new java.util.HashMap<>();
        for (LintFinding f : report.findings()) {
            long lines = lineCounts.computeIfAbsent(f.file(), file -> {
                try (Stream<String> s = Files.lines(folder.resolve(file), StandardCharsets.UTF_8)) {
                    return s.count();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat((long) f.line()).as(f.toString()).isBetween(0L, Math.max(lines, 1));
            assertThat(f.message()).as(f.toString()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void dokploysDroppedColumnsAreFoundWhereTheyAre() throws Exception {
        LintReport report = lint("Dokploy__dokploy");
        long dropColumnStatements;
        try (Stream<Path> files = Files.list(Corpora.folder("Dokploy__dokploy"))) {
            dropColumnStatements = files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .filter(p -> !p.getFileName().toString().equals("0130_abandoned_dagger.sql"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(l -> l.matches("(?i)^ALTER TABLE \"[^\"]+\" DROP COLUMN .*")).count();
        }

        java.util.Map<String, List<String>> files = new java.util.HashMap<>();
        assertThat(report.findings("drop-column")).hasSize((int) dropColumnStatements).allSatisfy(f -> {
            String line = files.computeIfAbsent(f.file(), file -> {
                try {
                    return Files.readAllLines(Corpora.folder("Dokploy__dokploy").resolve(file));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(f.line() - 1);
            assertThat(line.substring(f.column() - 1)).startsWith("DROP COLUMN");
        });
        assertThat(report.findings("stray-sql-file")).extracting(LintFinding::file)
                .containsExactly("0130_abandoned_dagger.sql");
        assertThat(report.findings("foreign-key-without-not-valid")).isNotEmpty();
    }

    @Test
    void kaneosOutOfOrderEntriesAreFound() {
        assertThat(lint("usekaneo__kaneo").findings("journal-when-not-monotonic")).extracting(LintFinding::message)
                .anySatisfy(m -> assertThat(m).contains("0006_"))
                .anySatisfy(m -> assertThat(m).contains("0025_"))
                .anySatisfy(m -> assertThat(m).contains("0026_"));
    }
}
