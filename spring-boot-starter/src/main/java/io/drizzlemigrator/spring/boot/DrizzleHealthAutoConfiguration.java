package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.health.MigrationHealthTracker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@code drizzle} health indicator, fed by a {@link MigrationHealthTracker} listening to the auto-configured
 * migrator, and its membership of the readiness group (unless {@code drizzle.migrations.readiness.enabled=false}). Off
 * with {@code management.health.drizzle.enabled=false}.
 */
@AutoConfiguration(after = {DrizzleMigrationsAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class})
@ConditionalOnClass({DrizzleMigrator.class, HealthIndicator.class})
@ConditionalOnBean(MigrationTarget.class)
@ConditionalOnEnabledHealthIndicator("drizzle")
public final class DrizzleHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrationHealthTracker drizzleMigrationHealthTracker(ObjectProvider<DrizzleMigrationStrategy> strategy) {
        return new MigrationHealthTracker(strategy.getIfAvailable() == null);
    }

    @Bean
    @ConditionalOnMissingBean(name = "drizzleHealthIndicator")
    DrizzleHealthIndicator drizzleHealthIndicator(MigrationHealthTracker tracker, DrizzleMigrator migrator) {
        return new DrizzleHealthIndicator(tracker, migrator);
    }

    /**
     * Health groups exist with the actuator's health endpoint only. {@code drizzle.migrations.readiness.enabled=false}
     * leaves the readiness group as the application configures it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnBooleanProperty(name = ReadinessGroupMembership.PROPERTY, matchIfMissing = true)
    static class ReadinessGroupConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReadinessGroupMembership drizzleReadinessGroupMembership(Environment environment) {
            return new ReadinessGroupMembership("drizzle", environment);
        }
    }
}
