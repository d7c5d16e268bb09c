package io.drizzlemigrator.health;

import static io.drizzlemigrator.MigrationState.APPLIED;
import static io.drizzlemigrator.MigrationState.EDITED;
import static io.drizzlemigrator.MigrationState.OUT_OF_ORDER;
import static io.drizzlemigrator.MigrationState.PENDING;
import static io.drizzlemigrator.MigrationState.UNKNOWN;
import static io.drizzlemigrator.health.TestEvents.applied;
import static io.drizzlemigrator.health.TestEvents.finished;
import static io.drizzlemigrator.health.TestEvents.status;
import static io.drizzlemigrator.health.TestEvents.tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.LockTimeoutException;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.health.MigrationHealth.Problem;
import io.drizzlemigrator.health.MigrationHealth.State;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationHealthTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final MigrationHealthTracker tracker = new MigrationHealthTracker(true, clock);

    @Test
    void startsNotCheckedWhichIsNotReadyButAlive() {
        MigrationHealth health = tracker.current();

        assertThat(health.state()).isEqualTo(State.NOT_CHECKED);
        assertThat(health.isReady()).isFalse();
        assertThat(health.isAlive()).isTrue();
        assertThat(health.appliedCount()).isEmpty();
        assertThat(health.pendingCount()).isEmpty();
        assertThat(health.reason()).isEqualTo("Migrations have not run yet");
        assertThat(new MigrationHealthTracker(false, clock).current().reason())
                .contains("startup migration is disabled");
    }

    @Test
    void aRunInProgressIsMigratingWithTheMigrationBeingAppliedAndForHowLong() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.LockAcquired(Duration.ZERO));
        tracker.onEvent(new MigrationEvent.StatusRead(status(APPLIED, PENDING, PENDING)));
        clock.advance(Duration.ofSeconds(2));
        tracker.onEvent(new MigrationEvent.MigrationStarted(tag(1), true));
        clock.advance(Duration.ofSeconds(90));

        MigrationHealth health = tracker.current();

        assertThat(health.state()).isEqualTo(State.MIGRATING);
        assertThat(health.isReady()).isFalse();
        assertThat(health.isAlive()).isTrue();
        assertThat(health.currentMigration()).contains(tag(1));
        assertThat(health.currentMigrationDuration()).contains(Duration.ofSeconds(90));
        assertThat(health.runDuration()).contains(Duration.ofSeconds(92));
        assertThat(health.pendingCount()).hasValue(2);
        assertThat(health.reason()).isEqualTo("Applying " + tag(1));

        tracker.onEvent(applied(tag(1), 90_000, true));
        MigrationHealth between = tracker.current();
        assertThat(between.state()).isEqualTo(State.MIGRATING);
        assertThat(between.currentMigration()).isEmpty();
        assertThat(between.appliedCount()).hasValue(2);
        assertThat(between.pendingCount()).hasValue(1);
        assertThat(between.lastApplied()).contains(tag(1));
        assertThat(between.lastAppliedAt()).contains(clock.instant());
    }

    @Test
    void aLockWaitIsWaitingForLockAndNamesTheHolder() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.LockWaiting(Duration.ofMillis(20), "pid 42 (application 'a')"));
        clock.advance(Duration.ofSeconds(5));
        tracker.onEvent(new MigrationEvent.LockWaiting(Duration.ofMillis(5020), "pid 43 (application 'b')"));
        clock.advance(Duration.ofSeconds(1));

        MigrationHealth health = tracker.current();

        assertThat(health.state()).isEqualTo(State.WAITING_FOR_LOCK);
        assertThat(health.isReady()).isFalse();
        assertThat(health.isAlive()).isTrue();
        assertThat(health.lockHolder()).contains("pid 43 (application 'b')");
        assertThat(health.lockWaitDuration()).contains(Duration.ofMillis(6020));
        assertThat(health.reason()).contains("pid 43");

        tracker.onEvent(new MigrationEvent.LockAcquired(Duration.ofMillis(6020)));
        assertThat(tracker.current().state()).isEqualTo(State.MIGRATING);
        assertThat(tracker.current().lockHolder()).isEmpty();
    }

    @Test
    void aSuccessfulRunIsUpWithItsCountsAndTheLastAppliedMigration() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.LockAcquired(Duration.ZERO));
        tracker.onEvent(new MigrationEvent.StatusRead(status(APPLIED, PENDING)));
        tracker.onEvent(new MigrationEvent.MigrationStarted(tag(1), false));
        clock.advance(Duration.ofSeconds(3));
        MigrationEvent.MigrationApplied one = applied(tag(1), 3000, false);
        tracker.onEvent(one);
        Instant appliedAt = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        tracker.onEvent(finished(4000, status(APPLIED, APPLIED), one.migration()));
        clock.advance(Duration.ofMinutes(5));

        MigrationHealth health = tracker.current();

        assertThat(health.state()).isEqualTo(State.UP);
        assertThat(health.isReady()).isTrue();
        assertThat(health.appliedCount()).hasValue(2);
        assertThat(health.pendingCount()).hasValue(0);
        assertThat(health.lastApplied()).contains(tag(1));
        assertThat(health.lastAppliedAt()).as("0.x tables keep no time: the time this process applied it")
                .contains(appliedAt);
        assertThat(health.since()).isEqualTo(appliedAt.plusSeconds(1));
        assertThat(health.failure()).isEmpty();
        assertThat(health.problems()).isEmpty();
        assertThat(health.reason()).isEqualTo("The database is up to date with this build's migrations");
    }

    @Test
    void pendingMigrationsSeenByAStatusCheckArePendingAndSayWhatToDoWhenStartupMigrationIsDisabled() {
        MigrationHealthTracker disabled = new MigrationHealthTracker(false, clock);

        disabled.onEvent(new MigrationEvent.StatusRead(status(APPLIED, PENDING, PENDING)));
        MigrationHealth health = disabled.current();

        assertThat(health.state()).isEqualTo(State.PENDING);
        assertThat(health.isReady()).isFalse();
        assertThat(health.isAlive()).isTrue();
        assertThat(health.pendingCount()).hasValue(2);
        assertThat(health.checkedAt()).contains(clock.instant());
        assertThat(health.reason()).startsWith("2 migrations are pending and startup migration is disabled");

        disabled.onEvent(new MigrationEvent.StatusRead(status(APPLIED, APPLIED, APPLIED)));
        assertThat(disabled.current().state()).as("applied by a deploy job, seen by the next check")
                .isEqualTo(State.UP);
    }

    @Test
    void aFailedRunIsFailedWithTheMigrationAndSqlStateButNoStatementTextOrRowValues() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.LockAcquired(Duration.ZERO));
        tracker.onEvent(new MigrationEvent.StatusRead(status(APPLIED, PENDING)));
        tracker.onEvent(new MigrationEvent.MigrationStarted(tag(1), true));
        var error = TestEvents.uniqueViolation(tag(1), "alice@example.com");
        tracker.onEvent(new MigrationEvent.MigrationFailed(tag(1), true, Duration.ofMillis(40), error));
        tracker.onEvent(new MigrationEvent.RunFailed(Duration.ofMillis(50), List.of(), error));

        MigrationHealth health = tracker.current();

        assertThat(health.state()).isEqualTo(State.FAILED);
        assertThat(health.isReady()).isFalse();
        assertThat(health.isAlive()).isTrue();
        MigrationHealth.Failure failure = health.failure().orElseThrow();
        assertThat(failure.errorType()).isEqualTo("MigrationFailedException");
        assertThat(failure.tag()).isEqualTo(tag(1));
        assertThat(failure.sqlState()).isEqualTo("23505");
        assertThat(failure.message()).isEqualTo(tag(1) + ".sql:3: ERROR: duplicate key value violates unique"
                + " constraint \"users_email_key\"");
        assertThat(failure.leftBehind()).isEqualTo("rolled back, nothing recorded");
        assertThat(failure.at()).isEqualTo(clock.instant());
        assertThat(health.toString()).doesNotContain("alice@example.com").doesNotContainIgnoringCase("insert into");
        assertThat(health.reason()).startsWith("The last migration run failed in " + tag(1) + ": ");
        assertThat(health.pendingCount()).hasValue(1);
    }

    @Test
    void aLockTimeoutIsFailedAndTheFailureNamesTheHolder() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.LockWaiting(Duration.ZERO, "pid 7 (application 'other')"));
        clock.advance(Duration.ofMinutes(10));
        tracker.onEvent(new MigrationEvent.RunFailed(Duration.ofMinutes(10), List.of(), new LockTimeoutException(
                "Timed out after 600 s waiting for the migration lock, held by pid 7 (application 'other').",
                Duration.ofMinutes(10), "pid 7 (application 'other')")));

        MigrationHealth health = tracker.current();

        assertThat(health.state()).isEqualTo(State.FAILED);
        assertThat(health.failure().orElseThrow().errorType()).isEqualTo("LockTimeoutException");
        assertThat(health.failure().orElseThrow().tag()).isNull();
        assertThat(health.failure().orElseThrow().message()).contains("pid 7");
        assertThat(health.lockHolder()).as("no wait is in progress any more").isEmpty();
    }

    @Test
    void aConnectionFailureKeepsTheSqlStateOfItsCauseAndOnlyTheFirstLine() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.RunFailed(Duration.ofMillis(5), List.of(), new DatabaseConnectionException(
                "Lost the connection to the database: I/O error [SQLState 08006].\nsecond line",
                new SQLException("I/O error", "08006"))));

        MigrationHealth.Failure failure = tracker.current().failure().orElseThrow();

        assertThat(failure.sqlState()).isEqualTo("08006");
        assertThat(failure.message()).isEqualTo("Lost the connection to the database: I/O error [SQLState 08006].");
        assertThat(failure.leftBehind()).isNull();
    }

    @Test
    void aStatusCheckKeepsAFailureWhileMigrationsArePendingAndClearsItOnceTheyAreApplied() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.RunFailed(Duration.ofMillis(5), List.of(),
                TestEvents.uniqueViolation(tag(1), "x")));

        tracker.onEvent(new MigrationEvent.StatusRead(status(APPLIED, PENDING)));
        assertThat(tracker.current().state()).isEqualTo(State.FAILED);
        assertThat(tracker.current().pendingCount()).hasValue(1);

        tracker.onEvent(new MigrationEvent.StatusRead(status(APPLIED, APPLIED)));
        assertThat(tracker.current().state()).as("another replica applied it").isEqualTo(State.UP);
        assertThat(tracker.current().failure()).isEmpty();
    }

    @Test
    void problemsAreListedAndCountedButDoNotBlockReadiness() {
        MigrationState[] states = new MigrationState[3 + MigrationHealth.MAX_PROBLEM_TAGS + 2];
        states[0] = APPLIED;
        states[1] = OUT_OF_ORDER;
        states[2] = APPLIED;
        for (int i = 3; i < states.length; i++) {
            states[i] = EDITED;
        }
        states[states.length - 1] = UNKNOWN;
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(finished(10, status(states)));

        MigrationHealth health = tracker.current();

        assertThat(health.state()).isEqualTo(State.UP);
        assertThat(health.isReady()).isTrue();
        assertThat(health.problemCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Problem.OUT_OF_ORDER, 1, Problem.EDITED, MigrationHealth.MAX_PROBLEM_TAGS + 1, Problem.UNKNOWN, 1));
        assertThat(health.problems().get(Problem.OUT_OF_ORDER)).containsExactly(tag(1));
        assertThat(health.problems().get(Problem.EDITED)).hasSize(MigrationHealth.MAX_PROBLEM_TAGS)
                .startsWith(tag(3));
        assertThat(health.reason()).endsWith("(1 out of order, 11 edited, 1 unknown to this build)");
    }

    @Test
    void anOutOfOrderMigrationAppliedByTheRunLeavesTheProblemsAndNotThePendingCount() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.StatusRead(status(APPLIED, OUT_OF_ORDER, APPLIED, PENDING)));
        tracker.onEvent(applied(tag(1), 5, true));

        MigrationHealth health = tracker.current();

        assertThat(health.problems()).doesNotContainKey(Problem.OUT_OF_ORDER);
        assertThat(health.pendingCount()).hasValue(1);
        assertThat(health.appliedCount()).hasValue(3);
    }

    @Test
    void onlyUpIsReadyAndEveryStateIsAlive() {
        for (State state : State.values()) {
            assertThat(state.isReady()).as(state.name()).isEqualTo(state == State.UP);
        }
        assertThat(tracker.current().isAlive()).isTrue();
    }

    @Test
    void aRunHoldingTheLockIsReportedBeforeAnotherThreadsWaitAndTheWaitAfterItEnds() throws Exception {
        Thread waiter = new Thread(() -> {
            tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
            tracker.onEvent(new MigrationEvent.LockWaiting(Duration.ZERO, "pid 1"));
        });
        waiter.start();
        waiter.join();
        assertThat(tracker.current().state()).isEqualTo(State.WAITING_FOR_LOCK);

        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.LockAcquired(Duration.ZERO));
        tracker.onEvent(new MigrationEvent.MigrationStarted(tag(0), true));
        assertThat(tracker.current().state()).isEqualTo(State.MIGRATING);

        tracker.onEvent(finished(10, status(APPLIED)));
        assertThat(tracker.current().state()).as("the other thread still waits").isEqualTo(State.WAITING_FOR_LOCK);
    }

    @Test
    void detailsHoldOnlyJsonFriendlyValues() {
        tracker.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        tracker.onEvent(new MigrationEvent.StatusRead(status(APPLIED, EDITED, PENDING)));
        tracker.onEvent(new MigrationEvent.RunFailed(Duration.ofMillis(5), List.of(),
                TestEvents.uniqueViolation(tag(2), "x")));

        Map<String, Object> details = tracker.current().details();

        assertThat(details).containsEntry("state", "FAILED").containsEntry("applied", 2).containsEntry("pending", 1)
                .containsEntry("lastApplied", tag(1)).containsKeys("since", "checkedAt", "reason", "problems",
                        "failure");
        assertThat(details).doesNotContainKeys("migration", "lockHolder", "lastAppliedAt");
        assertJsonFriendly(details);
    }

    private static void assertJsonFriendly(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertThat(k).isInstanceOf(String.class);
                assertJsonFriendly(v);
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(MigrationHealthTrackerTest::assertJsonFriendly);
        } else {
            assertThat(value).isInstanceOfAny(String.class, Integer.class);
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
