package io.drizzlemigrator.lint;

import static io.drizzlemigrator.lint.LintFixture.lint;
import static io.drizzlemigrator.lint.LintFixture.lintAfter;
import static io.drizzlemigrator.lint.LintFixture.of;
import static io.drizzlemigrator.lint.LintFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRulesTest {

    @TempDir
    Path dir;

    @Test
    void plainCreateIndexOnATableOfAnEarlierMigrationIsAnErrorWithTheConcurrentStatementSpelledOut() {
        LintReport report = lintAfter(dir, "CREATE TABLE \"users\" (\"id\" integer, \"email\" text);",
                "CREATE INDEX \"users_email_idx\" ON \"users\" (\"email\");");

        assertThat(of(report, "index-not-concurrent")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.file()).isEqualTo("0001_change.sql");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.column()).isEqualTo(1);
            assertThat(f.message()).contains("\"users\"");
            assertThat(f.safeAlternative())
                    .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"users_email_idx\" ON \"users\" (\"email\");");
        });
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void plainCreateIndexOnATableTheFolderNeverCreatesIsAnError() {
        LintReport report = lint(dir, "CREATE UNIQUE INDEX IF NOT EXISTS i ON app.orders USING btree (id);");

        assertThat(of(report, "index-not-concurrent")).singleElement()
                .satisfies(f -> assertThat(f.safeAlternative())
                        .contains("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON app.orders USING btree (id);"));
    }

    @Test
    void indexOnATableCreatedEarlierInTheSameMigrationIsFine() {
        LintReport report = lint(dir, sql("CREATE TABLE Users (id integer);", "CREATE INDEX i ON \"users\" (id);"));

        assertThat(of(report, "index-not-concurrent")).isEmpty();
    }

    @Test
    void quotedMixedCaseNamesAreOtherTablesThanTheirFoldedSpelling() {
        LintReport report = lint(dir, sql("CREATE TABLE \"Users\" (id integer);", "CREATE INDEX i ON users (id);"));

        assertThat(of(report, "index-not-concurrent")).hasSize(1);
    }

    @Test
    void concurrentIdempotentIndexBuildIsFine() {
        LintReport report = lint(dir, "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);");

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void concurrentBuildWithoutIfNotExistsIsAWarningAtTheConcurrentlyKeyword() {
        LintReport report = lint(dir, "CREATE INDEX CONCURRENTLY users_email ON users (email);");

        assertThat(of(report, "concurrent-index-not-idempotent")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.column()).isEqualTo(14);
            assertThat(f.safeAlternative()).contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email");
        });
        assertThat(of(report, "index-not-concurrent")).isEmpty();
    }

    @Test
    void dropIndexConcurrentlyWithoutIfExistsIsAWarning() {
        assertThat(of(lint(dir, "DROP INDEX CONCURRENTLY users_email;"), "concurrent-index-not-idempotent"))
                .hasSize(1);
    }

    @Test
    void plainDropIndexIsAWarningAndTheConcurrentFormIsFine() {
        LintReport plain = lint(dir.resolve("a"), "DROP INDEX IF EXISTS \"users_email\";");
        LintReport concurrent = lint(dir.resolve("b"), "DROP INDEX CONCURRENTLY IF EXISTS \"users_email\";");

        assertThat(of(plain, "drop-index-not-concurrent")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.safeAlternative()).contains("DROP INDEX CONCURRENTLY IF EXISTS \"users_email\"");
        });
        assertThat(concurrent.findings()).isEmpty();
    }

    @Test
    void droppingAnIndexCreatedInTheSameMigrationIsFine() {
        LintReport report = lint(dir, sql("CREATE TABLE t (id int);", "CREATE INDEX i ON t (id);", "DROP INDEX i;"));

        assertThat(of(report, "drop-index-not-concurrent")).isEmpty();
    }

    @Test
    void reindexWithoutConcurrentlyIsAWarning() {
        LintReport report = lint(dir, sql("REINDEX INDEX users_email;", "REINDEX TABLE users;"));

        assertThat(of(report, "reindex-not-concurrent")).hasSize(2).first()
                .satisfies(f -> assertThat(f.safeAlternative()).startsWith("REINDEX INDEX CONCURRENTLY users_email;"));
    }

    @Test
    void reindexConcurrentlyInEitherSpellingAndReindexSystemAreFine() {
        LintReport report = lint(dir, sql("REINDEX INDEX CONCURRENTLY users_email;",
                "REINDEX (CONCURRENTLY, VERBOSE) TABLE users;", "REINDEX SYSTEM app;"));

        assertThat(of(report, "reindex-not-concurrent")).isEmpty();
    }
}
