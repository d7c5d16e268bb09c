package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.health.MigrationHealth;
import io.drizzlemigrator.health.MigrationHealthTracker;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code drizzle} health indicator: a thin adapter over core's {@link MigrationHealth}. {@code UP} when the
 * database is up to date with this build's migrations; {@code OUT_OF_SERVICE} (not ready) while migrating, waiting
 * for another runner's lock, with migrations pending, or before the state is known; {@code DOWN} after a failed run.
 * It never reports a long migration as {@code DOWN}, and it is not part of the liveness group.
 *
 * <p>When the state is not known yet, migrations are pending or the last run failed (startup migration replaced by a
 * {@link DrizzleMigrationStrategy}, migrations applied by a separate job), it reads the state again by core's one
 * rule ({@link MigrationHealthTracker#needsStatusCheck(Duration)}, at most every {@link #RECHECK_INTERVAL}), so that
 * the service becomes ready once the job has run. Its details hold no migration SQL and no credentials (a blocking
 * session's query only, its literals masked).
 */
public class DrizzleHealthIndicator implements HealthIndicator {

    /** How often a state that is not known, pending or failed is read again: core's interval. */
    public static final Duration RECHECK_INTERVAL = MigrationHealthTracker.RECHECK_INTERVAL;

    private final MigrationHealthTracker tracker;
    private final DrizzleMigrator migrator;
    private final Duration recheckInterval;

    /**
     * @param tracker a listener of {@code migrator}
     * @param migrator used to read the state while it is pending or unknown; null to only report what runs reported
     */
    public DrizzleHealthIndicator(MigrationHealthTracker tracker, DrizzleMigrator migrator) {
        this(tracker, migrator, RECHECK_INTERVAL);
    }

    DrizzleHealthIndicator(MigrationHealthTracker tracker, DrizzleMigrator migrator, Duration recheckInterval) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.migrator = migrator;
        this.recheckInterval = recheckInterval;
    }

    @Override
    public Health health() {
        MigrationHealth health = migrator == null ? tracker.current()
                : tracker.refresh(migrator::status, recheckInterval);
        return Health.status(status(health.state())).withDetails(health.details()).build();
    }

    /** The Spring Boot status for a migration state. */
    static Status status(MigrationHealth.State state) {
        return switch (state) {
            case UP -> Status.UP;
            case FAILED -> Status.DOWN;
            case NOT_CHECKED, PENDING, MIGRATING, WAITING_FOR_LOCK -> Status.OUT_OF_SERVICE;
        };
    }
}
