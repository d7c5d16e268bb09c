package io.drizzlemigrator;

import java.time.Duration;

/**
 * Another runner held the migration lock for longer than {@code lockTimeout}. Nothing was applied by this runner.
 */
public class LockTimeoutException extends DrizzleMigratorException {

    private final Duration waited;
    private final String holder;

    public LockTimeoutException(String message, Duration waited, String holder) {
        this(message, waited, holder, null);
    }

    /** @param setting {@link Setting#LOCK_TIMEOUT} when the wait ended because it ran out (not interrupted) */
    public LockTimeoutException(String message, Duration waited, String holder, Setting setting) {
        super(message, setting, null);
        this.waited = waited;
        this.holder = holder;
    }

    /** How long this runner waited. */
    public Duration waited() {
        return waited;
    }

    /** Who held the lock when the wait ended (pid, application name, client address, since when), or "unknown". */
    public String holder() {
        return holder;
    }
}
