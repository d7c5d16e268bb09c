package io.drizzlemigrator.lint;

import static io.drizzlemigrator.lint.LintFixture.lint;
import static io.drizzlemigrator.lint.LintFixture.of;
import static io.drizzlemigrator.lint.LintFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuppressionTest {

    private static final String DROP = "ALTER TABLE users DROP COLUMN nickname;";

    @TempDir
    Path dir;

    /** One statement that fires each statement rule. */
    static Stream<Arguments> statementRules() {
        return Stream.of(
                Arguments.of("index-not-concurrent", "CREATE INDEX i ON users (email);"),
                Arguments.of("drop-index-not-concurrent", "DROP INDEX i;"),
                Arguments.of("concurrent-index-not-idempotent", "CREATE INDEX CONCURRENTLY i ON users (email);"),
                Arguments.of("reindex-not-concurrent", "REINDEX TABLE users;"),
                Arguments.of("add-column-not-null-without-default", "ALTER TABLE users ADD COLUMN a int NOT NULL;"),
                Arguments.of("add-column-volatile-default", "ALTER TABLE users ADD COLUMN a uuid DEFAULT gen_random_uuid();"),
                Arguments.of("set-not-null", "ALTER TABLE users ALTER COLUMN a SET NOT NULL;"),
                Arguments.of("rename-column", "ALTER TABLE users RENAME COLUMN a TO b;"),
                Arguments.of("drop-column", DROP),
                Arguments.of("change-column-type", "ALTER TABLE users ALTER COLUMN a TYPE bigint;"),
                Arguments.of("drop-table", "DROP TABLE users;"),
                Arguments.of("rename-table", "ALTER TABLE users RENAME TO people;"),
                Arguments.of("enum-rename-value", "ALTER TYPE role RENAME VALUE 'a' TO 'b';"),
                Arguments.of("drop-type", "DROP TYPE role;"),
                Arguments.of("enum-add-value-not-idempotent", "ALTER TYPE role ADD VALUE 'c';"),
                Arguments.of("enum-value-used-in-same-transaction",
                        "ALTER TYPE role ADD VALUE IF NOT EXISTS 'c';\nUPDATE users SET role = 'c';"),
                Arguments.of("foreign-key-without-not-valid",
                        "ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (b) REFERENCES b (id);"),
                Arguments.of("check-without-not-valid", "ALTER TABLE a ADD CONSTRAINT c CHECK (b > 0);"),
                Arguments.of("add-unique-constraint", "ALTER TABLE a ADD CONSTRAINT u UNIQUE (b);"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementRules")
    void everyStatementRuleFiresAndIsSuppressedByACommentWithAReason(String rule, String sql) {
        LintReport plain = lint(dir.resolve("plain"), sql);
        String lastStatement = sql.substring(sql.lastIndexOf('\n') + 1);
        String before = sql.substring(0, sql.length() - lastStatement.length());
        LintReport suppressed = lint(dir.resolve("suppressed"),
                before + "-- drizzle-migrator:ignore " + rule + " checked with the on-call DBA\n" + lastStatement);

        assertThat(of(plain, rule)).isNotEmpty();
        assertThat(of(suppressed, rule)).isEmpty();
        assertThat(suppressed.findings("invalid-suppression")).isEmpty();
        assertThat(suppressed.findings("unused-suppression")).isEmpty();
    }

    @Test
    void aCommentAtTheEndOfTheStatementSuppressesItEvenBeforeTheBreakpointMarker() {
        LintReport report = lint(dir, DROP + " -- drizzle-migrator:ignore drop-column unused since v42--> statement-breakpoint\n"
                + "ALTER TABLE users DROP COLUMN email;");

        assertThat(of(report, "drop-column")).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(2));
        assertThat(report.findings("unused-suppression")).isEmpty();
    }

    @Test
    void aCommentBeforeAStatementAppliesToThatStatementOnlyAcrossBlankAndCommentLines() {
        LintReport report = lint(dir, "-- drizzle-migrator:ignore drop-column unused since v42\n\n-- the cleanup\n"
                + DROP + "\n" + DROP.replace("nickname", "email"));

        assertThat(of(report, "drop-column")).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(5));
    }

    @Test
    void aCommentInsideAMultiLineStatementAppliesToIt() {
        LintReport report = lint(dir, "ALTER TABLE users\n  -- drizzle-migrator:ignore drop-column unused since v42\n"
                + "  DROP COLUMN a;");

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aCommentBeforeADoBlockSuppressesTheFindingsInsideIt() {
        LintReport report = lint(dir, "-- drizzle-migrator:ignore foreign-key-without-not-valid the table is empty\n"
                + "DO $$ BEGIN\n ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (b) REFERENCES b (id);\nEXCEPTION\n"
                + " WHEN duplicate_object THEN null;\nEND $$;");

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void oneCommentCanNameSeveralRules() {
        LintReport report = lint(dir, "-- drizzle-migrator:ignore drop-column,rename-column release 3 of the rename\n"
                + "ALTER TABLE users DROP COLUMN a, RENAME COLUMN b TO c;");

        assertThat(report.findings()).extracting(LintFinding::ruleId).doesNotContain("drop-column");
    }

    @Test
    void aCommentWithoutAReasonSuppressesNothingAndIsItselfAFinding() {
        LintReport report = lint(dir, "-- drizzle-migrator:ignore drop-column\n" + DROP);

        assertThat(of(report, "drop-column")).hasSize(1);
        assertThat(of(report, "invalid-suppression")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).contains("gives no reason");
        });
    }

    @Test
    void aCommentNamingAnUnknownRuleIsAFinding() {
        LintReport report = lint(dir, "-- drizzle-migrator:ignore drop-colum typo\n" + DROP);

        assertThat(of(report, "drop-column")).hasSize(1);
        assertThat(of(report, "invalid-suppression")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("unknown rule 'drop-colum'"));
    }

    @Test
    void aFileLevelCommentInTheHeaderSuppressesTheRuleInTheWholeFile() {
        LintReport report = lint(dir, "-- Migration: cleanup\n-- drizzle-migrator:ignore-file drop-column release 2 "
                + "of the removal\n\n" + DROP + "\n" + DROP.replace("nickname", "email"));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aFileLevelCommentBelowTheHeaderIsAFindingAndSuppressesNothing() {
        LintReport report = lint(dir, DROP + "\n-- drizzle-migrator:ignore-file drop-column too late\n");

        assertThat(of(report, "drop-column")).hasSize(1);
        assertThat(of(report, "invalid-suppression")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("below the file's header"));
    }

    @Test
    void aCommentThatSuppressesNothingIsReportedAsUnusedUnlessItsRuleIsOff() {
        String sql = "-- drizzle-migrator:ignore drop-column unused since v42\nALTER TABLE users ADD COLUMN a text;";
        LintReport on = lint(dir.resolve("on"), sql);
        LintReport off = LintFixture.lint(TestFolder.in(dir.resolve("off")).migration("0000_change", sql).write(),
                LintFixture.STATEMENTS.toBuilder().disable("drop-column").build());

        assertThat(of(on, "unused-suppression")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.line()).isEqualTo(1);
        });
        assertThat(off.findings()).isEmpty();
    }

    @Test
    void theMarkerInsideAStringIsNotAComment() {
        LintReport report = lint(dir, sql("INSERT INTO notes VALUES ('-- drizzle-migrator:ignore drop-column x');",
                DROP));

        assertThat(of(report, "drop-column")).hasSize(1);
        assertThat(report.findings()).extracting(LintFinding::ruleId).containsExactly("drop-column");
    }
}
