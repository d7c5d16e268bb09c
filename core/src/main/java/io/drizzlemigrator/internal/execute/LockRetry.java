package io.drizzlemigrator.internal.execute;

import java.sql.SQLException;
import java.time.Duration;

/**
 * When a transactional migration that hit {@code lock_timeout} is tried again, and after how long. A retry is safe
 * only when the attempt rolled back cleanly: nothing of the file was committed by a {@code COMMIT;} of its own.
 *
 * @param lockTimeout the {@code lock_timeout} the migration ran with (zero: the session's own, never retried)
 * @param retries how many times a migration is tried again after a lock timeout
 */
record LockRetry(Duration lockTimeout, int retries) {

    /** PostgreSQL's SQLState for {@code lock_timeout}: lock_not_available. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;

    /**
     * @param failed the error of the attempt
     * @param attempt the attempt's state: which statement failed, what it committed
     * @param previousRetries how many retries of this migration came before
     */
    boolean shouldRetry(SQLException failed, Attempt attempt, int previousRetries) {
        return attempt.transactional() && LOCK_NOT_AVAILABLE.equals(failed.getSQLState())
                && attempt.lastCommitted() == 0 && attempt.step() != null && previousRetries < retries;
    }

    /** The wait before retry number {@code retry} (1-based): doubling from 1 s, at most 30 s. */
    long backoffMillis(int retry) {
        return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(retry, 6));
    }
}
