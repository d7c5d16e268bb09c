package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.MigrateResult;
import java.util.Objects;

/**
 * Published when a migration run of a datasource finished successfully, at startup or through
 * {@link DrizzleMigrations#migrate(String)}. A failed run publishes nothing: its exception ends startup or reaches
 * the caller.
 *
 * <p>Listeners run on the migrating thread: at startup while the DataSource is still being created (a listener must
 * not inject that DataSource or its users: repositories, entity managers), or with {@code async=true} in the
 * background, where it tells the application that the schema is now current.
 *
 * @param datasourceName the name of the datasource, as in {@code drizzle.migrations.datasources.<name>}
 * @param result what the run did
 */
public record MigrationFinishedEvent(String datasourceName, MigrateResult result) {

    public MigrationFinishedEvent {
        Objects.requireNonNull(datasourceName, "datasourceName");
        Objects.requireNonNull(result, "result");
    }
}
