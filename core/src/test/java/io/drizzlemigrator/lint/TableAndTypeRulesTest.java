package io.drizzlemigrator.lint;

import static io.drizzlemigrator.lint.LintFixture.lint;
import static io.drizzlemigrator.lint.LintFixture.of;
import static io.drizzlemigrator.lint.LintFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableAndTypeRulesTest {

    @TempDir
    Path dir;

    @Test
    void droppingTablesReportsEachExistingTable() {
        LintReport report = lint(dir, sql("CREATE TABLE tmp (id int);", "DROP TABLE IF EXISTS users, tmp, \"Orders\" CASCADE;"));

        assertThat(of(report, "drop-table")).extracting(LintFinding::message)
                .satisfiesExactly(m -> assertThat(m).contains("DROP TABLE users"),
                        m -> assertThat(m).contains("DROP TABLE \"Orders\""));
        assertThat(of(report, "drop-table").get(0).safeAlternative()).contains("pg_dump -t users", "release 2");
    }

    @Test
    void droppingATableCreatedInTheSameMigrationIsFine() {
        assertThat(lint(dir, sql("CREATE TABLE t (id int);", "DROP TABLE t;")).findings()).isEmpty();
    }

    @Test
    void renamingATableIsAnErrorWithTheDrizzleSchemaAlternative() {
        LintReport report = lint(dir, "ALTER TABLE IF EXISTS \"users\" RENAME TO \"customers\";");

        assertThat(of(report, "rename-table")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("\"users\"", "\"customers\"");
            assertThat(f.safeAlternative()).contains("pgTable('users'");
        });
    }

    @Test
    void renamingANewTableIsFineAndTheNewNameStaysNew() {
        LintReport report = lint(dir, sql("CREATE TABLE t (id int);", "ALTER TABLE t RENAME TO u;",
                "CREATE INDEX i ON u (id);"));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void renamingAnEnumValueIsAnError() {
        LintReport report = lint(dir, "ALTER TYPE \"public\".\"status\" RENAME VALUE 'done' TO 'finished';");

        assertThat(of(report, "enum-rename-value")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("'done'");
            assertThat(f.safeAlternative()).contains("ADD VALUE IF NOT EXISTS 'finished'");
        });
    }

    @Test
    void renamingAValueOfAnEnumCreatedInTheSameMigrationIsFine() {
        LintReport report = lint(dir, sql("CREATE TYPE status AS ENUM ('a');",
                "ALTER TYPE status RENAME VALUE 'a' TO 'b';"));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void droppingATypeIsAnErrorUnlessTheMigrationCreatedIt() {
        LintReport existing = lint(dir.resolve("a"), sql("ALTER TABLE t ALTER COLUMN s SET DATA TYPE text;",
                "DROP TYPE \"public\".\"status\";",
                "CREATE TYPE \"public\".\"status\" AS ENUM('a', 'b');"));
        LintReport created = lint(dir.resolve("b"), sql("CREATE TYPE mood AS ENUM ('x');", "DROP TYPE mood;"));

        assertThat(of(existing, "drop-type")).singleElement()
                .satisfies(f -> assertThat(f.safeAlternative()).contains("append-only"));
        assertThat(created.findings()).isEmpty();
    }

    @Test
    void addValueWithoutIfNotExistsIsAWarning() {
        LintReport report = lint(dir, "ALTER TYPE \"public\".\"role\" ADD VALUE 'owner' BEFORE 'admin';");

        assertThat(of(report, "enum-add-value-not-idempotent")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.safeAlternative()).isEqualTo("ALTER TYPE \"public\".\"role\" ADD VALUE IF NOT EXISTS 'owner';");
        });
    }

    @Test
    void addValueIfNotExistsOrOnANewEnumIsFine() {
        LintReport report = lint(dir, sql("ALTER TYPE role ADD VALUE IF NOT EXISTS 'owner';",
                "CREATE TYPE mood AS ENUM ('x');", "ALTER TYPE mood ADD VALUE 'y';"));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void usingANewEnumValueInTheMigrationThatAddsItIsReportedWhereItIsUsed() {
        LintReport report = lint(dir, sql("ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'paused';",
                "ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'paused';"));

        assertThat(of(report, "enum-value-used-in-same-transaction")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.column()).isEqualTo(51);
            assertThat(f.message()).contains("task_status (line 1)");
            assertThat(f.safeAlternative()).contains("migration of its own");
        });
    }

    @Test
    void usingANewEnumValueInALaterMigrationOrOutsideATransactionIsFine() {
        Path later = TestFolder.in(dir.resolve("a"))
                .migration("0000_add", "ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'paused';")
                .migration("0001_use", "UPDATE tasks SET status = 'paused' WHERE id = 1;").write();
        LintReport nonTransactional = lint(dir.resolve("b"), sql(
                "ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'paused';",
                "UPDATE tasks SET status = 'paused' WHERE id = 1;",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON tasks (status);"));

        assertThat(LintFixture.lint(later, LintFixture.STATEMENTS).findings()).isEmpty();
        assertThat(nonTransactional.findings()).isEmpty();
    }
}
