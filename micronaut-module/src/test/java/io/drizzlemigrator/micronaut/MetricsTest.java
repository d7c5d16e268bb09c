package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.metrics.DrizzleMigrationMetrics;
import io.drizzlemigrator.testing.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void bindsTheStartupRunsMetersToTheApplicationsRegistryTaggedWithTheDatasource() {
        try (TestDatabase db = TestDatabase.create("mn_meters");
                ApplicationContext ctx = TestContexts.run(db, "drizzle.migrations.datasources.default.enabled", true)) {
            MeterRegistry registry = ctx.getBean(MeterRegistry.class);

            Counter applied = registry.find(DrizzleMigrationMetrics.APPLIED)
                    .tags("datasource", "default", DrizzleMigrationMetrics.TAG_OUTCOME, DrizzleMigrationMetrics.SUCCESS)
                    .counter();
            assertThat(applied).isNotNull();
            assertThat(applied.count()).isEqualTo(journalEntries());
            assertThat(registry.find(DrizzleMigrationMetrics.PENDING).tag("datasource", "default").gauge().value())
                    .isZero();
        }
    }

    @Test
    void registersNoMeterWhenTheBinderIsTurnedOff() {
        try (TestDatabase db = TestDatabase.create("mn_meters_off");
                ApplicationContext ctx = TestContexts.run(db, "drizzle.migrations.datasources.default.enabled", true,
                        "micronaut.metrics.binders.drizzle.enabled", false)) {
            MeterRegistry registry = ctx.getBean(MeterRegistry.class);
            assertThat(TestContexts.appliedRows(db)).isEqualTo(journalEntries());
            assertThat(registry.find(DrizzleMigrationMetrics.APPLIED).meters()).isEmpty();
        }
    }
}
