package io.drizzlemigrator.metrics;

import static io.drizzlemigrator.health.TestEvents.applied;
import static io.drizzlemigrator.health.TestEvents.finished;
import static io.drizzlemigrator.health.TestEvents.status;
import static io.drizzlemigrator.health.TestEvents.tag;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.LockTimeoutException;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.health.TestEvents;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The binder's reaction to event sequences as the engine sends them (the real runs: MetricsPostgresTest). */
class DrizzleMigrationMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DrizzleMigrationMetrics metrics = new DrizzleMigrationMetrics(Tags.of("datasource", "main"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void countsAndTimesEachMigrationByOutcomeAndTransactionality() {
        metrics.bindTo(registry);

        successfulRun();
        failedRun();

        assertThat(registry.get(APPLIED).tag(TAG_OUTCOME, SUCCESS).counter().count()).isEqualTo(2);
        assertThat(registry.get(APPLIED).tag(TAG_OUTCOME, FAILURE).counter().count()).isEqualTo(1);
        assertThat(registry.get(DURATION).tags(TAG_OUTCOME, SUCCESS, TAG_TRANSACTIONAL, "true").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(DURATION).tags(TAG_OUTCOME, SUCCESS, TAG_TRANSACTIONAL, "false").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
        assertThat(registry.get(DURATION).tags(TAG_OUTCOME, FAILURE, TAG_TRANSACTIONAL, "true").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(registry.get(RUN).tag(TAG_OUTCOME, SUCCESS).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(400);
        assertThat(registry.get(RUN).tag(TAG_OUTCOME, FAILURE).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(60);
        assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isZero();
    }

    @Test
    void everyMeterIsRegisteredUpFrontWithDescriptionCommonTagsAndOnlyBoundedTagValues() {
        metrics.bindTo(registry);

        assertThat(registry.getMeters()).extracting(m -> m.getId().getName()).containsOnly(APPLIED, DURATION,
                PENDING, PROBLEMS, LOCK_WAIT, LOCK_WAIT_ACTIVE, RUN, RUN_ACTIVE, LAST_SUCCESS, DDL_LOCK_WAITS,
                PROGRESS);
        assertThat(registry.get(APPLIED).counters()).hasSize(2);
        assertThat(registry.get(DURATION).timers()).hasSize(4);
        assertThat(registry.get(LOCK_WAIT).timers()).hasSize(3);
        assertThat(registry.get(DDL_LOCK_WAITS).timers()).hasSize(3);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank();
            assertThat(meter.getId().getTag("datasource")).as(meter.getId().getName()).isEqualTo("main");
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).isIn("main", SUCCESS, FAILURE, ACQUIRED, TIMEOUT, RETRIED, GAVE_UP, "true",
                        "false",
                        KIND_OUT_OF_ORDER, KIND_EDITED, KIND_UNKNOWN);
            }
        }
        assertThat(registry.get(APPLIED).counter().getId().getBaseUnit()).isEqualTo(UNIT_MIGRATIONS);
        assertThat(registry.get(PENDING).gauge().getId().getBaseUnit()).isEqualTo(UNIT_MIGRATIONS);
        assertThat(registry.get(LAST_SUCCESS).timeGauge().baseTimeUnit()).isEqualTo(TimeUnit.SECONDS);
    }

    @Test
    void gaugesAreNaNUntilTheStateIsReadThenFollowStatusChecksAndAppliedMigrations() {
        metrics.bindTo(registry);
        assertThat(gauge(PENDING)).isNaN();
        assertThat(registry.get(PROBLEMS).tag(TAG_KIND, KIND_EDITED).gauge().value()).isNaN();
        assertThat(registry.get(LAST_SUCCESS).timeGauge().value()).isNaN();

        metrics.onEvent(new MigrationEvent.StatusRead(status(MigrationState.APPLIED, MigrationState.EDITED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED, MigrationState.PENDING,
                MigrationState.PENDING, MigrationState.UNKNOWN, MigrationState.UNKNOWN)));

        assertThat(gauge(PENDING)).isEqualTo(2);
        assertThat(registry.get(PROBLEMS).tag(TAG_KIND, KIND_OUT_OF_ORDER).gauge().value()).isEqualTo(1);
        assertThat(registry.get(PROBLEMS).tag(TAG_KIND, KIND_EDITED).gauge().value()).isEqualTo(1);
        assertThat(registry.get(PROBLEMS).tag(TAG_KIND, KIND_UNKNOWN).gauge().value()).isEqualTo(2);

        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(applied(tag(2), 5, true));
        metrics.onEvent(applied(tag(4), 5, true));
        assertThat(registry.get(PROBLEMS).tag(TAG_KIND, KIND_OUT_OF_ORDER).gauge().value())
                .as("an out-of-order migration applied (outOfOrder=APPLY)").isZero();
        assertThat(gauge(PENDING)).isEqualTo(1);
    }

    @Test
    void lastSuccessIsTheEndOfTheLastSuccessfulRunInEpochSeconds() {
        metrics.bindTo(registry);

        failedRun();
        assertThat(registry.get(LAST_SUCCESS).timeGauge().value()).isNaN();

        successfulRun();
        assertThat(registry.get(LAST_SUCCESS).timeGauge().value(TimeUnit.SECONDS)).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void aLockWaitInProgressIsALongTaskAndAFinishedOneIsTimedAsAcquired() {
        metrics.bindTo(registry);

        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.LockWaiting(Duration.ZERO, "pid 1"));
        metrics.onEvent(new MigrationEvent.LockWaiting(Duration.ofSeconds(5), "pid 1"));

        assertThat(registry.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(1);
        assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(1);
        assertThat(registry.get(LOCK_WAIT).tag(TAG_OUTCOME, ACQUIRED).timer().count()).isZero();

        metrics.onEvent(new MigrationEvent.LockAcquired(Duration.ofMillis(5300)));

        assertThat(registry.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks()).isZero();
        assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(1);
        assertThat(registry.get(LOCK_WAIT).tag(TAG_OUTCOME, ACQUIRED).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(5300);
    }

    @Test
    void aLockTimeoutIsTimedAsTimeoutAndEndsBothLongTasks() {
        metrics.bindTo(registry);

        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.LockWaiting(Duration.ZERO, "pid 1"));
        metrics.onEvent(new MigrationEvent.RunFailed(Duration.ofSeconds(61), List.of(),
                new LockTimeoutException("timed out", Duration.ofSeconds(60), "pid 1")));

        assertThat(registry.get(LOCK_WAIT).tag(TAG_OUTCOME, TIMEOUT).timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(60);
        assertThat(registry.get(LOCK_WAIT).tag(TAG_OUTCOME, ACQUIRED).timer().count()).isZero();
        assertThat(registry.get(RUN).tag(TAG_OUTCOME, FAILURE).timer().count()).isEqualTo(1);
        assertThat(registry.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks()).isZero();
        assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isZero();
    }

    @Test
    void aConnectionLostDuringALockWaitIsTimedAsFailureAndOneBeforeAnyWaitIsNotALockWait() {
        metrics.bindTo(registry);
        DatabaseConnectionException lost = new DatabaseConnectionException("lost", null);

        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.LockWaiting(Duration.ZERO, "pid 1"));
        metrics.onEvent(new MigrationEvent.RunFailed(Duration.ofSeconds(1), List.of(), lost));
        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.RunFailed(Duration.ofSeconds(1), List.of(), lost));

        assertThat(registry.get(LOCK_WAIT).tag(TAG_OUTCOME, FAILURE).timer().count()).isEqualTo(1);
        assertThat(registry.get(RUN).tag(TAG_OUTCOME, FAILURE).timer().count()).isEqualTo(2);
    }

    @Test
    void recordingsMadeBeforeBindingAreReplayedAndARunInProgressIsTimedFromThen() {
        successfulRun();
        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.LockWaiting(Duration.ZERO, "pid 1"));
        assertThat(metrics.backlogSize()).isPositive();

        metrics.bindTo(registry);

        assertThat(metrics.backlogSize()).isZero();
        assertThat(registry.get(APPLIED).tag(TAG_OUTCOME, SUCCESS).counter().count()).isEqualTo(2);
        assertThat(registry.get(RUN).tag(TAG_OUTCOME, SUCCESS).timer().count()).isEqualTo(1);
        assertThat(gauge(PENDING)).isZero();
        assertThat(registry.get(LAST_SUCCESS).timeGauge().value(TimeUnit.SECONDS)).isEqualTo(NOW.getEpochSecond());
        assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(1);
        assertThat(registry.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(1);

        metrics.onEvent(new MigrationEvent.LockAcquired(Duration.ofSeconds(2)));
        metrics.onEvent(finished(2100, status(MigrationState.APPLIED)));
        assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isZero();
        assertThat(registry.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks()).isZero();
    }

    @Test
    void theBacklogBeforeBindingIsBounded() {
        for (int i = 0; i < DrizzleMigrationMetrics.BACKLOG_LIMIT + 5; i++) {
            metrics.onEvent(applied(tag(i % 10), 1, true));
        }

        assertThat(metrics.backlogSize()).isEqualTo(DrizzleMigrationMetrics.BACKLOG_LIMIT);
        metrics.bindTo(registry);
        assertThat(registry.get(APPLIED).tag(TAG_OUTCOME, SUCCESS).counter().count())
                .isEqualTo(DrizzleMigrationMetrics.BACKLOG_LIMIT);
    }

    @Test
    void bindingTwiceToTheSameRegistryIsHarmlessAndToAnotherIsRefused() {
        metrics.bindTo(registry);
        metrics.bindTo(registry);
        successfulRun();
        assertThat(registry.get(APPLIED).tag(TAG_OUTCOME, SUCCESS).counter().count()).isEqualTo(2);

        assertThatThrownBy(() -> metrics.bindTo(new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CompositeMeterRegistry");
    }

    @Test
    void runsOnSeveralThreadsAreTrackedApart() throws Exception {
        metrics.bindTo(registry);
        Thread other = new Thread(() -> {
            metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
            metrics.onEvent(new MigrationEvent.LockWaiting(Duration.ZERO, "pid 1"));
        });
        other.start();
        other.join();
        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.LockAcquired(Duration.ZERO));
        assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(2);

        metrics.onEvent(finished(10, status(MigrationState.APPLIED)));

        assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(1);
        assertThat(registry.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks()).as("the other thread still waits")
                .isEqualTo(1);
        assertThat(registry.get(LOCK_WAIT).tag(TAG_OUTCOME, ACQUIRED).timer().count()).isEqualTo(1);
    }

    @Test
    void aRunThatEndedWithoutReportingItIsNoLongerActiveWhenItsThreadStartsAnother() {
        metrics.bindTo(registry);
        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.LockWaiting(Duration.ZERO, "pid 1"));

        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));

        assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(1);
        assertThat(registry.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks()).isZero();
    }

    @Test
    void everyMeterScrapesInPrometheusUnderItsOwnNameWhileTheLongTasksAreActive() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.bindTo(prometheus);
        successfulRun();
        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.LockWaiting(Duration.ZERO, "pid 1"));

        String scrape = prometheus.scrape();

        assertThat(scrape).contains(
                "drizzle_migrations_applied_migrations_total{datasource=\"main\",outcome=\"success\"} 2.0",
                "drizzle_migrations_applied_migrations_total{datasource=\"main\",outcome=\"failure\"} 0.0",
                "drizzle_migrations_duration_seconds_count{datasource=\"main\",outcome=\"success\",transactional=\"false\"} 1",
                "drizzle_migrations_pending_migrations{datasource=\"main\"} 0.0",
                "drizzle_migrations_problems_migrations{datasource=\"main\",kind=\"edited\"} 0.0",
                "drizzle_migrations_lock_wait_seconds_count{datasource=\"main\",outcome=\"acquired\"} 1",
                "drizzle_migrations_lock_wait_active_seconds_count{datasource=\"main\"} 1",
                "drizzle_migrations_run_seconds_count{datasource=\"main\",outcome=\"success\"} 1",
                "drizzle_migrations_run_active_seconds_count{datasource=\"main\"} 1",
                "drizzle_migrations_last_success_seconds{datasource=\"main\"} " + (double) NOW.getEpochSecond());
        assertThat(prometheus.getMeters()).as("Prometheus refused none of them (a refused one becomes a no-op)")
                .hasSize(registered(new SimpleMeterRegistry()));
    }

    private int registered(MeterRegistry other) {
        new DrizzleMigrationMetrics(Tags.of("datasource", "main")).bindTo(other);
        return other.getMeters().size();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    /** 2 pending migrations, one in a transaction (150 ms), one outside (250 ms), in a run of 400 ms. */
    private void successfulRun() {
        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.LockAcquired(Duration.ZERO));
        metrics.onEvent(new MigrationEvent.StatusRead(status(MigrationState.PENDING, MigrationState.PENDING)));
        metrics.onEvent(new MigrationEvent.MigrationStarted(tag(0), true));
        MigrationEvent.MigrationApplied first = applied(tag(0), 150, true);
        metrics.onEvent(first);
        metrics.onEvent(new MigrationEvent.MigrationStarted(tag(1), false));
        MigrationEvent.MigrationApplied second = applied(tag(1), 250, false);
        metrics.onEvent(second);
        metrics.onEvent(finished(400, status(MigrationState.APPLIED, MigrationState.APPLIED), first.migration(), second.migration()));
    }

    /** A transactional migration failing after 40 ms, in a run of 60 ms. */
    private void failedRun() {
        metrics.onEvent(new MigrationEvent.RunStarted("filesystem:/m"));
        metrics.onEvent(new MigrationEvent.LockAcquired(Duration.ZERO));
        metrics.onEvent(new MigrationEvent.StatusRead(status(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING)));
        metrics.onEvent(new MigrationEvent.MigrationStarted(tag(2), true));
        var error = TestEvents.uniqueViolation(tag(2), "x");
        metrics.onEvent(new MigrationEvent.MigrationFailed(tag(2), true, Duration.ofMillis(40), error));
        metrics.onEvent(new MigrationEvent.RunFailed(Duration.ofMillis(60), List.of(), error));
    }
}
