package io.drizzlemigrator;

/**
 * Told about each target of a {@link FanOut} as it starts and ends, on the thread that migrates it: several targets
 * run at once, so implementations must be thread-safe. The per-target detail belongs here (a report, an endpoint);
 * what {@link MigrationListener}s of the base configuration see is every target's run, unnamed.
 */
public interface FanOutListener {

    /** A target's run starts. */
    default void targetStarted(FanOutTarget target) {
    }

    /** A target's run ended (also for targets {@linkplain TargetOutcome#NOT_RUN not run}). */
    default void targetFinished(TargetResult result) {
    }
}
