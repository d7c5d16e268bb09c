package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.metrics.DrizzleMigrationMetrics;
import io.drizzlemigrator.metrics.FanOutMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * With micronaut-micrometer: one {@link DrizzleMigrationMetrics} per configured datasource, tagged
 * {@value #TAG_DATASOURCE}{@code =<name>}. micronaut-micrometer binds it to the application's registry like any
 * {@code MeterBinder}; it also listens to that datasource's runs, and keeps what a startup run recorded until the
 * registry exists. {@code micronaut.metrics.binders.drizzle.enabled=false} turns the meters off.
 */
@Factory
@RequiresMetrics
@Requires(classes = {MeterRegistry.class, RequiresMetrics.class})
@Requires(property = DrizzleMetricsFactory.ENABLED_PROPERTY, notEquals = "false")
class DrizzleMetricsFactory {

    /** {@code false} turns the meters off. */
    static final String ENABLED_PROPERTY = "micronaut.metrics.binders.drizzle.enabled";
    /** The tag naming the datasource on every meter. */
    static final String TAG_DATASOURCE = "datasource";

    @Singleton
    @EachBean(DrizzleMigrationsConfiguration.class)
    DrizzleMigrationMetrics drizzleMigrationMetrics(DrizzleMigrationsConfiguration configuration) {
        return new DrizzleMigrationMetrics(Tags.of(TAG_DATASOURCE, configuration.getName()));
    }

    /**
     * The tenants of each datasource counted by outcome ({@code tenants.*}; zero without tenants), tagged with the
     * datasource and never with a tenant: a tag per tenant would be unbounded cardinality. Its startup fan-out finds
     * it as a {@code @Named} {@link io.drizzlemigrator.FanOutListener}.
     */
    @Singleton
    @EachBean(DrizzleMigrationsConfiguration.class)
    FanOutMetrics drizzleFanOutMetrics(DrizzleMigrationsConfiguration configuration) {
        return new FanOutMetrics(Tags.of(TAG_DATASOURCE, configuration.getName()));
    }
}
