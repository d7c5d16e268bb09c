package io.drizzlemigrator;

import java.time.Duration;
import java.util.List;

/** The events a {@link MigrationListener} receives. Each carries what a metric, a health check or a log needs. */
public sealed interface MigrationEvent {

    /** {@code migrate()} started (before the lock). */
    record RunStarted(String location) implements MigrationEvent {
    }

    /** Another runner holds the lock; this one waits. Sent when the wait starts and every few seconds after. */
    record LockWaiting(Duration waited, String holder) implements MigrationEvent {
    }

    /**
     * The lock was taken after waiting {@code waited} (zero when it was free). A run that finds nothing to apply does
     * not take it, and sends no lock events.
     */
    record LockAcquired(Duration waited) implements MigrationEvent {
    }

    /**
     * The state was read: by a run before it applies anything (under the lock when there is work to do), or by a
     * status check.
     */
    record StatusRead(StatusReport status) implements MigrationEvent {
    }

    /** A migration starts. */
    record MigrationStarted(String tag, boolean transactional) implements MigrationEvent {
    }

    /** A migration was applied and recorded. */
    record MigrationApplied(AppliedMigration migration) implements MigrationEvent {
    }

    /** A migration failed; {@code error} says where and what was left behind. */
    record MigrationFailed(String tag, boolean transactional, Duration duration, MigrationFailedException error)
            implements MigrationEvent {
    }

    /** A run ended successfully. */
    /** With {@code verifyAfterMigrate}: the verification queries ran after the migrations, before RunFinished. */
    record Verified(VerificationReport report) implements MigrationEvent {
    }

    record RunFinished(MigrateResult result) implements MigrationEvent {
    }

    /** A run ended with an error (lock timeout, validation, a failed migration, a lost connection). */
    record RunFailed(Duration duration, List<AppliedMigration> applied, DrizzleMigratorException error)
            implements MigrationEvent {
    }
}
