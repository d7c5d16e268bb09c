package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.health.MigrationHealthTracker;
import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify() and verifyAfterMigrate: a prepared migration's queries run after the run; the health details show them. */
@FreshDatabasePerTest
class VerifyAfterMigrateTest {

    private final TestDatabase db;

    @TempDir
    Path dir;

    VerifyAfterMigrateTest(TestDatabase db) {
        this.db = db;
    }

    private Path prepared() {
        Path folder = TestFolder.in(dir.resolve("drizzle"))
                .migration("0000_quiet_owl", TestFolder.statements(
                        "CREATE TABLE \"incident\" (\"id\" serial PRIMARY KEY, \"title\" varchar(200) NOT NULL);",
                        "CREATE INDEX \"incident_title_idx\" ON \"incident\" (\"title\");"))
                .write();
        MigrationPreparer.configure().folder(folder).name("add_incident_table").author("Ada (backend)")
                .source("INC-1").prepare();
        return folder;
    }

    @Test
    void runsTheVerificationQueriesAfterTheRunAndShowsThemInTheHealthDetailsAndTheLastRun() {
        MigrationHealthTracker tracker = new MigrationHealthTracker(true);
        DrizzleMigrator migrator = DrizzleMigrator.configure().dataSource(db.dataSource())
                .location(prepared().toString()).verifyAfterMigrate(true).listener(tracker).load();

        migrator.migrate();

        assertThat(tracker.current().details()).extractingByKey("verification")
                .isEqualTo(Map.of("queries", 2, "notTrue", 0));
        assertThat(tracker.activity().lastRun().verification().passed()).isTrue();
        Map<String, Object> endpoint = StatusView.read(migrator, tracker.activity(), null).toMap();
        assertThat(endpoint).extractingByKey("lastRun").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("verification",
                        Map.of("queries", 2, "notTrue", 0));

        db.execute("DROP INDEX incident_title_idx");
        migrator.migrate(); // nothing to apply: the queries still run

        Map<String, Object> verification = tracker.current().verification().orElseThrow();
        assertThat(verification).containsEntry("notTrue", 1);
        assertThat(verification.get("failures").toString()).contains("0000_add_incident_table.sql:",
                "incident_title_idx", "(false)");
        VerificationReport report = migrator.verify();
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).singleElement().extracting(VerificationReport.Query::result).isEqualTo(false);
    }

    @Test
    void isOffByDefault() {
        MigrationHealthTracker tracker = new MigrationHealthTracker(true);
        DrizzleMigrator.configure().dataSource(db.dataSource()).location(prepared().toString()).listener(tracker)
                .load().migrate();

        assertThat(MigratorDefaults.VERIFY_AFTER_MIGRATE).isFalse();
        assertThat(tracker.current().details()).doesNotContainKey("verification");
        assertThat(tracker.activity().lastRun().verification()).isNull();
    }
}
