package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.metrics.DrizzleMigrationMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Migration meters ({@code drizzle.migrations.*}, see {@link DrizzleMigrationMetrics}) in the application's
 * {@link MeterRegistry}, tagged {@value #DATASOURCE_TAG} with the migration DataSource's bean name (or the dedicated
 * URL without credentials). The meters listen to the auto-configured migrator; Spring Boot binds them to the registry
 * (a startup run that finished before is replayed into it).
 */
@AutoConfiguration(after = {MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
        SimpleMetricsExportAutoConfiguration.class, DrizzleMigrationsAutoConfiguration.class})
@ConditionalOnClass({DrizzleMigrator.class, MeterRegistry.class, MetricsAutoConfiguration.class})
@ConditionalOnBean({MeterRegistry.class, MigrationTarget.class})
public final class DrizzleMetricsAutoConfiguration {

    /** The tag naming the database migrations run against. */
    public static final String DATASOURCE_TAG = "datasource";

    @Bean
    @ConditionalOnMissingBean
    DrizzleMigrationMetrics drizzleMigrationMetrics(MigrationTarget target) {
        return new DrizzleMigrationMetrics(Tags.of(DATASOURCE_TAG, target.name()));
    }
}
