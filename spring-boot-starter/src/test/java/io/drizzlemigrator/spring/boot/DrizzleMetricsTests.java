package io.drizzlemigrator.spring.boot;

import static io.drizzlemigrator.spring.boot.TestDatabases.applicationDataSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.metrics.DrizzleMigrationMetrics;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(PostgresExtension.class)
class DrizzleMetricsTests {

    private final TestDatabase db;
    private final ApplicationContextRunner runner;

    DrizzleMetricsTests(TestDatabase db) {
        this.db = db;
        this.runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                DataSourceAutoConfiguration.class, DrizzleMigrationsAutoConfiguration.class,
                DrizzleMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class));
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.reset(db);
    }

    @Test
    void recordsTheStartupRunInTheApplicationsRegistryTaggedWithTheDataSource() {
        runner.withPropertyValues(applicationDataSource(db)).run(context -> {
            assertThat(context).hasNotFailed();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(DrizzleMigrationMetrics.APPLIED).tag("datasource", "dataSource")
                    .tag(DrizzleMigrationMetrics.TAG_OUTCOME, DrizzleMigrationMetrics.SUCCESS).counter().count())
                    .isEqualTo(2);
            assertThat(registry.get(DrizzleMigrationMetrics.PENDING).tag("datasource", "dataSource").gauge().value())
                    .isZero();
            assertThat(registry.get(DrizzleMigrationMetrics.RUN).tag("datasource", "dataSource")
                    .tag(DrizzleMigrationMetrics.TAG_OUTCOME, DrizzleMigrationMetrics.SUCCESS).timer().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void tagsADedicatedConnectionWithItsUrlWithoutCredentials() {
        String password = db.password() != null ? db.password() : "s3cret-pw";
        String url = "postgresql://" + db.user() + ":" + password + "@" + db.server().host() + ":"
                + db.server().port() + "/" + db.name();
        withoutApplicationDataSource().withPropertyValues("drizzle.migrations.url=" + url).run(context -> {
            assertThat(context).hasNotFailed();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(DrizzleMigrationMetrics.APPLIED).counters())
                    .allSatisfy(c -> assertThat(c.getId().getTag("datasource")).isEqualTo(db.jdbcUrl()));
        });
    }

    private static ApplicationContextRunner withoutApplicationDataSource() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                DrizzleMigrationsAutoConfiguration.class, DrizzleMetricsAutoConfiguration.class,
                MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));
    }

    @Test
    void addsNoMetersWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DrizzleMigrationsAutoConfiguration.class, DrizzleMetricsAutoConfiguration.class))
                .withPropertyValues(applicationDataSource(db)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DrizzleMigrationMetrics.class);
                });
    }
}
