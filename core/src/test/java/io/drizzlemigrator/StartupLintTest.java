package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.internal.lint.FolderLinter;
import io.drizzlemigrator.internal.source.MigrationFolderReader;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFailedException;
import io.drizzlemigrator.lint.LintReport;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The linter at startup: only pending migrations, warn by default, refuse in FAIL mode before anything runs. */
@ExtendWith(PostgresExtension.class)
class StartupLintTest {

    @TempDir
    Path dir;

    private static final String HEADER = "-- Migration: t\n-- Date: 2026-11-25\n-- Author: a (b)\n-- Source: T-1\n\n";

    private Path folder(String name) {
        return TestFolder.in(dir.resolve(name))
                .migration("0000_create_things", HEADER + "CREATE TABLE things (id int, name text);")
                .migration("0001_drop_name", HEADER + "ALTER TABLE things DROP COLUMN name;")
                .write();
    }

    @Test
    void failModeRefusesAnErrorLevelFindingBeforeAnythingIsApplied(TestDatabase db) {
        db.execute("DROP SCHEMA IF EXISTS drizzle CASCADE", "DROP TABLE IF EXISTS things");
        Path folder = folder("fail");

        assertThatThrownBy(() -> DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .lintMode(LintMode.FAIL).load().migrate())
                .isInstanceOfSatisfying(LintFailedException.class, e -> {
                    assertThat(e.report().hasErrors()).isTrue();
                    assertThat(e.getMessage()).contains("0001_drop_name.sql", "drop-column");
                });
        assertThat(db.relationExists("things")).isFalse();
        assertThat(db.queryValue("select to_regnamespace('drizzle')::text")).isNull();
    }

    @Test
    void warnModeAppliesAndReportsTheFindingsAndAppliedHistoryIsNotLintedAgain(TestDatabase db) {
        db.execute("DROP SCHEMA IF EXISTS drizzle CASCADE", "DROP TABLE IF EXISTS things");
        Path folder = folder("warn");

        MigrateResult first = DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .load().migrate();
        assertThat(first.appliedCount()).isEqualTo(2);
        assertThat(first.warnings()).anySatisfy(w -> assertThat(w).startsWith("lint:"));

        MigrateResult second = DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .lintMode(LintMode.FAIL).load().migrate();
        assertThat(second.appliedCount()).isZero();
        assertThat(second.warnings()).noneSatisfy(w -> assertThat(w).startsWith("lint:"));
    }

    /** An invalid lint configuration stops the run before anything is applied, in WARN mode too. */
    @Test
    void warnModeRefusesAnInvalidLintConfigurationBeforeAnythingIsApplied(TestDatabase db) throws Exception {
        db.execute("DROP SCHEMA IF EXISTS drizzle CASCADE", "DROP TABLE IF EXISTS things");
        Path folder = folder("badconfig");
        java.nio.file.Files.writeString(folder.resolve(LintConfig.FILE_NAME), "{\"rules\": ");

        assertThatThrownBy(() -> DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .load().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(LintConfig.FILE_NAME);
        assertThat(db.relationExists("things")).isFalse();
    }

    /** The findings of WARN mode are reported with the run's result. */
    @Test
    void warnModeReportsTheFindingsOfEveryAppliedMigration(TestDatabase db) {
        db.execute("DROP SCHEMA IF EXISTS drizzle CASCADE", "DROP TABLE IF EXISTS things");
        Path folder = folder("warnall");

        MigrateResult result = DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .load().migrate();
        LintReport expected = FolderLinter.lintMigrations(
                MigrationFolderReader.read(folder.toString(), null), null, m -> true, LintConfig.defaults());

        assertThat(expected.isEmpty()).isFalse();
        assertThat(result.warnings()).singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith("lint: 1 finding")
                .contains("in the 2 migrations applied by this run", "drop-column 1",
                        "1 of them would refuse the run with lint mode fail", "run `drizzle-migrator lint` for details");
    }

    /** A run that goes on calls nothing an error, and the details are for DEBUG: one summary line in the log. */
    @Test
    void warnModeLogsOneSummaryLineAndTheFindingsOnlyAtDebug(TestDatabase db) {
        db.execute("DROP SCHEMA IF EXISTS drizzle CASCADE", "DROP TABLE IF EXISTS things");
        Path folder = folder("quiet");
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString()).load().migrate();
        } finally {
            System.setErr(original);
        }

        assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("lint:")))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("WARN", "lint: 1 finding in the 2 migrations").doesNotContainIgnoringCase("error");
    }

    /** The conventions hold from the baseline on: a first run adopts the folder as it is, later files must follow. */
    @Test
    void conventionsApplyOnlyToMigrationsAfterTheFirstRun(TestDatabase db) {
        db.execute("DROP SCHEMA IF EXISTS drizzle CASCADE", "DROP TABLE IF EXISTS legacy, later");
        TestFolder folder = TestFolder.in(dir.resolve("baseline"))
                .migration("0000_legacy", "CREATE TABLE legacy (id int);");
        MigrateResult first = DrizzleMigrator.configure().dataSource(db.dataSource())
                .location(folder.write().toString()).lintMode(LintMode.FAIL).load().migrate();
        assertThat(first.warnings()).noneSatisfy(w -> assertThat(w).startsWith("lint:"));

        folder.migration("0001_later", "CREATE TABLE later (id int);");
        MigrateResult second = DrizzleMigrator.configure().dataSource(db.dataSource())
                .location(folder.write().toString()).load().migrate();

        assertThat(second.appliedCount()).isEqualTo(1);
        assertThat(second.warnings()).anySatisfy(w -> assertThat(w).startsWith("lint:").contains("missing-header 1"));
    }

    @Test
    void offModeDoesNotLint(TestDatabase db) {
        db.execute("DROP SCHEMA IF EXISTS drizzle CASCADE", "DROP TABLE IF EXISTS things");
        Path folder = folder("off");

        MigrateResult result = DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .lintMode(LintMode.OFF).load().migrate();

        assertThat(result.appliedCount()).isEqualTo(2);
        assertThat(result.warnings()).noneSatisfy(w -> assertThat(w).startsWith("lint:"));
    }
}
