package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;

/**
 * Replaces "apply pending migrations at startup". A bean of this type is called at startup, before anything uses the
 * database, instead of {@link DrizzleMigrator#migrate()}. For a service whose migrations run as a separate job:
 *
 * <pre>{@code
 * @Bean
 * DrizzleMigrationStrategy migrationsRunAsAJob() {
 *     return DrizzleMigrationStrategy.validateOnly();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DrizzleMigrationStrategy {

    /** Does what startup needs with the configured migrator; an exception thrown here fails startup. */
    void migrate(DrizzleMigrator migrator);

    /**
     * Changes nothing and refuses to start while a migration of this build's folder is pending or out of order
     * ({@link DrizzleMigrator#validate()}): the service only starts on a database that a migration job brought up to
     * date.
     */
    static DrizzleMigrationStrategy validateOnly() {
        return DrizzleMigrator::validate;
    }

    /**
     * Does nothing at startup: migrations are somebody else's job. The health indicator still reports pending
     * migrations (not ready) until they are applied.
     */
    static DrizzleMigrationStrategy skip() {
        return migrator -> {
        };
    }
}
