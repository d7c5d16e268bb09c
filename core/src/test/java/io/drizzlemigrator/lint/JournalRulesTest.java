package io.drizzlemigrator.lint;

import static io.drizzlemigrator.lint.LintFixture.STATEMENTS;
import static io.drizzlemigrator.lint.LintFixture.of;
import static io.drizzlemigrator.lint.LintFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRulesTest {

    private static final long WHEN = TestFolder.BASE_WHEN;

    @TempDir
    Path dir;

    /** A journal whose entries are given as (idx, when, tag) triples; the entry of triple i starts on line 5 + 7i. */
    private Path journal(Object... triples) {
        StringBuilder json = new StringBuilder("{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n"
                + "  \"entries\": [");
        for (int i = 0; i < triples.length; i += 3) {
            json.append(i == 0 ? "\n" : ",\n").append("    {\n      \"idx\": ").append(triples[i])
                    .append(",\n      \"version\": \"7\",\n      \"when\": ").append(triples[i + 1])
                    .append(",\n      \"tag\": \"").append(triples[i + 2]).append("\",\n      \"breakpoints\": true\n    }");
        }
        write(dir, "meta/_journal.json", json.append("\n  ]\n}").toString());
        return dir;
    }

    private LintReport lint() {
        return LintFixture.lint(dir, STATEMENTS);
    }

    @Test
    void aWellFormedFolderHasNoJournalFindings() {
        journal(0, WHEN, "0000_a", 1, WHEN + 1, "0001_b");
        write(dir, "0000_a.sql", "CREATE TABLE a (id int);");
        write(dir, "0001_b.sql", "CREATE TABLE b (id int);");
        write(dir, "0001_b_rollback.sql", "DROP TABLE b;");

        assertThat(lint().findings()).isEmpty();
    }

    @Test
    void aSqlFileNotInTheJournalIsAStrayButRollbackFilesAreNot() {
        journal(0, WHEN, "0000_a");
        write(dir, "0000_a.sql", "CREATE TABLE a (id int);");
        write(dir, "0000_a_rollback.sql", "DROP TABLE a;");
        write(dir, "0001_merged_twice.sql", "DROP TABLE a;");

        assertThat(of(lint(), "stray-sql-file")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.file()).isEqualTo("0001_merged_twice.sql");
            assertThat(f.message()).contains("no migrator will ever run it");
        });
        assertThat(lint().findings("drop-table")).as("a stray is not a migration: its SQL is not linted").isEmpty();
    }

    @Test
    void anEntryWithoutItsFileIsAnErrorAtTheEntryAndTheOtherFilesAreStillLinted() {
        journal(0, WHEN, "0000_gone", 1, WHEN + 1, "0001_b");
        write(dir, "0001_b.sql", "DROP TABLE users;");

        LintReport report = lint();

        assertThat(of(report, "journal-missing-file")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("meta/_journal.json");
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.message()).contains("0000_gone.sql");
        });
        assertThat(of(report, "drop-table")).hasSize(1);
    }

    @Test
    void duplicateTagsAreAnErrorAndTheFileIsLintedOnce() {
        journal(0, WHEN, "0000_a", 1, WHEN + 1, "0000_a");
        write(dir, "0000_a.sql", "DROP TABLE users;");

        LintReport report = lint();

        assertThat(of(report, "journal-duplicate-tag")).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(12));
        assertThat(of(report, "drop-table")).hasSize(1);
    }

    @Test
    void duplicateIdxIsAWarning() {
        journal(3, WHEN, "0003_a", 3, WHEN + 1, "0003_b");
        write(dir, "0003_a.sql", "SELECT 1;");
        write(dir, "0003_b.sql", "SELECT 1;");

        assertThat(of(lint(), "journal-duplicate-idx")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("0003_a", "0003_b");
        });
    }

    @Test
    void anEntryOlderThanAnEarlierOneIsAnError() {
        journal(0, WHEN, "0000_a", 1, WHEN + 5000, "0001_b", 2, WHEN + 2000, "0002_c", 3, WHEN + 6000, "0003_d");
        for (String tag : new String[] {"0000_a", "0001_b", "0002_c", "0003_d"}) {
            write(dir, tag + ".sql", "SELECT 1;");
        }

        assertThat(of(lint(), "journal-when-not-monotonic")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(19);
            assertThat(f.message()).contains("0002_c", "0001_b", "silently skips");
            assertThat(f.safeAlternative()).contains(Long.toString(WHEN + 5000), "outOfOrder");
        });
    }

    @Test
    void anEntryDatedAfterTheClockIsAnError() {
        long future = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
        journal(0, future, "0000_a");
        write(dir, "0000_a.sql", "SELECT 1;");

        LintReport now = lint();
        LintReport later = MigrationLinter.lint(dir.toString(), null, STATEMENTS,
                Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC));

        assertThat(of(now, "journal-when-in-future")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2030-01-01T00:00:00Z"));
        assertThat(later.findings()).isEmpty();
    }

    @Test
    void aJournalThatIsNotJsonIsOneFindingNotACrash() {
        write(dir, "meta/_journal.json", "{\"entries\": [ {\"tag\": \"0000_a\", ");
        write(dir, "0000_a.sql", "SELECT 1;");

        assertThat(lint().findings()).extracting(LintFinding::ruleId).containsExactly("invalid-journal");
    }

    @Test
    void entriesWithoutTagOrWithAPathAsTagAreInvalidAndSkipped() {
        write(dir, "meta/_journal.json", "{\"dialect\":\"pg\",\"entries\":[{\"idx\":0,\"when\":1},"
                + "{\"idx\":1,\"when\":2,\"tag\":\"../etc/passwd\"},{\"idx\":2,\"when\":\"soon\",\"tag\":\"0002_c\"}]}");
        write(dir, "0002_c.sql", "DROP TABLE users;");

        LintReport report = lint();

        assertThat(of(report, "invalid-journal")).hasSize(3);
        assertThat(of(report, "drop-table")).hasSize(1);
    }

    @Test
    void aJournalOfAnotherDialectIsInvalidAndItsFilesAreNotLintedAsPostgres() {
        write(dir, "meta/_journal.json", "{\"dialect\":\"mysql\",\"entries\":[{\"idx\":0,\"when\":1,\"tag\":\"0000_a\"}]}");
        write(dir, "0000_a.sql", "DROP TABLE users;");

        assertThat(lint().findings()).extracting(LintFinding::ruleId).containsExactly("invalid-journal");
    }

    @Test
    void aFileThatIsNotUtf8OrHasAnUnterminatedQuoteIsAnInvalidFile() throws IOException {
        journal(0, WHEN, "0000_a", 1, WHEN + 1, "0001_b");
        Files.write(dir.resolve("0000_a.sql"), new byte[] {'S', 'E', 'L', (byte) 0xC3, ';'});
        write(dir, "0001_b.sql", "SELECT 1;\nSELECT 'unterminated;\n");

        LintReport report = lint();

        assertThat(of(report, "invalid-file")).extracting(LintFinding::file, LintFinding::line)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("0000_a.sql", 1),
                        org.assertj.core.groups.Tuple.tuple("0001_b.sql", 2));
    }

    @Test
    void journalRulesAreTurnedOffInTheConfigurationSinceJsonHoldsNoComments() {
        journal(0, WHEN + 10, "0000_a", 0, WHEN, "0001_b");
        write(dir, "0000_a.sql", "SELECT 1;");
        write(dir, "0001_b.sql", "SELECT 1;");
        write(dir, "0002_stray.sql", "SELECT 1;");
        write(dir, "drizzle-lint.json", "{\"rules\": {\"journal-when-not-monotonic\": \"off\", "
                + "\"journal-duplicate-idx\": \"off\", \"stray-sql-file\": \"info\"}}");

        LintReport report = lint();

        assertThat(report.findings()).extracting(LintFinding::ruleId, LintFinding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stray-sql-file", Severity.INFO));
    }
}
