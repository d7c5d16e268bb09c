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

    /**
     * A statement of a migration waits for a lock, and these sessions block it ({@code pg_blocking_pids}). Sent from
     * the run's watcher thread (not the migrating thread) each time it finds the statement waiting.
     *
     * @param tag the migration
     * @param line the statement's line in the migration's file
     * @param waited how long the statement has been running
     */
    record StatementBlocked(String tag, int line, Duration waited, List<LockBlocker> blockers)
            implements MigrationEvent {

        public StatementBlocked {
            blockers = List.copyOf(blockers);
        }
    }

    /** How a wait of a migration's statement for a lock, seen by the watcher, ended. */
    enum DdlLockWaitOutcome {
        /** The statement got its lock and went on. */
        ACQUIRED,
        /** {@code lock_timeout} passed first; the migration rolled back and will be tried again. */
        RETRIED,
        /** {@code lock_timeout} passed first and no retry is left (or allowed): the migration failed. */
        GAVE_UP
    }

    /**
     * A statement's wait for a lock ended: after a {@code lock_timeout} (always sent), or by getting the lock after
     * the watcher saw it blocked.
     *
     * @param tag the migration
     * @param line the statement's line in the migration's file
     * @param waited how long the statement ran, its wait included
     * @param blockers the sessions last seen blocking it; empty when the wait was too short to be seen
     */
    record DdlLockWait(String tag, int line, Duration waited, DdlLockWaitOutcome outcome, List<LockBlocker> blockers)
            implements MigrationEvent {

        public DdlLockWait {
            blockers = List.copyOf(blockers);
        }
    }

    /**
     * How far a long statement of a migration (an index build, REINDEX, VACUUM, CLUSTER) has come, read every
     * {@code progressInterval} while it runs. Sent from the run's watcher thread, never after the statement ended.
     */
    record StatementProgressed(String tag, int line, StatementProgress progress) implements MigrationEvent {
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
