package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code @Named} {@link DrizzleConfigurationCustomizer}s adjust the migrator of their own datasource only, in order. */
class CustomizerTest {

    @Test
    void customizersNamedAfterTheDatasourceAdjustItsMigratorInTheirOrderAfterTheProperties() {
        try (TestDatabase db = TestDatabase.create("mn_customizer");
                ApplicationContext ctx = TestContexts.run(db,
                        "drizzle.migrations.datasources.default.table", "from_properties",
                        "test.customizers", true)) {
            MigratorConfiguration c = ctx.getBean(DrizzleMigrations.class).migrator("default").configuration();

            assertThat(c.table()).isEqualTo("customized_history");
            assertThat(c.schema()).as("the customizer named 'reports' is not applied").isEqualTo("drizzle");
            assertThat(db.queryLong("select count(*) from drizzle.customized_history")).isEqualTo(journalEntries());
            assertThat(db.relationExists("drizzle.from_properties")).isFalse();
            assertThat(ctx.getBean(DefaultCustomizer.class).events)
                    .filteredOn(MigrationEvent.RunFinished.class::isInstance).hasSize(1);
        }
    }

    /** Renames the bookkeeping table and listens to the runs of the datasource "default", after the one below. */
    @Singleton
    @Named("default")
    @Requires(property = "test.customizers", value = "true")
    static class DefaultCustomizer implements DrizzleConfigurationCustomizer, Ordered {

        final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void customize(MigratorConfiguration.Builder builder) {
            builder.table("customized_history").listener(events::add);
        }

        @Override
        public int getOrder() {
            return 1;
        }
    }

    /** Also for "default", applied first: its table is replaced by the one above. */
    @Singleton
    @Named("default")
    @Requires(property = "test.customizers", value = "true")
    static class EarlierCustomizer implements DrizzleConfigurationCustomizer, Ordered {

        @Override
        public void customize(MigratorConfiguration.Builder builder) {
            builder.table("replaced_by_the_later_customizer");
        }

        @Override
        public int getOrder() {
            return -1;
        }
    }

    /** For another datasource: would move the bookkeeping table if it were applied to "default". */
    @Singleton
    @Named("reports")
    @Requires(property = "test.customizers", value = "true")
    static class ReportsCustomizer implements DrizzleConfigurationCustomizer {

        @Override
        public void customize(MigratorConfiguration.Builder builder) {
            builder.schema("reports_history");
        }
    }
}
