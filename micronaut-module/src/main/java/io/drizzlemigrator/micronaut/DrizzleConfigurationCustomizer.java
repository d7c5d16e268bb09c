package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.MigratorConfiguration;

/**
 * Adjusts the migrator of one datasource after its {@code drizzle.migrations.datasources.<name>.*} properties were
 * applied and before the configuration is validated, as micronaut-flyway's {@code FlywayConfigurationCustomizer}
 * does: a bean named after the datasource ({@code @Named("<name>")}) for what properties cannot say (a listener
 * that needs other beans, a setting computed at startup). Several beans for one datasource are applied in their
 * {@link io.micronaut.core.order.Ordered order}.
 *
 * <pre>{@code
 * @Singleton
 * @Named("default")
 * class AuditMigrations implements DrizzleConfigurationCustomizer {
 *     public void customize(MigratorConfiguration.Builder builder) {
 *         builder.listener(event -> audit.record(event));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DrizzleConfigurationCustomizer {

    /** Changes settings on the builder; do not call {@code build()} or {@code load()}. */
    void customize(MigratorConfiguration.Builder builder);
}
