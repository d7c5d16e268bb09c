package io.drizzlemigrator.lint;

import static io.drizzlemigrator.lint.LintFixture.lint;
import static io.drizzlemigrator.lint.LintFixture.of;
import static io.drizzlemigrator.lint.LintFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstraintRulesTest {

    /** drizzle-kit 0.2x's way of adding a foreign key, verbatim (tab-free, one space indent). */
    private static final String DO_BLOCK_FK = "DO $$ BEGIN\n"
            + " ALTER TABLE \"Suggestion\" ADD CONSTRAINT \"Suggestion_userId_User_id_fk\" FOREIGN KEY (\"userId\") "
            + "REFERENCES \"public\".\"User\"(\"id\") ON DELETE no action ON UPDATE no action;\n"
            + "EXCEPTION\n"
            + " WHEN duplicate_object THEN null;\n"
            + "END $$;";

    @TempDir
    Path dir;

    @Test
    void foreignKeyOnAnExistingTableWithoutNotValidIsAnError() {
        LintReport report = lint(dir, "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_user_fk\" FOREIGN KEY "
                + "(\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE cascade;");

        assertThat(of(report, "foreign-key-without-not-valid")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.column()).isEqualTo(22);
            assertThat(f.safeAlternative()).contains("NOT VALID;",
                    "ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"orders_user_fk\";");
        });
    }

    @Test
    void foreignKeyInsideDrizzleKitsDoBlockIsReportedAtItsLineInTheFile() {
        LintReport report = lint(dir, sql("CREATE TABLE \"x\" (id int);", DO_BLOCK_FK));

        assertThat(of(report, "foreign-key-without-not-valid")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.column()).isEqualTo(27);
            assertThat(f.safeAlternative()).contains("DO $$ BEGIN");
        });
    }

    @Test
    void foreignKeyWithNotValidOrOnATableCreatedInTheSameMigrationIsFine() {
        LintReport notValid = lint(dir.resolve("a"), sql("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (u) "
                + "REFERENCES users (id) NOT VALID;", "ALTER TABLE orders VALIDATE CONSTRAINT fk;"));
        LintReport newTable = lint(dir.resolve("b"), sql("CREATE TABLE \"Suggestion\" (\"userId\" uuid);",
                DO_BLOCK_FK));

        assertThat(notValid.findings()).isEmpty();
        assertThat(newTable.findings()).isEmpty();
    }

    @Test
    void checkOnAnExistingTableWithoutNotValidIsAnError() {
        LintReport report = lint(dir, "ALTER TABLE users ADD CHECK (age > 0);");

        assertThat(of(report, "check-without-not-valid")).singleElement()
                .satisfies(f -> assertThat(f.safeAlternative()).contains("CHECK (...) NOT VALID;", "VALIDATE"));
    }

    @Test
    void checkWithNotValidOrOnANewTableIsFine() {
        LintReport report = lint(dir, sql("ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;",
                "CREATE TABLE t (a int);", "ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0);"));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void addingAColumnWithACheckChecksEveryRow() {
        assertThat(of(lint(dir, "ALTER TABLE users ADD COLUMN age int DEFAULT 1 CHECK (age > 0);"),
                "check-without-not-valid")).hasSize(1);
    }

    @Test
    void uniqueAndPrimaryKeyOnAnExistingTableAreErrorsWithTheUsingIndexForm() {
        LintReport report = lint(dir, sql("ALTER TABLE \"users\" ADD CONSTRAINT \"users_email_unique\" UNIQUE(\"email\");",
                "ALTER TABLE users ADD PRIMARY KEY (id);"));

        assertThat(of(report, "add-unique-constraint")).hasSize(2).first().satisfies(f -> {
            assertThat(f.message()).contains("UNIQUE \"users_email_unique\"");
            assertThat(f.safeAlternative()).contains(
                    "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"users_email_unique\" ON \"users\" (...);",
                    "ADD CONSTRAINT \"users_email_unique\" UNIQUE USING INDEX \"users_email_unique\";");
        });
    }

    @Test
    void uniqueUsingAnExistingIndexOrOnANewTableIsFine() {
        LintReport report = lint(dir, sql(
                "ALTER TABLE users ADD CONSTRAINT users_email_unique UNIQUE USING INDEX users_email_idx;",
                "ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;",
                "CREATE TABLE t (a int);", "ALTER TABLE t ADD CONSTRAINT t_a UNIQUE (a);"));

        assertThat(report.findings()).isEmpty();
    }
}
