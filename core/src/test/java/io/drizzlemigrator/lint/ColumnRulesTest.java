package io.drizzlemigrator.lint;

import static io.drizzlemigrator.lint.LintFixture.lint;
import static io.drizzlemigrator.lint.LintFixture.lintAfter;
import static io.drizzlemigrator.lint.LintFixture.of;
import static io.drizzlemigrator.lint.LintFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnRulesTest {

    @TempDir
    Path dir;

    // ------------------------------------------------------------ add-column-not-null-without-default

    @Test
    void notNullColumnWithoutDefaultOnAnExistingTableIsAnError() {
        LintReport report = lint(dir, "ALTER TABLE \"users\" ADD COLUMN \"age\" integer NOT NULL;");

        assertThat(of(report, "add-column-not-null-without-default")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.column()).isEqualTo(21);
            assertThat(f.safeAlternative()).contains("ALTER TABLE \"users\" ADD COLUMN \"age\" integer;");
        });
    }

    @Test
    void primaryKeyColumnCountsAsNotNull() {
        LintReport report = lint(dir, "ALTER TABLE users ADD id bigint PRIMARY KEY;");

        assertThat(of(report, "add-column-not-null-without-default")).hasSize(1);
        assertThat(of(report, "add-unique-constraint")).hasSize(1);
    }

    @Test
    void notNullColumnWithAConstantDefaultOrOnANewTableIsFine() {
        LintReport withDefault = lint(dir.resolve("a"),
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS age integer DEFAULT 0 NOT NULL;");
        LintReport newTable = lint(dir.resolve("b"),
                sql("CREATE TABLE users (id int);", "ALTER TABLE users ADD COLUMN age integer NOT NULL;"));

        assertThat(withDefault.findings()).isEmpty();
        assertThat(newTable.findings()).isEmpty();
    }

    // ------------------------------------------------------------ add-column-volatile-default

    @ParameterizedTest
    @ValueSource(strings = {"uuid DEFAULT gen_random_uuid()", "double precision DEFAULT random() NOT NULL",
        "uuid DEFAULT public.uuid_generate_v4()", "timestamptz DEFAULT clock_timestamp()", "text DEFAULT timeofday()",
        "bigint DEFAULT nextval('s')", "serial", "bigint GENERATED ALWAYS AS IDENTITY",
        "int GENERATED ALWAYS AS (a + 1) STORED"})
    void defaultsThatGiveEachRowItsOwnValueRewriteTheTable(String definition) {
        LintReport report = lint(dir, "ALTER TABLE users ADD COLUMN c " + definition + ";");

        assertThat(of(report, "add-column-volatile-default")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(of(report, "add-column-not-null-without-default")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"timestamp DEFAULT now() NOT NULL", "timestamptz DEFAULT CURRENT_TIMESTAMP",
        "text DEFAULT 'random()'", "boolean DEFAULT false"})
    void stableAndConstantDefaultsAreFine(String definition) {
        assertThat(lint(dir, "ALTER TABLE users ADD COLUMN c " + definition + ";").findings()).isEmpty();
    }

    // ------------------------------------------------------------ set-not-null

    @Test
    void setNotNullOnAnExistingColumnIsAnErrorWithTheCheckSequence() {
        LintReport report = lint(dir, "ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL;");

        assertThat(of(report, "set-not-null")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.safeAlternative())
                    .contains("SET DEFAULT", "UPDATE \"users\"", "release 2")
                    .contains("ADD CONSTRAINT users_email_not_null CHECK (\"email\" IS NOT NULL) NOT VALID;")
                    .contains("VALIDATE CONSTRAINT users_email_not_null;")
                    .contains("ALTER COLUMN \"email\" SET NOT NULL;")
                    .contains("DROP CONSTRAINT users_email_not_null;");
        });
    }

    @Test
    void setNotNullAfterAValidatedNotNullCheckInTheSameMigrationIsFine() {
        LintReport report = lint(dir, sql(
                "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK ((\"email\" IS NOT NULL)) NOT VALID;",
                "ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;",
                "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                "ALTER TABLE users DROP CONSTRAINT users_email_nn;"));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aNotValidCheckThatWasNeverValidatedDoesNotCount() {
        LintReport report = lint(dir, sql(
                "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;",
                "ALTER TABLE users ALTER COLUMN email SET NOT NULL;"));

        assertThat(of(report, "set-not-null")).hasSize(1);
    }

    @Test
    void setNotNullOnAColumnAddedInTheSameMigrationIsFine() {
        LintReport report = lint(dir, sql("ALTER TABLE users ADD COLUMN nick text DEFAULT 'x';",
                "ALTER TABLE users ALTER COLUMN nick SET NOT NULL;"));

        assertThat(report.findings()).isEmpty();
    }

    // ------------------------------------------------------------ rename-column

    @Test
    void renamingAColumnIsAnErrorWithOrWithoutTheColumnKeyword() {
        LintReport report = lint(dir, sql("ALTER TABLE users RENAME COLUMN name TO display_name;",
                "ALTER TABLE ONLY \"users\" RENAME \"mail\" TO \"email\";"));

        assertThat(of(report, "rename-column")).hasSize(2).first().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("name", "display_name");
            assertThat(f.safeAlternative()).contains("text('name')", "drops name");
        });
    }

    @Test
    void renamingAConstraintOrAColumnOfANewTableIsFine() {
        LintReport report = lint(dir, sql("ALTER TABLE users RENAME CONSTRAINT a TO b;",
                "CREATE TABLE t (a int);", "ALTER TABLE t RENAME COLUMN a TO b;"));

        assertThat(of(report, "rename-column")).isEmpty();
    }

    // ------------------------------------------------------------ drop-column

    @Test
    void droppingAColumnIsAnErrorWithTheTwoReleasePattern() {
        LintReport report = lint(dir, "ALTER TABLE \"user\" DROP COLUMN IF EXISTS \"serverIp\";");

        assertThat(of(report, "drop-column")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("\"user\".\"serverIp\"");
            assertThat(f.safeAlternative()).contains("release 1", "release 2");
        });
    }

    @Test
    void everyDroppedColumnOfOneStatementIsReportedAtItsOwnPosition() {
        LintReport report = lint(dir, "ALTER TABLE t DROP COLUMN a,\n  DROP b;");

        assertThat(of(report, "drop-column")).extracting(LintFinding::line, LintFinding::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 15), org.assertj.core.groups.Tuple.tuple(2, 3));
    }

    @Test
    void droppingAConstraintOrAColumnOfANewTableIsFine() {
        LintReport report = lint(dir, sql("ALTER TABLE users DROP CONSTRAINT users_fk;",
                "CREATE TABLE t (a int, b int);", "ALTER TABLE t DROP COLUMN b;"));

        assertThat(of(report, "drop-column")).isEmpty();
    }

    // ------------------------------------------------------------ change-column-type

    @Test
    void aTypeChangeThatRewritesIsAnErrorNamingBothTypesWhenTheFolderDefinedTheColumn() {
        LintReport report = lintAfter(dir, "CREATE TABLE \"app\" (\"memory\" integer, \"name\" varchar(50));",
                "ALTER TABLE \"app\" ALTER COLUMN \"memory\" SET DATA TYPE text;");

        assertThat(of(report, "change-column-type")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("from integer to text");
            assertThat(f.safeAlternative()).contains("add a new column");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "varchar", "varchar(100)", "character varying(50)"})
    void widerTextTypesKeepTheStoredValues(String type) {
        LintReport report = lintAfter(dir, "CREATE TABLE app (name varchar(50));",
                "ALTER TABLE app ALTER COLUMN name TYPE " + type + ";");

        assertThat(of(report, "change-column-type")).isEmpty();
    }

    @Test
    void narrowingAVarcharIsAnError() {
        LintReport report = lintAfter(dir, "CREATE TABLE app (name varchar(50));",
                "ALTER TABLE app ALTER COLUMN name TYPE varchar(20);");

        assertThat(of(report, "change-column-type")).hasSize(1);
    }

    @Test
    void aTypeLearntFromAnEarlierAddColumnOrTypeChangeIsUsed() {
        LintReport report = lintAfter(dir, sql("ALTER TABLE app ADD COLUMN n numeric(10,2);",
                "ALTER TABLE app ALTER COLUMN n TYPE numeric(12,2);"),
                "ALTER TABLE app ALTER COLUMN n TYPE numeric(14,2);");

        assertThat(of(report, "change-column-type")).isEmpty();
    }

    @Test
    void withAnUnknownCurrentTypeOnlyAChangeToTextIsAssumedSafe() {
        LintReport toText = lint(dir.resolve("a"), "ALTER TABLE app ALTER COLUMN c SET DATA TYPE text;");
        LintReport toInt = lint(dir.resolve("b"), "ALTER TABLE app ALTER COLUMN c SET DATA TYPE integer;");
        LintReport using = lint(dir.resolve("c"),
                "ALTER TABLE app ALTER COLUMN c SET DATA TYPE text USING c::text;");

        assertThat(of(toText, "change-column-type")).isEmpty();
        assertThat(of(toInt, "change-column-type")).singleElement()
                .satisfies(f -> assertThat(f.safeAlternative()).contains("did not see the column's current type"));
        assertThat(of(using, "change-column-type")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("with USING"));
    }

    @Test
    void changingTheTypeOfAColumnOfANewTableIsFine() {
        LintReport report = lint(dir, sql("CREATE TABLE t (a int);", "ALTER TABLE t ALTER COLUMN a TYPE bigint;"));

        assertThat(report.findings()).isEmpty();
    }
}
