package io.drizzlemigrator;

/**
 * Receives the events of runs and status checks, on the migrating thread. Used by the metrics and health support
 * and by integrations. A listener that throws is logged and ignored: it never breaks a migration.
 */
@FunctionalInterface
public interface MigrationListener {

    void onEvent(MigrationEvent event);
}
