package io.drizzlemigrator;

/** How one target of a {@link FanOut} ended. Meters count targets by these, never by tenant. */
public enum TargetOutcome {
    /** Migrations were applied; the target is now current. */
    APPLIED,
    /** Nothing was left to apply. */
    CURRENT,
    /** The run failed: a migration (file and line in the result), a refusal, or the target could not be reached. */
    FAILED,
    /** Another runner held the target's lock for longer than {@code lockTimeout}; nothing was applied by this one. */
    LOCK_TIMEOUT,
    /**
     * Migrations are pending (or out of order): found by {@link FanOut.Builder#status()}, which applies nothing. A
     * migration run never ends so.
     */
    BEHIND,
    /** Not started: the canary failed, or {@code failFast} stopped the fan-out after another target failed. */
    NOT_RUN;

    /** The outcome as meters, endpoints and reports spell it: {@code lock-timeout} for {@link #LOCK_TIMEOUT}. */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
