package io.drizzlemigrator;

/**
 * Receives the events of runs and status checks, on the migrating thread (except
 * {@link MigrationEvent.StatementBlocked} and {@link MigrationEvent.StatementProgressed}, which come from the run's
 * watcher thread while the migrating thread waits for the server). Used by the metrics and health support
 * and by integrations. A listener that throws is logged and ignored: it never breaks a migration.
 */
@FunctionalInterface
public interface MigrationListener {

    void onEvent(MigrationEvent event);
}
