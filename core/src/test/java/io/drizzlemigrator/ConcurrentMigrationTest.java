package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.internal.lock.AdvisoryLock;
import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.Journal;
import io.drizzlemigrator.testing.MigrateMain;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several replicas starting at once: exactly one migrates, the others wait and find nothing to do; a start with
 * nothing to apply does not wait at all.
 */
class ConcurrentMigrationTest {

    private static final String CORPUS = "vercel__ai-chatbot";

    @TempDir
    Path dir;

    /**
     * The threads start together while the test holds their lock; once some of them wait for it, the test lets go and
     * they race for it: one applies everything, the rest must find it done when they get the lock.
     */
    @Test
    void eightThreadsStartedTogetherApplyEachMigrationExactlyOnce() throws Exception {
        Path folder = Corpora.folder(CORPUS);
        int expected = Journal.read(folder).size();
        try (TestDatabase db = TestDatabase.create("threads")) {
            int n = 8;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch start = new CountDownLatch(1);
            List<MigrationEvent> events = new CopyOnWriteArrayList<>();
            List<Future<MigrateResult>> results = new ArrayList<>();
            try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
                s.execute("select pg_advisory_lock(" + defaultLockKey() + ")");
                for (int i = 0; i < n; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                                .listener(events::add).load().migrate();
                    }));
                }
                start.countDown();
                awaitCount(events, MigrationEvent.LockWaiting.class, 2);
                s.execute("select pg_advisory_unlock(" + defaultLockKey() + ")");
            }
            int total = 0;
            int applying = 0;
            int waited = 0;
            for (Future<MigrateResult> f : results) {
                MigrateResult r = f.get(2, TimeUnit.MINUTES);
                total += r.appliedCount();
                applying += r.appliedCount() > 0 ? 1 : 0;
                waited += r.lockWait().isZero() ? 0 : 1;
            }
            pool.shutdown();

            assertThat(waited).as("threads that really waited for the lock").isGreaterThanOrEqualTo(2);
            assertThat(applying).as("threads that applied anything").isEqualTo(1);
            assertThat(total).isEqualTo(expected);
            assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(expected);
            assertThat(db.queryLong("select count(distinct hash) from drizzle.__drizzle_migrations"))
                    .isEqualTo(expected);
        }
    }

    /** As the threads, with eight JVMs: the test holds the lock until two of them poll for it. */
    @Test
    void eightJvmProcessesStartedTogetherApplyEachMigrationExactlyOnce() throws Exception {
        Path folder = Corpora.folder(CORPUS);
        int expected = Journal.read(folder).size();
        try (TestDatabase db = TestDatabase.create("processes")) {
            List<Process> processes = new ArrayList<>();
            try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
                s.execute("select pg_advisory_lock(" + defaultLockKey() + ")");
                for (int i = 0; i < 8; i++) {
                    processes.add(javaProcess(db, folder.toString(), 120).start());
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (db.queryLong("select count(distinct pid) from pg_stat_activity where datname ="
                        + " current_database() and query like 'select pg_try_advisory_lock(%'") < 2) {
                    assertThat(System.nanoTime()).as("two processes poll for the lock in time").isLessThan(deadline);
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
                s.execute("select pg_advisory_unlock(" + defaultLockKey() + ")");
            }
            int applied = 0;
            int applying = 0;
            int waited = 0;
            for (Process p : processes) {
                assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("process finished").isTrue();
                String out = new String(p.getInputStream().readAllBytes()).trim();
                String err = new String(p.getErrorStream().readAllBytes());
                assertThat(p.exitValue()).as("exit code; stderr: %s", err).isZero();
                String[] words = out.split(" ");
                int mine = Integer.parseInt(words[1]);
                applied += mine;
                applying += mine > 0 ? 1 : 0;
                waited += Long.parseLong(words[3]) > 0 ? 1 : 0;
            }
            assertThat(waited).as("processes that really waited for the lock").isGreaterThanOrEqualTo(2);
            assertThat(applying).as("processes that applied anything").isEqualTo(1);
            assertThat(applied).isEqualTo(expected);
            assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(expected);
        }
    }

    @Test
    void waiterGivesUpAfterLockTimeoutNamingTheHolder() throws Exception {
        Path folder = TestFolder.in(dir)
                .migration("0000_slow", "SELECT pg_sleep(30);")
                .write();
        try (TestDatabase db = TestDatabase.create("locktimeout")) {
            List<MigrationEvent> holderEvents = new CopyOnWriteArrayList<>();
            CompletableFuture<MigrateResult> holder = CompletableFuture.supplyAsync(() -> DrizzleMigrator.configure()
                    .dataSource(db.dataSource()).location(folder.toString()).listener(holderEvents::add)
                    .load().migrate());
            awaitEvent(holderEvents, MigrationEvent.MigrationStarted.class, holder); // the holder has the lock

            List<MigrationEvent> waiterEvents = new CopyOnWriteArrayList<>();
            assertThatThrownBy(() -> DrizzleMigrator.configure().dataSource(db.dataSource())
                    .location(folder.toString()).lockTimeout(Duration.ofMillis(700)).listener(waiterEvents::add)
                    .load().migrate())
                    .isInstanceOfSatisfying(LockTimeoutException.class, e -> {
                        assertThat(e.holder()).contains("pid ");
                        assertThat(e.getMessage()).contains("lockTimeout", "Nothing was applied");
                        assertThat(e.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
                    });
            assertThat(waiterEvents).anySatisfy(ev -> assertThat(ev).isInstanceOf(MigrationEvent.LockWaiting.class));
            assertThat(waiterEvents).anySatisfy(ev -> assertThat(ev).isInstanceOf(MigrationEvent.RunFailed.class));

            db.execute("select pg_cancel_backend(pid) from pg_stat_activity where query like 'SELECT pg_sleep(30)%'"
                    + " and pid <> pg_backend_pid()");
            assertThatThrownBy(() -> holder.get(1, TimeUnit.MINUTES)).hasCauseInstanceOf(MigrationFailedException.class);
        }
    }

    @Test
    void aStartWithNothingToApplyNeitherTakesNorWaitsForTheLock() throws Exception {
        Path folder = TestFolder.in(dir)
                .migration("0000_users", "CREATE TABLE users (id int);")
                .migration("0001_orders", "CREATE TABLE orders (id int);")
                .write();
        try (TestDatabase db = TestDatabase.create("nolock")) {
            DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString()).load().migrate();
            try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
                // another runner holds the lock (a newer version's long migration, say)
                s.execute("select pg_advisory_lock(" + defaultLockKey() + ")");

                List<MigrationEvent> events = new CopyOnWriteArrayList<>();
                MigrateResult result = DrizzleMigrator.configure().dataSource(db.dataSource())
                        .location(folder.toString()).lockTimeout(Duration.ofMillis(500)).listener(events::add)
                        .load().migrate();

                assertThat(result.appliedCount()).isZero();
                assertThat(result.lockWait()).isZero();
                assertThat(result.status().isUpToDate()).isTrue();
                assertThat(result.status().applied()).hasSize(2);
                assertThat(events).noneMatch(e -> e instanceof MigrationEvent.LockWaiting
                        || e instanceof MigrationEvent.LockAcquired);
                assertThat(events).anyMatch(e -> e instanceof MigrationEvent.StatusRead);
                assertThat(events).anyMatch(e -> e instanceof MigrationEvent.RunFinished);
            }
        }
    }

    @Test
    void aStartThatFindsWorkWaitsForTheLockAndReadsTheHistoryAgainUnderIt() throws Exception {
        Path folder = TestFolder.in(dir)
                .migration("0000_users", "CREATE TABLE users (id int);")
                .migration("0001_orders", "CREATE TABLE orders (id int);")
                .write();
        try (TestDatabase db = TestDatabase.create("reread")) {
            try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
                s.execute("select pg_advisory_lock(" + defaultLockKey() + ")");
                List<MigrationEvent> events = new CopyOnWriteArrayList<>();
                CompletableFuture<MigrateResult> waiter = CompletableFuture.supplyAsync(() -> DrizzleMigrator
                        .configure().dataSource(db.dataSource()).location(folder.toString())
                        .lockTimeout(Duration.ofMinutes(1)).listener(events::add).load().migrate());
                awaitEvent(events, MigrationEvent.LockWaiting.class, waiter);

                // while it waits, another runner (on another lock key) applies everything
                assertThat(DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                        .lockKey(defaultLockKey() + 1).load().migrate().appliedCount()).isEqualTo(2);
                s.execute("select pg_advisory_unlock(" + defaultLockKey() + ")");

                MigrateResult result = waiter.get(1, TimeUnit.MINUTES);
                assertThat(result.appliedCount()).isZero();
                assertThat(result.lockWait()).isPositive();
                assertThat(result.status().isUpToDate()).isTrue();
                assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(2);
            }
        }
    }

    private static long defaultLockKey() {
        return AdvisoryLock.deriveKey("drizzle", "__drizzle_migrations");
    }

    /** Waits, without sleeping blindly, until {@code run} has sent an event of {@code type}. */
    private static void awaitEvent(List<MigrationEvent> events, Class<? extends MigrationEvent> type,
            CompletableFuture<?> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (events.stream().noneMatch(type::isInstance)) {
            if (run.isDone()) {
                run.get();
            }
            assertThat(System.nanoTime()).as("%s in time", type.getSimpleName()).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
    }

    /** Waits until {@code count} events of {@code type} have been sent. */
    private static void awaitCount(List<MigrationEvent> events, Class<? extends MigrationEvent> type, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (events.stream().filter(type::isInstance).count() < count) {
            assertThat(System.nanoTime()).as("%d %s events in time", count, type.getSimpleName()).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
    }

    static ProcessBuilder javaProcess(TestDatabase db, String folder, int lockTimeoutSeconds) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                MigrateMain.class.getName(), db.jdbcUrl(), db.user(), folder, Integer.toString(lockTimeoutSeconds))
                .redirectErrorStream(false)
                .directory(new File(System.getProperty("user.dir")));
    }
}
