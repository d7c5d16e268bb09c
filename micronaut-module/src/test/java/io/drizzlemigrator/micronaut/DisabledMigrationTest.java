package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.appliedRows;
import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DisabledMigrationTest {

    @Test
    void leavesTheSchemaAloneWhenTheDatasourceIsDisabledUntilAskedToMigrate() {
        try (TestDatabase db = TestDatabase.create("mn_disabled");
                ApplicationContext ctx = TestContexts.run(db,
                        "drizzle.migrations.datasources.default.enabled", false, "test.record-events", true)) {
            ctx.getBean(DataSource.class);
            assertThat(db.relationExists("tasks")).isFalse();
            DrizzleMigrations migrations = ctx.getBean(DrizzleMigrations.class);
            assertThat(migrations.status("default").pending()).hasSize(journalEntries());

            MigrateResult result = migrations.migrate("default");

            assertThat(result.appliedCount()).isEqualTo(journalEntries());
            assertThat(appliedRows(db)).isEqualTo(journalEntries());
            assertThat(migrations.status("default").migrations()).extracting(m -> m.state())
                    .containsOnly(MigrationState.APPLIED);
            assertThat(ctx.getBean(FinishedEvents.class).received).singleElement()
                    .satisfies(e -> assertThat(e.result()).isSameAs(result));
        }
    }

    @Test
    void turnsTheWholeIntegrationOffWithOneProperty() {
        try (TestDatabase db = TestDatabase.create("mn_global_off");
                ApplicationContext ctx = TestContexts.run(db,
                        "drizzle.migrations.enabled", false,
                        "drizzle.migrations.datasources.default.enabled", true)) {
            ctx.getBean(DataSource.class);
            assertThat(ctx.containsBean(DrizzleMigrations.class)).isFalse();
            assertThat(ctx.containsBean(DrizzleMigrationsConfiguration.class)).isFalse();
            assertThat(db.relationExists("tasks")).isFalse();
            assertThat(db.relationExists("drizzle.__drizzle_migrations")).isFalse();
        }
    }
}
