/**
 * Micrometer metrics of migration runs: {@link io.drizzlemigrator.metrics.DrizzleMigrationMetrics}, a
 * {@code MeterBinder} that is also a {@link io.drizzlemigrator.MigrationListener}.
 *
 * <p>Micrometer is an optional dependency of drizzle-migrator: this package is the only one that uses it, and it is
 * loaded only when an application creates the binder. The meters are listed in {@code docs/observability.md}.
 */
package io.drizzlemigrator.metrics;
