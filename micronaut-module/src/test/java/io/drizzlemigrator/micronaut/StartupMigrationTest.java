package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.appliedRows;
import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

class StartupMigrationTest {

    @Test
    void migratesTheDataSourceBeforeAnyBeanReceivesIt() {
        try (TestDatabase db = TestDatabase.create("mn_startup");
                ApplicationContext ctx = TestContexts.run(db,
                        "drizzle.migrations.datasources.default.enabled", true,
                        "test.task-counter", true)) {
            // TaskCounter is created at startup and reads "tasks" in its constructor: it got a migrated database
            assertThat(ctx.getBean(TaskCounter.class).tasksAtStartup).isZero();
            assertThat(appliedRows(db)).isEqualTo(journalEntries());
        }
    }

    @Test
    void buildsConcurrentIndexesThroughThePoolWithoutHanging() {
        try (TestDatabase db = TestDatabase.create("mn_concurrently");
                ApplicationContext ctx = TestContexts.run(db,
                        "drizzle.migrations.datasources.default.enabled", true)) {
            assertThat(db.queryValue("select indisvalid from pg_index where indexrelid = 'tasks_owner_idx'::regclass"))
                    .isEqualTo(true);
            assertThat(ctx.getBean(DrizzleMigrations.class).status("default").isUpToDate()).isTrue();
        }
    }

    @Test
    void publishesTheResultOfEachStartupRun() {
        try (TestDatabase db = TestDatabase.create("mn_event")) {
            try (ApplicationContext first = TestContexts.run(db,
                    "drizzle.migrations.datasources.default.enabled", true, "test.record-events", true)) {
                assertThat(first.getBean(FinishedEvents.class).received).singleElement().satisfies(e -> {
                    assertThat(e.datasourceName()).isEqualTo("default");
                    assertThat(e.result().appliedCount()).isEqualTo(journalEntries());
                });
            }
            try (ApplicationContext second = TestContexts.run(db,
                    "drizzle.migrations.datasources.default.enabled", true, "test.record-events", true)) {
                assertThat(second.getBean(FinishedEvents.class).received).singleElement().satisfies(e -> {
                    assertThat(e.result().appliedCount()).isZero();
                    assertThat(e.result().status().isUpToDate()).isTrue();
                });
            }
            assertThat(appliedRows(db)).isEqualTo(journalEntries());
        }
    }

    @Test
    void leavesDataSourcesWithoutConfigurationAlone() {
        try (TestDatabase db = TestDatabase.create("mn_unconfigured");
                ApplicationContext ctx = TestContexts.run(db, "test.record-events", true)) {
            assertThat(ctx.getBean(DrizzleMigrations.class).names()).isEmpty();
            assertThat(db.relationExists("tasks")).isFalse();
            assertThat(ctx.getBean(FinishedEvents.class).received).isEmpty();
        }
    }
}
