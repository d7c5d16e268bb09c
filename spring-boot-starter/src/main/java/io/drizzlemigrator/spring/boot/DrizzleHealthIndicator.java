package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.health.MigrationHealth;
import io.drizzlemigrator.health.MigrationHealthTracker;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code drizzle} health indicator: a thin adapter over core's {@link MigrationHealth}. {@code UP} when the
 * database is up to date with this build's migrations; {@code OUT_OF_SERVICE} (not ready) while migrating, waiting
 * for another runner's lock, with migrations pending, or before the state is known; {@code DOWN} after a failed run.
 * It never reports a long migration as {@code DOWN}, and it is not part of the liveness group.
 *
 * <p>When the state is not known yet or migrations are pending (startup migration replaced by a
 * {@link DrizzleMigrationStrategy}, migrations applied by a separate job), it reads the state again, at most every
 * {@link #RECHECK_INTERVAL}, so that the service becomes ready once the job has run. Its details never hold SQL text
 * or credentials.
 */
public class DrizzleHealthIndicator implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(DrizzleHealthIndicator.class);

    /** How often pending (or unknown) state is read again from the database. */
    public static final Duration RECHECK_INTERVAL = Duration.ofSeconds(10);

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
        MigrationHealth health = tracker.current();
        String checkError = null;
        if (migrator != null && needsCheck(health)) {
            try {
                migrator.status();
            } catch (DrizzleMigratorException e) {
                LOG.debug("The drizzle health indicator could not read the migration state: {}", e.getMessage());
                checkError = e.getClass().getSimpleName();
            }
            health = tracker.current();
        }
        Health.Builder builder = Health.status(status(health.state())).withDetails(health.details());
        if (checkError != null) {
            builder.withDetail("checkError", checkError + ": the migration state could not be read");
        }
        return builder.build();
    }

    private boolean needsCheck(MigrationHealth health) {
        MigrationHealth.State state = health.state();
        if (state != MigrationHealth.State.NOT_CHECKED && state != MigrationHealth.State.PENDING) {
            return false;
        }
        return health.checkedAt().map(at -> Duration.between(at, health.takenAt()).compareTo(recheckInterval) >= 0)
                .orElse(true);
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
