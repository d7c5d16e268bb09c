package io.drizzlemigrator.lint;

import static io.drizzlemigrator.lint.LintFixture.HEADER;
import static io.drizzlemigrator.lint.LintFixture.of;
import static io.drizzlemigrator.lint.LintFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestFolder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConventionRulesTest {

    private static final String DROP = "ALTER TABLE users DROP COLUMN nickname;";
    private static final LintConfig CONVENTIONS;

    static {
        LintConfig.Builder b = LintConfig.builder();
        for (String id : LintConfig.ruleIds()) {
            if (!id.equals("missing-header") && !id.equals("missing-rollback") && !id.equals("auto-name")) {
                b.disable(id);
            }
        }
        CONVENTIONS = b.build();
    }

    @TempDir
    Path dir;

    private LintReport lintOne(String tag, String sql) {
        return LintFixture.lint(TestFolder.in(dir).migration(tag, sql).write(), CONVENTIONS);
    }

    // ------------------------------------------------------------ missing-header

    @Test
    void aMigrationWithoutHeaderIsAWarningWithATemplateDatedFromTheJournal() {
        LintReport report = lintOne("0001_add_users", "CREATE TABLE users (id int);");

        assertThat(of(report, "missing-header")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).startsWith("No header comment");
            assertThat(f.safeAlternative()).contains("-- Migration:", "-- Date: 2024-11-19", "-- Author:",
                    "-- Source:").doesNotContain("-- Rollback: See");
        });
    }

    @Test
    void aPartialHeaderNamesTheMissingFieldsAndRequiresRollbackWhenTheMigrationAltersExistingObjects() {
        LintReport report = lintOne("0001_drop_nickname", "-- Migration: drop the nickname\n-- Author: ann (dev)\n"
                + DROP);

        assertThat(of(report, "missing-header")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("The header lacks -- Date:, -- Source:, -- Rollback:").contains("drops column users.nickname"));
    }

    @Test
    void aCompleteHeaderIsFineAndRollbackIsNotRequiredForAdditiveMigrations() {
        LintReport complete = lintOne("0001_change", HEADER + DROP);
        LintReport additive = LintFixture.lint(TestFolder.in(dir.resolve("b")).migration("0001_add_users",
                "-- migration: add users\n--   date: 2024-11-19\n-- AUTHOR: ann\n-- Source: TICKET-1\n\n"
                        + "CREATE TABLE users (id int);").write(), CONVENTIONS);

        assertThat(of(complete, "missing-header")).isEmpty();
        assertThat(of(additive, "missing-header")).isEmpty();
    }

    @Test
    void drizzleKitsCustomPlaceholderFileIsFine() {
        LintReport report = lintOne("0001_dizzy_falcon", "-- Custom SQL migration file, put your code below! --");

        assertThat(report.findings()).isEmpty();
    }

    // ------------------------------------------------------------ missing-rollback

    @Test
    void aMigrationThatDropsAColumnWithoutRollbackFileIsReportedAtTheStatement() {
        LintReport report = lintOne("0001_change", HEADER + "CREATE TABLE t (id int);\n" + DROP);

        assertThat(of(report, "missing-rollback")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(7);
            assertThat(f.column()).isEqualTo(19);
            assertThat(f.message()).contains("drops column users.nickname", "0001_change_rollback.sql");
            assertThat(f.safeAlternative()).contains("never runs them");
        });
    }

    @Test
    void theCompanionNamedAfterTheTagOrByTheHeaderOrWithTheSameNumberSatisfiesTheRule() {
        Path byTag = TestFolder.in(dir.resolve("a")).migration("0001_change", HEADER + DROP).write();
        write(byTag, "0001_change_rollback.sql", "ALTER TABLE users ADD COLUMN nickname text;");
        Path byHeader = TestFolder.in(dir.resolve("b")).migration("0001_change",
                HEADER.replace("0001_change_rollback.sql", "rollbacks/drop_nickname.sql") + DROP).write();
        write(byHeader, "rollbacks/drop_nickname.sql", "ALTER TABLE users ADD COLUMN nickname text;");
        Path byNumber = TestFolder.in(dir.resolve("c")).migration("0001_change", HEADER + DROP).write();
        write(byNumber, "0001_undo_nickname_drop_rollback.sql", "ALTER TABLE users ADD COLUMN nickname text;");

        for (Path folder : new Path[] {byTag, byHeader, byNumber}) {
            assertThat(of(LintFixture.lint(folder, CONVENTIONS), "missing-rollback")).as(folder.toString()).isEmpty();
        }
    }

    @Test
    void onTheClasspathTheCompanionIsLookedUpByNameThroughTheClassLoader() throws Exception {
        Path resources = dir.resolve("resources");
        Path folder = TestFolder.in(resources.resolve("db/migrations")).migration("0001_change", HEADER + DROP)
                .migration("0002_more", HEADER.replace("0001_change", "0002_more") + "DROP TABLE old;").write();
        write(folder, "0001_change_rollback.sql", "-- undo");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
            LintReport report = MigrationLinter.lint("classpath:db/migrations", loader, CONVENTIONS, LintFixture.CLOCK);

            assertThat(of(report, "missing-rollback")).extracting(LintFinding::file).containsExactly("0002_more.sql");
        }
    }

    @Test
    void additiveMigrationsNeedNoRollback() {
        LintReport report = lintOne("0001_change", HEADER + "CREATE TABLE t (id int);\n"
                + "ALTER TABLE users ADD COLUMN nick text;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (nick);\n"
                + "ALTER TYPE role ADD VALUE IF NOT EXISTS 'owner';\nALTER TABLE t DROP COLUMN id;");

        assertThat(of(report, "missing-rollback")).isEmpty();
    }

    // ------------------------------------------------------------ auto-name

    @Test
    void aDrizzleKitAdjectiveHeroNameIsInfoWithANameSuggestedFromTheSql() {
        LintReport report = lintOne("0009_dizzy_falcon", HEADER + "CREATE TABLE \"incidentReports\" (id int);");

        assertThat(of(report, "auto-name")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.file()).isEqualTo("0009_dizzy_falcon.sql");
            assertThat(f.line()).isZero();
            assertThat(f.message()).contains("'dizzy_falcon'");
            assertThat(f.safeAlternative()).contains("0009_create_incident_reports.sql", "\"tag\"",
                    "meta/_journal.json");
        });
    }

    @Test
    void multiWordHeroesAreRecognisedToo() {
        assertThat(of(lintOne("0002_ambiguous_carlie_cooper", HEADER + "CREATE TABLE t (id int);"), "auto-name"))
                .hasSize(1);
    }

    @Test
    void descriptiveNamesAreFine() {
        String[] tags = {"0000_add_offline_status", "0002_knowledge_and_dag_tables", "0007_team_routing",
            "0001_increase-secret-kind-length", "0003_init", "0004_users"};
        for (int i = 0; i < tags.length; i++) {
            Path folder = TestFolder.in(dir.resolve("f" + i)).migration(tags[i],
                    HEADER + "CREATE TABLE team (routing text);").write();
            assertThat(of(LintFixture.lint(folder, CONVENTIONS), "auto-name")).as(tags[i]).isEmpty();
        }
    }

    @Test
    void conventionFindingsAreSuppressedForTheWholeFileFromTheHeader() {
        LintReport report = lintOne("0009_dizzy_falcon", "-- drizzle-migrator:ignore-file missing-header,auto-name "
                + "generated by a vendor tool we do not edit\n-- drizzle-migrator:ignore-file missing-rollback "
                + "restored from the nightly backup instead\n" + DROP);

        assertThat(report.findings()).isEmpty();
    }
}
