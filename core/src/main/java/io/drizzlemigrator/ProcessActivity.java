package io.drizzlemigrator;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What this process saw of the runs of one migrator, as its tracker ({@code health.MigrationHealthTracker}) last
 * heard: the migrations it applied (when, how long), the advisory lock as this process knows it, and how its last run
 * ended. Keeps no SQL text and no error messages (they can quote statements), only error types.
 *
 * @param migratesOnStartup whether the integration applies migrations at startup
 * @param applied the migrations this process applied, by tag
 * @param lock the migration lock as this process knows it
 * @param lastRun how the last run of this process ended, or null when none ended
 */
public record ProcessActivity(boolean migratesOnStartup, Map<String, Applied> applied, Lock lock, LastRun lastRun) {

    public ProcessActivity {
        applied = Map.copyOf(applied);
        Objects.requireNonNull(lock, "lock");
    }

    /** Where this process stands with the advisory lock. */
    public enum LockState {
        /** A run of this process holds it. */
        HELD,
        /** A run of this process waits for another runner's lock. */
        WAITING,
        /** This process neither holds nor waits for it; another runner may hold it. */
        IDLE
    }

    /** A migration applied by this process: when it ended, how long it took, whether in a transaction. */
    public record Applied(Instant at, Duration duration, boolean transactional) {
    }

    /**
     * The lock as this process knows it.
     *
     * @param holder who holds it, while this process waits
     * @param waited how long this process has been waiting, while it waits
     * @param lastWait how long the last run of this process waited for it
     */
    public record Lock(LockState state, String holder, Duration waited, Duration lastWait) {
    }

    /**
     * How a run of this process ended.
     *
     * @param applied how many migrations it applied
     * @param duration the whole run, lock wait included
     * @param lockWait how long it waited for the lock (successful runs), else null
     * @param errorType the exception's simple class name when it failed, else null
     */
    public record LastRun(Instant finishedAt, boolean succeeded, int applied, Duration duration, Duration lockWait,
            String errorType, VerificationReport verification) {

        /** A run without verification ({@code verifyAfterMigrate} off, or a failed run). */
        public LastRun(Instant finishedAt, boolean succeeded, int applied, Duration duration, Duration lockWait,
                String errorType) {
            this(finishedAt, succeeded, applied, duration, lockWait, errorType, null);
        }
    }

    /** Nothing seen yet. */
    public static ProcessActivity none(boolean migratesOnStartup) {
        return new ProcessActivity(migratesOnStartup, Map.of(), new Lock(LockState.IDLE, null, null, null), null);
    }

    /** The migration with this tag, if this process applied it. */
    public Optional<Applied> applied(String tag) {
        return Optional.ofNullable(applied.get(tag));
    }

    /** The lock as JSON-ready values, with the configured timeout and key (when the configuration is known). */
    Map<String, Object> lockMap(MigratorConfiguration configuration) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", lock.state().name().toLowerCase(Locale.ROOT));
        Views.put(m, "holder", lock.holder());
        Views.put(m, "waited", lock.waited());
        Views.put(m, "lastWait", lock.lastWait());
        if (configuration != null) {
            Views.put(m, "timeout", configuration.lockTimeout());
        }
        if (configuration != null && configuration.lockKey().isPresent()) {
            m.put("key", configuration.lockKey().getAsLong());
        }
        return Collections.unmodifiableMap(m);
    }

    /** The last run as JSON-ready values, or null when none ended. */
    Map<String, Object> lastRunMap() {
        if (lastRun == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", lastRun.succeeded() ? "success" : "failure");
        Views.put(m, "finishedAt", lastRun.finishedAt());
        m.put("applied", lastRun.applied());
        Views.put(m, "duration", lastRun.duration());
        Views.put(m, "lockWait", lastRun.lockWait());
        Views.put(m, "errorType", lastRun.errorType());
        Views.put(m, "verification", lastRun.verification() == null ? null : lastRun.verification().toMap());
        return Collections.unmodifiableMap(m);
    }
}
