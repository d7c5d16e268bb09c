package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.FanOutListener;
import io.drizzlemigrator.metrics.FanOutMetrics;
import io.micrometer.core.instrument.Tags;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Schema-per-tenant ({@code drizzle.migrations.tenants.schemas} or {@code .query} set): the startup migration fans
 * out over the tenant schemas ({@link DrizzleTenants}, a {@link DrizzleMigrationStrategy}), the {@code drizzle}
 * health indicator counts tenants, and {@link FanOutMetrics} counts them by outcome. Before the one-table health
 * auto-configuration, which then backs off.
 */
@AutoConfiguration(before = DrizzleHealthAutoConfiguration.class, after = DrizzleMigrationsAutoConfiguration.class)
@ConditionalOnClass(DrizzleMigrator.class)
@Conditional(DrizzleTenantsAutoConfiguration.TenantsCondition.class)
@EnableConfigurationProperties(DrizzleTenantsProperties.class)
public final class DrizzleTenantsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean({DrizzleTenants.class, DrizzleMigrationStrategy.class})
    DrizzleTenants drizzleTenants(DrizzleTenantsProperties properties, ObjectProvider<FanOutListener> listeners) {
        return new DrizzleTenants(properties, listeners.orderedStream().toList());
    }

    /** Replaces the one-table indicator, which would read the base bookkeeping table no tenant uses. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("drizzle")
    static class TenantsHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "drizzleHealthIndicator")
        DrizzleTenantsHealthIndicator drizzleHealthIndicator(DrizzleTenants tenants) {
            return new DrizzleTenantsHealthIndicator(tenants);
        }
    }

    /** Spring Boot binds a MeterBinder bean to the registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class TenantsMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        FanOutMetrics drizzleFanOutMetrics() {
            return new FanOutMetrics(Tags.empty());
        }
    }

    /** Tenant schemas listed (as a comma-separated value or a YAML list), or a query that lists them. */
    static final class TenantsCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Binder binder = Binder.get(context.getEnvironment());
            boolean schemas = binder.bind(DrizzleTenantsProperties.PREFIX + ".schemas", Bindable.listOf(String.class))
                    .map(list -> !list.isEmpty()).orElse(false);
            boolean query = binder.bind(DrizzleTenantsProperties.PREFIX + ".query", String.class).isBound();
            return schemas || query ? ConditionOutcome.match("tenant schemas are configured")
                    : ConditionOutcome.noMatch("neither " + DrizzleTenantsProperties.PREFIX + ".schemas nor .query");
        }
    }
}
