package io.drizzlemigrator.metrics;

import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.ACQUIRED;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.APPLIED;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.DURATION;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.FAILURE;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.KIND_EDITED;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.KIND_OUT_OF_ORDER;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.KIND_UNKNOWN;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.LAST_SUCCESS;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.LOCK_WAIT;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.LOCK_WAIT_ACTIVE;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.PENDING;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.PROBLEMS;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.RUN;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.RUN_ACTIVE;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.SUCCESS;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.TAG_KIND;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.TAG_OUTCOME;
import static io.drizzlemigrator.metrics.DrizzleMigrationMetrics.TAG_TRANSACTIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.health.Gate;
import io.drizzlemigrator.health.Poll;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meters of real runs against PostgreSQL, one fresh database per test. */
class MetricsPostgresTest {

    private static final Tags COMMON = Tags.of("datasource", "main", "schema", "drizzle");

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("runs ended").isTrue();
    }

    @Test
    void aRunRecordsEachMigrationWithItsOutcomeAndWhetherItRanInATransaction() {
        String folder = TestFolder.in(dir)
                .migration("0000_users", "create table users (id serial primary key, email text);")
                .migration("0001_users_email", "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);")
                .migration("0002_seed", "insert into users (email) values ('a@example.com');")
                .write().toString();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DrizzleMigrationMetrics metrics = new DrizzleMigrationMetrics(COMMON);
        metrics.bindTo(registry);

        try (TestDatabase db = TestDatabase.create("metrics_run")) {
            long before = Instant.now().getEpochSecond();
            MigrateResult result = migrator(db, folder, metrics).migrate();
            long after = Instant.now().getEpochSecond();

            assertThat(result.appliedCount()).isEqualTo(3);
            assertThat(registry.get(APPLIED).tags(COMMON).tag(TAG_OUTCOME, SUCCESS).counter().count()).isEqualTo(3);
            assertThat(registry.get(APPLIED).tag(TAG_OUTCOME, FAILURE).counter().count()).isZero();
            assertThat(registry.get(DURATION).tags(TAG_OUTCOME, SUCCESS, TAG_TRANSACTIONAL, "true").timer().count())
                    .isEqualTo(2);
            assertThat(registry.get(DURATION).tags(TAG_OUTCOME, SUCCESS, TAG_TRANSACTIONAL, "false").timer().count())
                    .as("the concurrent index build ran outside a transaction").isEqualTo(1);
            assertThat(registry.get(RUN).tag(TAG_OUTCOME, SUCCESS).timer().totalTime(TimeUnit.NANOSECONDS))
                    .isEqualTo(result.duration().toNanos());
            assertThat(registry.get(LOCK_WAIT).tag(TAG_OUTCOME, ACQUIRED).timer().count()).isEqualTo(1);
            assertThat(registry.get(PENDING).gauge().value()).isZero();
            for (String kind : new String[] {KIND_OUT_OF_ORDER, KIND_EDITED, KIND_UNKNOWN}) {
                assertThat(registry.get(PROBLEMS).tag(TAG_KIND, kind).gauge().value()).as(kind).isZero();
            }
            assertThat(registry.get(LAST_SUCCESS).timeGauge().value(TimeUnit.SECONDS)).isBetween((double) before,
                    (double) after + 1);
            assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isZero();
            assertThat(registry.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks()).isZero();
        }
    }

    @Test
    void aFailedMigrationCountsAsAFailureAndStaysPendingWithTheOnesAfterIt() {
        String folder = TestFolder.in(dir)
                .migration("0000_users", "create table users (id serial primary key);")
                .migration("0001_broken", "select 1 / 0;")
                .migration("0002_posts", "create table posts (id serial primary key);")
                .write().toString();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DrizzleMigrationMetrics metrics = new DrizzleMigrationMetrics(COMMON);
        metrics.bindTo(registry);

        try (TestDatabase db = TestDatabase.create("metrics_failed")) {
            assertThatThrownBy(() -> migrator(db, folder, metrics).migrate())
                    .isInstanceOf(MigrationFailedException.class);

            assertThat(registry.get(APPLIED).tag(TAG_OUTCOME, SUCCESS).counter().count()).isEqualTo(1);
            assertThat(registry.get(APPLIED).tag(TAG_OUTCOME, FAILURE).counter().count()).isEqualTo(1);
            assertThat(registry.get(DURATION).tags(TAG_OUTCOME, FAILURE, TAG_TRANSACTIONAL, "true").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get(RUN).tag(TAG_OUTCOME, FAILURE).timer().count()).isEqualTo(1);
            assertThat(registry.get(RUN).tag(TAG_OUTCOME, SUCCESS).timer().count()).isZero();
            assertThat(registry.get(PENDING).gauge().value()).isEqualTo(2);
            assertThat(registry.get(LAST_SUCCESS).timeGauge().value()).isNaN();
            assertThat(registry.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isZero();
        }
    }

    @Test
    void statusChecksRefreshThePendingAndProblemGauges() {
        TestFolder drizzle = TestFolder.in(dir)
                .migration("0000_users", 1_000_000L, "create table users (id serial primary key);")
                .migration("0001_posts", 3_000_000L, "create table posts (id serial primary key);");
        String folder = drizzle.write().toString();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DrizzleMigrationMetrics metrics = new DrizzleMigrationMetrics(COMMON);
        metrics.bindTo(registry);

        try (TestDatabase db = TestDatabase.create("metrics_status")) {
            DrizzleMigrator migrator = migrator(db, folder, metrics);
            migrator.status();
            assertThat(registry.get(PENDING).gauge().value()).as("before any run").isEqualTo(2);

            migrator.migrate();
            drizzle.edit("0000_users", "create table users (id bigserial primary key);")
                    .migration("0002_merged_late", 2_000_000L, "create table tags (id serial primary key);")
                    .migration("0003_comments", 4_000_000L, "create table comments (id serial primary key);")
                    .write();
            db.execute("insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-build', 5)");

            migrator.status();

            assertThat(registry.get(PENDING).gauge().value()).isEqualTo(1);
            assertThat(registry.get(PROBLEMS).tag(TAG_KIND, KIND_OUT_OF_ORDER).gauge().value()).isEqualTo(1);
            assertThat(registry.get(PROBLEMS).tag(TAG_KIND, KIND_EDITED).gauge().value()).isEqualTo(1);
            assertThat(registry.get(PROBLEMS).tag(TAG_KIND, KIND_UNKNOWN).gauge().value()).isEqualTo(1);
            assertThat(registry.get(RUN).tag(TAG_OUTCOME, SUCCESS).timer().count()).as("status is not a run")
                    .isEqualTo(1);
        }
    }

    @Test
    void theLongTaskTimersShowABlockedRunAndTheLockWaitBehindItBeforeEitherEnds() throws Exception {
        String folder = TestFolder.in(dir)
                .migration("0000_users", "create table users (id serial primary key);")
                .migration("0001_gate_index", Gate.MIGRATION)
                .write().toString();
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        DrizzleMigrationMetrics firstMetrics = new DrizzleMigrationMetrics(COMMON);
        DrizzleMigrationMetrics secondMetrics = new DrizzleMigrationMetrics(COMMON);
        firstMetrics.bindTo(first);
        secondMetrics.bindTo(second);

        try (TestDatabase db = TestDatabase.create("metrics_blocked"); Gate gate = Gate.closed(db)) {
            Future<MigrateResult> holder = pool.submit(() -> migrator(db, folder, firstMetrics).migrate());
            Poll.until("the first run blocks in 0001_gate_index", gate::hasWaiter, holder);
            assertThat(first.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(1);
            assertThat(first.get(APPLIED).tag(TAG_OUTCOME, SUCCESS).counter().count()).isEqualTo(1);

            Future<MigrateResult> waiter = pool.submit(() -> migrator(db, folder, secondMetrics).migrate());
            Poll.until("the second run's lock wait is an active long task",
                    () -> second.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks() == 1, waiter);
            assertThat(second.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isEqualTo(1);
            assertThat(second.get(LOCK_WAIT).tag(TAG_OUTCOME, ACQUIRED).timer().count()).as("not finished")
                    .isZero();
            Poll.until("the wait's duration grows", () -> second.get(LOCK_WAIT_ACTIVE).longTaskTimer()
                    .duration(TimeUnit.NANOSECONDS) > 0, waiter);

            gate.open();
            MigrateResult waited = waiter.get(30, TimeUnit.SECONDS);
            holder.get(30, TimeUnit.SECONDS);

            assertThat(second.get(LOCK_WAIT_ACTIVE).longTaskTimer().activeTasks()).isZero();
            assertThat(second.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isZero();
            assertThat(first.get(RUN_ACTIVE).longTaskTimer().activeTasks()).isZero();
            assertThat(second.get(LOCK_WAIT).tag(TAG_OUTCOME, ACQUIRED).timer().totalTime(TimeUnit.NANOSECONDS))
                    .isEqualTo(waited.lockWait().toNanos()).isPositive();
            assertThat(second.get(APPLIED).tag(TAG_OUTCOME, SUCCESS).counter().count()).isZero();
            assertThat(second.get(RUN).tag(TAG_OUTCOME, SUCCESS).timer().count()).isEqualTo(1);
            assertThat(first.get(APPLIED).tag(TAG_OUTCOME, SUCCESS).counter().count()).isEqualTo(2);
        }
    }

    @Test
    void aPrometheusScrapeOfARealRunHasEveryMeterUnderItsOwnName() {
        String folder = TestFolder.in(dir)
                .migration("0000_users", "create table users (id serial primary key);")
                .write().toString();
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DrizzleMigrationMetrics metrics = new DrizzleMigrationMetrics(COMMON);
        metrics.bindTo(prometheus);

        try (TestDatabase db = TestDatabase.create("metrics_prometheus")) {
            migrator(db, folder, metrics).migrate();

            String scrape = prometheus.scrape();
            assertThat(scrape).contains(
                    "drizzle_migrations_applied_migrations_total{datasource=\"main\",outcome=\"success\",schema=\"drizzle\"} 1.0",
                    "drizzle_migrations_duration_seconds_count{datasource=\"main\",outcome=\"success\",schema=\"drizzle\",transactional=\"true\"} 1",
                    "drizzle_migrations_pending_migrations{datasource=\"main\",schema=\"drizzle\"} 0.0",
                    "drizzle_migrations_problems_migrations{datasource=\"main\",kind=\"unknown\",schema=\"drizzle\"} 0.0",
                    "drizzle_migrations_lock_wait_seconds_count{datasource=\"main\",outcome=\"acquired\",schema=\"drizzle\"} 1",
                    "drizzle_migrations_lock_wait_active_seconds_count{datasource=\"main\",schema=\"drizzle\"} 0",
                    "drizzle_migrations_run_seconds_count{datasource=\"main\",outcome=\"success\",schema=\"drizzle\"} 1",
                    "drizzle_migrations_run_active_seconds_count{datasource=\"main\",schema=\"drizzle\"} 0",
                    "drizzle_migrations_last_success_seconds{datasource=\"main\",schema=\"drizzle\"} ");
            MeterRegistry simple = new SimpleMeterRegistry();
            new DrizzleMigrationMetrics(COMMON).bindTo(simple);
            assertThat(prometheus.getMeters()).as("Prometheus refused none of them").hasSameSizeAs(simple.getMeters());
        }
    }

    private static DrizzleMigrator migrator(TestDatabase db, String folder, DrizzleMigrationMetrics metrics) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder).listener(metrics).load();
    }
}
