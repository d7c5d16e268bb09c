package io.drizzlemigrator.health;

import static io.drizzlemigrator.MigrationState.APPLIED;
import static io.drizzlemigrator.MigrationState.PENDING;
import static io.drizzlemigrator.health.TestEvents.applied;
import static io.drizzlemigrator.health.TestEvents.finished;
import static io.drizzlemigrator.health.TestEvents.status;
import static io.drizzlemigrator.health.TestEvents.tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.ProcessActivity;
import io.drizzlemigrator.health.MigrationHealth.State;
import io.drizzlemigrator.health.MigrationHealthTrackerTest.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the one tracker remembers of this process's runs, and its one rule of when to read the state again. */
class ProcessTrackingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final MigrationHealthTracker tracker = new MigrationHealthTracker(false, clock);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void remembersWhatThisProcessAppliedTheLockAndTheLastRun() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.LockWaiting(Duration.ofSeconds(3), "pid 42"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(tracker.activity().lock()).satisfies(lock -> {
            assertThat(lock.state()).isEqualTo(ProcessActivity.LockState.WAITING);
            assertThat(lock.holder()).isEqualTo("pid 42");
            assertThat(lock.waited()).isEqualTo(Duration.ofSeconds(5));
        });

        tracker.onEvent(new MigrationEvent.LockAcquired(Duration.ofSeconds(5)));
        assertThat(tracker.activity().lock().state()).isEqualTo(ProcessActivity.LockState.HELD);
        tracker.onEvent(applied(tag(0), 130, false));
        tracker.onEvent(finished(400, status(APPLIED), new AppliedMigration(tag(0), Duration.ofMillis(130), false, 1)));

        ProcessActivity activity = tracker.activity();
        assertThat(activity.migratesOnStartup()).isFalse();
        assertThat(activity.applied(tag(0))).hasValueSatisfying(a -> {
            assertThat(a.at()).isEqualTo(clock.instant());
            assertThat(a.duration()).isEqualTo(Duration.ofMillis(130));
            assertThat(a.transactional()).isFalse();
        });
        assertThat(activity.lock().state()).isEqualTo(ProcessActivity.LockState.IDLE);
        assertThat(activity.lock().lastWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(activity.lastRun().succeeded()).isTrue();
        assertThat(activity.lastRun().applied()).isEqualTo(1);
    }

    @Test
    void readsTheStateAgainOnlyWhilePendingAndAtMostOncePerInterval() {
        Runnable check = () -> {
            checks.incrementAndGet();
            tracker.onEvent(new MigrationEvent.StatusRead(status(APPLIED, PENDING)));
        };

        assertThat(tracker.refresh(check, Duration.ofSeconds(10)).state()).isEqualTo(State.PENDING);
        clock.advance(Duration.ofSeconds(9));
        tracker.refresh(check, Duration.ofSeconds(10));
        assertThat(checks).as("within the interval").hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        tracker.refresh(check, Duration.ofSeconds(10));
        assertThat(checks).as("once the interval has passed").hasValue(2);

        tracker.onEvent(new MigrationEvent.StatusRead(status(APPLIED, APPLIED)));
        clock.advance(Duration.ofMinutes(5));
        assertThat(tracker.needsStatusCheck(Duration.ZERO)).as("up to date: nothing to read again").isFalse();
    }

    @Test
    void aFailedReadIsShownMaskedUntilAReadSucceedsAndCountsAsAnAttempt() {
        Runnable failing = () -> {
            checks.incrementAndGet();
            throw new DatabaseConnectionException("Cannot connect to postgresql://app:S3cret-pw@db:5432/app", null);
        };

        MigrationHealth health = tracker.refresh(failing, Duration.ofSeconds(10));
        assertThat(health.state()).isEqualTo(State.NOT_CHECKED);
        assertThat(health.checkError()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("DatabaseConnectionException: ").doesNotContain("S3cret-pw"));
        tracker.refresh(failing, Duration.ofSeconds(10));
        assertThat(checks).as("a failed attempt waits for the interval too").hasValue(1);

        tracker.onEvent(new MigrationEvent.StatusRead(status(PENDING)));
        assertThat(tracker.current().checkError()).isEmpty();
        assertThat(tracker.current().details()).doesNotContainKey("checkError");
    }
}
