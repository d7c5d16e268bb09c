package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.MigratorConfiguration;

/**
 * Adjusts the migrator's configuration after the {@code drizzle.migrations.*} properties were applied and before it
 * is validated. Beans of this type are applied in {@link org.springframework.core.Ordered order}:
 *
 * <pre>{@code
 * @Bean
 * DrizzleConfigurationCustomizer auditListener(AuditLog audit) {
 *     return builder -> builder.listener(event -> audit.record(event));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DrizzleConfigurationCustomizer {

    /** Changes settings on the builder; do not call {@code build()} or {@code load()}. */
    void customize(MigratorConfiguration.Builder builder);
}
