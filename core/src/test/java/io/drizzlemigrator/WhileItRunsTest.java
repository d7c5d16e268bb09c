package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.health.MigrationHealth;
import io.drizzlemigrator.health.MigrationHealthTracker;
import io.drizzlemigrator.health.Poll;
import io.drizzlemigrator.metrics.DrizzleMigrationMetrics;
import io.drizzlemigrator.testing.LogCapture;
import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run tells while it runs (issue 17): the session blocking a migration's DDL is named in the log, the health
 * details and the meters while the migration waits for it, and terminated when asked; a long index build reports its
 * progress. Real sessions against the real server, one fresh database per test.
 */
@FreshDatabasePerTest
class WhileItRunsTest {

    private static final String WATCH_THREAD = "drizzle-migrator-watch";

    @TempDir
    Path dir;

    private final TestDatabase db;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DrizzleMigrationMetrics metrics = new DrizzleMigrationMetrics();
    private final MigrationHealthTracker health = new MigrationHealthTracker(true);
    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();
    private int blockerPid;

    WhileItRunsTest(TestDatabase db) {
        this.db = db;
        metrics.bindTo(registry);
    }

    private MigratorConfiguration.Builder configure(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .listener(metrics).listener(health).listener(events::add);
    }

    /** A session named {@code billing-batch} holding ACCESS SHARE on {@code busy}, its last query quoting values. */
    private Connection blocker() throws SQLException {
        db.execute("CREATE TABLE busy (id int, note text)");
        Connection c = db.connect();
        blockerPid = pid(c);
        try (Statement s = c.createStatement()) {
            s.execute("SET application_name TO 'billing-batch'");
            c.setAutoCommit(false);
            s.execute("LOCK TABLE busy IN ACCESS SHARE MODE");
            s.execute("SELECT count(*) FROM busy WHERE note = 'card 4111-1111' OR id = 4242");
        }
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private double ddlLockWaits(String outcome) {
        return registry.get(DrizzleMigrationMetrics.DDL_LOCK_WAITS)
                .tag(DrizzleMigrationMetrics.TAG_OUTCOME, outcome).timer().count();
    }

    @Test
    void sessionHoldingTheLockIsNamedInLogHealthAndMetersWhileTheMigrationWaitsAndTheRetrySucceedsOnceItLetsGo()
            throws Exception {
        Path folder = TestFolder.in(dir).migration("0000_note", "ALTER TABLE busy ADD COLUMN extra text;").write();
        String logged;
        try (Connection blocker = blocker()) {
            logged = LogCapture.during(() -> {
                CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> configure(folder)
                        .ddlLockTimeout(Duration.ofMillis(400)).ddlLockRetries(20).load().migrate());
                Poll.until("the health details name the blocking session", () -> !health.current().blockedBy()
                        .isEmpty(), run);
                MigrationHealth waiting = health.current();
                assertThat(waiting.state()).isEqualTo(MigrationHealth.State.MIGRATING);
                LockBlocker b = waiting.blockedBy().get(0);
                assertThat(b.pid()).isEqualTo(blockerPid);
                assertThat(b.applicationName()).isEqualTo("billing-batch");
                assertThat(b.state()).isEqualTo("idle in transaction");
                assertThat(b.transactionAge()).isPositive();
                assertThat(b.query()).isEqualTo("SELECT count(*) FROM busy WHERE note = ? OR id = ?");
                assertThat(b.waitingForLock()).isFalse();
                assertThat(waiting.reason()).contains("line 1 waits for a lock held by pid " + blockerPid);
                @SuppressWarnings("unchecked")
                Map<String, Object> blockedBy = (Map<String, Object>) waiting.details().get("blockedBy");
                assertThat(blockedBy).containsEntry("line", 1);
                assertThat(blockedBy.get("blockers").toString()).contains("pid=" + blockerPid,
                        "applicationName=billing-batch").doesNotContain("4111", "4242");

                Poll.until("a lock timeout was retried", () -> ddlLockWaits(DrizzleMigrationMetrics.RETRIED) >= 1,
                        run);
                rollback(blocker);
                assertThat(join(run).appliedCount()).isEqualTo(1);
            });
        }
        assertThat(logged).contains("could not get a lock within lock_timeout 400 ms at",
                "blocked by pid " + blockerPid + " (application \"billing-batch\"", "idle in transaction",
                "SELECT count(*) FROM busy WHERE note = ? OR id = ?", "retry 1 of 20");
        assertThat(logged).doesNotContain("4111-1111", "4242");
        assertThat(events).filteredOn(MigrationEvent.DdlLockWait.class::isInstance)
                .map(e -> (MigrationEvent.DdlLockWait) e)
                .anySatisfy(e -> {
                    assertThat(e.outcome()).isEqualTo(MigrationEvent.DdlLockWaitOutcome.RETRIED);
                    assertThat(e.tag()).isEqualTo("0000_note");
                    assertThat(e.blockers()).extracting(LockBlocker::pid).containsExactly(blockerPid);
                });
        assertThat(health.current().state()).isEqualTo(MigrationHealth.State.UP);
        assertThat(health.current().lastDdlLockWait()).isPresent();
        assertThat(health.current().blockedBy()).isEmpty();
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'busy'"
                + " and column_name = 'extra'")).isEqualTo(1);
        assertNoWatcherThreadLeft();
    }

    @Test
    void migrationThatGivesUpNamesItsBlockerInTheFailedHealthAndTheGaveUpMeter() throws Exception {
        Path folder = TestFolder.in(dir).migration("0000_note", "ALTER TABLE busy ADD COLUMN extra text;").write();
        try (Connection blocker = blocker()) {
            assertThatThrownBy(() -> configure(folder).ddlLockTimeout(Duration.ofMillis(300)).ddlLockRetries(0)
                    .load().migrate()).isInstanceOf(MigrationFailedException.class);
            assertThat(ddlLockWaits(DrizzleMigrationMetrics.GAVE_UP)).isEqualTo(1);
            MigrationHealth failed = health.current();
            assertThat(failed.state()).isEqualTo(MigrationHealth.State.FAILED);
            MigrationEvent.DdlLockWait wait = failed.lastDdlLockWait().orElseThrow();
            assertThat(wait.outcome()).isEqualTo(MigrationEvent.DdlLockWaitOutcome.GAVE_UP);
            assertThat(wait.blockers()).extracting(LockBlocker::pid, LockBlocker::applicationName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(blockerPid, "billing-batch"));
            assertThat(failed.details().get("lastDdlLockWait").toString()).contains("outcome=gave_up",
                    "pid=" + blockerPid);
            rollback(blocker);
        }
        assertNoWatcherThreadLeft();
    }

    @Test
    void terminateBlockersEndsTheBlockingSessionBeforeTheRetryAndTheMigrationApplies() throws Exception {
        Path folder = TestFolder.in(dir).migration("0000_note", "ALTER TABLE busy ADD COLUMN extra text;").write();
        try (Connection blocker = blocker()) {
            String logged = LogCapture.during(() -> assertThat(configure(folder).ddlLockTimeout(Duration.ofMillis(300))
                    .ddlLockRetries(3).terminateBlockers(true).load().migrate().appliedCount()).isEqualTo(1));

            assertThat(logged).contains("Terminated pid " + blockerPid + " (application \"billing-batch\")",
                    "(terminateBlockers=true)");
            // pg_terminate_backend only signals: the backend leaves pg_stat_activity a moment later
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (db.queryLong("select count(*) from pg_stat_activity where pid = " + blockerPid) > 0) {
                assertThat(System.nanoTime()).as("the terminated blocker's backend exits").isLessThan(deadline);
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
            }
            assertThatThrownBy(() -> blocker.createStatement().execute("select 1")).isInstanceOf(SQLException.class);
        }
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'busy'"
                + " and column_name = 'extra'")).isEqualTo(1);
    }

    @Test
    void concurrentIndexBuildOnMillionsOfRowsLogsItsProgressAndShowsItInHealthAndTheGauge() {
        // unlogged: filled in about a second, and built as any table is (the build reads it twice, concurrently)
        db.execute("CREATE UNLOGGED TABLE big AS SELECT g AS id FROM generate_series(1, 2000000) g");
        Path folder = TestFolder.in(dir).migration("0000_index",
                "CREATE INDEX CONCURRENTLY big_id_idx ON big (id);").write();
        List<Double> gauge = new CopyOnWriteArrayList<>();
        List<StatementProgress> inHealth = new CopyOnWriteArrayList<>();
        List<Thread> pollers = new CopyOnWriteArrayList<>();
        MigrationListener sampler = e -> {
            if (e instanceof MigrationEvent.StatementProgressed) {
                pollers.add(Thread.currentThread());
                gauge.add(registry.get(DrizzleMigrationMetrics.PROGRESS).gauge().value());
                health.current().progress().ifPresent(inHealth::add);
            }
        };

        String logged = LogCapture.during(() -> assertThat(configure(folder).listener(sampler)
                .progressInterval(Duration.ofMillis(200)).load().migrate().appliedCount()).isEqualTo(1));

        List<String> progressLines = logged.lines()
                .filter(l -> l.contains("0000_index line 1: CREATE INDEX CONCURRENTLY: ")).toList();
        assertThat(progressLines).as(logged).hasSizeGreaterThanOrEqualTo(2);
        assertThat(progressLines).anyMatch(l -> l.matches(".*(blocks|tuples) \\d+/\\d+ \\(\\d+\\.\\d %\\).*"));
        assertThat(inHealth).isNotEmpty().allSatisfy(p -> assertThat(p.command())
                .isEqualTo("CREATE INDEX CONCURRENTLY"));
        assertThat(gauge).anyMatch(v -> v >= 0 && v <= 1);
        assertThat(pollers).as("progress is read on the watcher's daemon thread, not the migrating one")
                .allSatisfy(t -> assertThat(t.isDaemon()).isTrue()).extracting(Thread::getName)
                .containsOnly(WATCH_THREAD);
        assertThat(registry.get(DrizzleMigrationMetrics.PROGRESS).gauge().value()).as("no build runs any more")
                .isNaN();
        assertThat(health.current().progress()).isEmpty();
        assertNoWatcherThreadLeft();
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> run) {
        try {
            return run.get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNoWatcherThreadLeft() {
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals(WATCH_THREAD) && t.isAlive());
    }
}
