package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.appliedRows;
import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.health.MigrationHealth;
import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwoDataSourcesTest {

    /** drizzle's own fixture: it creates "all_columns" and "users12", nothing named "tasks". */
    private static final Path OTHER = Corpora.folder("drizzle-team__drizzle-orm");

    @Test
    void migratesEachDatasourceFromItsOwnFolderIntoItsOwnDatabase() {
        try (TestDatabase main = TestDatabase.create("mn_two_main");
                TestDatabase reports = TestDatabase.create("mn_two_reports")) {
            Map<String, Object> p = new HashMap<>();
            p.putAll(TestContexts.dataSource("default", main));
            p.putAll(TestContexts.dataSource("reports", reports));
            p.put("drizzle.migrations.datasources.default.enabled", true);
            p.put("drizzle.migrations.datasources.reports.location",
                    "filesystem:" + OTHER.toAbsolutePath());
            p.put("drizzle.migrations.datasources.reports.table", "reports_migrations");
            p.put("test.record-events", true);
            try (ApplicationContext ctx = ApplicationContext.run(p)) {
                assertThat(main.relationExists("tasks")).isTrue();
                assertThat(reports.relationExists("tasks")).isFalse();
                assertThat(reports.relationExists("users12")).isTrue();
                assertThat(main.relationExists("users12")).isFalse();
                assertThat(appliedRows(main)).isEqualTo(journalEntries());
                assertThat(reports.relationExists("drizzle.__drizzle_migrations")).isFalse();
                assertThat(reports.queryLong("select count(*) from drizzle.reports_migrations")).isEqualTo(journalEntries(OTHER));
                assertThat(ctx.getBean(FinishedEvents.class).received)
                        .extracting(MigrationFinishedEvent::datasourceName)
                        .containsExactlyInAnyOrder("default", "reports");
                assertThat(ctx.getBean(DrizzleMigrations.class).names()).containsExactly("default", "reports");
                // a listener bean named "default" hears that datasource's migrations, not the other's
                assertThat(ctx.getBean(RecordingListener.class).events)
                        .filteredOn(MigrationEvent.MigrationApplied.class::isInstance)
                        .extracting(e -> ((MigrationEvent.MigrationApplied) e).migration().tag())
                        .containsExactly("0000_create_tasks", "0001_add_task_paused_status", "0002_add_task_owner");
            }
        }
    }

    @Test
    void disablingOneDatasourceLeavesTheOtherMigrated() {
        try (TestDatabase main = TestDatabase.create("mn_one_off_main");
                TestDatabase reports = TestDatabase.create("mn_one_off_reports")) {
            Map<String, Object> p = new HashMap<>();
            p.putAll(TestContexts.dataSource("default", main));
            p.putAll(TestContexts.dataSource("reports", reports));
            p.put("drizzle.migrations.datasources.default.enabled", true);
            p.put("drizzle.migrations.datasources.reports.enabled", false);
            try (ApplicationContext ctx = ApplicationContext.run(p)) {
                assertThat(main.relationExists("tasks")).isTrue();
                assertThat(reports.relationExists("tasks")).isFalse();
                assertThat(appliedRows(reports)).isZero();
                // read once at startup, so readiness knows the disabled one is behind
                assertThat(ctx.getBean(DrizzleMigrations.class).health("reports").state())
                        .isEqualTo(MigrationHealth.State.PENDING);
            }
        }
    }
}
