package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.appliedRows;
import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DedicatedUrlTest {

    @Test
    void migratesThroughTheDedicatedUrlRatherThanThePool() {
        try (TestDatabase pool = TestDatabase.create("mn_url_pool");
                TestDatabase migrationTarget = TestDatabase.create("mn_url_target");
                ApplicationContext ctx = TestContexts.run(pool,
                        "drizzle.migrations.datasources.default.url", migrationTarget.libpqUrl())) {
            ctx.getBean(DataSource.class);
            assertThat(appliedRows(migrationTarget)).isEqualTo(journalEntries());
            assertThat(migrationTarget.relationExists("tasks")).isTrue();
            assertThat(pool.relationExists("tasks")).isFalse();
        }
    }

    @Test
    void migratesAtStartupWhenNoDataSourceExists() {
        try (TestDatabase db = TestDatabase.create("mn_url_only");
                ApplicationContext ctx = ApplicationContext.run(Map.of(
                        "drizzle.migrations.datasources.billing.url", db.libpqUrl(),
                        "test.record-events", true))) {
            assertThat(ctx.containsBean(DataSource.class)).isFalse();
            assertThat(appliedRows(db)).isEqualTo(journalEntries());
            assertThat(ctx.getBean(FinishedEvents.class).received).singleElement()
                    .satisfies(e -> assertThat(e.datasourceName()).isEqualTo("billing"));
        }
    }
}
