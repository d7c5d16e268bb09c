package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What this process saw of the runs of one migrator: the migrations it applied (when, how long), the lock, the last
 * run. Registered as a listener of the auto-configured migrator; the {@code drizzle} endpoint reads it. Keeps no SQL
 * text and no error messages (they can quote statements), only error types.
 */
final class MigrationActivity implements MigrationListener {

    /** A migration applied by this process. */
    record Applied(Instant at, Duration duration, boolean transactional) {
    }

    /** How the last run of this process ended. */
    record LastRun(Instant finishedAt, boolean succeeded, int applied, Duration duration, Duration lockWait,
            String errorType) {
    }

    /**
     * The lock as this process knows it: {@code held}, {@code waiting} (for another runner) or {@code idle} (this
     * process neither holds nor waits for it; another runner may hold it).
     */
    record Lock(String state, String holder, Duration waited, Duration lastWait) {
    }

    private final Clock clock;
    private final Object lock = new Object();

    // guarded by lock
    private final Map<String, Applied> applied = new HashMap<>();
    private int running;
    private boolean held;
    private Instant waitStartedAt;
    private String holder;
    private Duration lastWait;
    private LastRun lastRun;

    MigrationActivity() {
        this(Clock.systemUTC());
    }

    MigrationActivity(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onEvent(MigrationEvent event) {
        Instant now = clock.instant();
        synchronized (lock) {
            if (event instanceof MigrationEvent.RunStarted) {
                running++;
            } else if (event instanceof MigrationEvent.LockWaiting e) {
                if (waitStartedAt == null) {
                    waitStartedAt = now.minus(e.waited());
                }
                holder = e.holder();
            } else if (event instanceof MigrationEvent.LockAcquired e) {
                held = true;
                waitStartedAt = null;
                holder = null;
                lastWait = e.waited();
            } else if (event instanceof MigrationEvent.MigrationApplied e) {
                AppliedMigration m = e.migration();
                applied.put(m.tag(), new Applied(now, m.duration(), m.transactional()));
            } else if (event instanceof MigrationEvent.RunFinished e) {
                endRun();
                lastRun = new LastRun(now, true, e.result().appliedCount(), e.result().duration(),
                        e.result().lockWait(), null);
            } else if (event instanceof MigrationEvent.RunFailed e) {
                endRun();
                lastRun = new LastRun(now, false, e.applied().size(), e.duration(), null,
                        e.error().getClass().getSimpleName());
            }
        }
    }

    private void endRun() {
        running = Math.max(0, running - 1);
        held = false;
        waitStartedAt = null;
        holder = null;
    }

    /** The migration with this tag if this process applied it. */
    Applied applied(String tag) {
        synchronized (lock) {
            return applied.get(tag);
        }
    }

    LastRun lastRun() {
        synchronized (lock) {
            return lastRun;
        }
    }

    boolean isRunning() {
        synchronized (lock) {
            return running > 0;
        }
    }

    Lock lock() {
        Instant now = clock.instant();
        synchronized (lock) {
            if (held) {
                return new Lock("held", null, null, lastWait);
            }
            if (waitStartedAt != null) {
                return new Lock("waiting", holder, Duration.between(waitStartedAt, now), lastWait);
            }
            return new Lock("idle", null, null, lastWait);
        }
    }
}
