package io.drizzlemigrator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pods killed mid-migration: a CLI JVM is SIGKILLed at a seeded random moment after it took the migration lock.
 * PostgreSQL must release the lock (no stale lock as with Liquibase's lock table), nothing may be half applied,
 * and a rerun must finish the job, repairing what a cancelled concurrent build left and saying so.
 *
 * <p>Odd trials set {@code client_connection_check_interval} on the database, so the server aborts the running
 * statement as soon as the client is gone (that is what leaves INVALID indexes behind); even trials leave it unset,
 * so the server finishes the running statement first (the default).
 */
class CrashIT {

    static final int TRIALS = Integer.getInteger("reliability.crash.trials", 50);
    static final long SEED = Long.getLong("reliability.crash.seed", 20261125L);
    /** The folder's run takes about this long once the lock is held; kills land anywhere in it (and a bit after). */
    static final int MAX_DELAY_MS = 2200;

    static final String TX_FIRST = "0000_tx_first";
    static final String CIC = "0001_cic";
    static final String NONTX_TWO = "0002_nontx_two";
    static final String TX_LAST = "0003_tx_last";

    static final int MIN_TRIALS = 10;
    static final String AFTER = "after the run ended";

    private static final Map<String, AtomicInteger> PHASES = new ConcurrentHashMap<>();
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger REPAIRS = new AtomicInteger();

    @TempDir
    static Path tmp;
    static Path folder;

    @BeforeAll
    static void writeFolder() {
        folder = TestFolder.in(tmp.resolve("crash"))
                .migration(TX_FIRST, TestFolder.statements(
                        "CREATE TABLE \"t_a1\" (\"id\" integer);",
                        "INSERT INTO \"t_a1\" SELECT g FROM generate_series(1, 1000) g;",
                        "SELECT pg_sleep(0.3);",
                        "CREATE TABLE \"t_a2\" (\"id\" integer);"))
                .migration(CIC, "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"items_slow_idx\" ON \"items\""
                        + " (slow_key(\"v\"));")
                .migration(NONTX_TWO, TestFolder.statements(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"items_slow2_idx\" ON \"items\""
                                + " (slow_key(\"v\" || 'x'));",
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"items_v_idx\" ON \"items\" (\"v\");"))
                .migration(TX_LAST, TestFolder.statements(
                        "CREATE TABLE \"t_b1\" (\"id\" integer);",
                        "SELECT pg_sleep(0.3);",
                        "ALTER TABLE \"t_b1\" ADD COLUMN \"x\" integer;",
                        "CREATE TABLE \"t_b2\" (\"id\" integer);"))
                .write();
    }

    static Stream<Integer> trials() {
        return IntStream.rangeClosed(1, TRIALS).boxed();
    }

    @ParameterizedTest(name = "crash trial {0}")
    @MethodSource("trials")
    void aKilledRunnerLeavesNothingHalfAppliedAndARerunCompletes(int trial) throws Exception {
        long seed = SEED + trial;
        Random random = new Random(seed);
        int delayMs = random.nextInt(MAX_DELAY_MS);
        boolean checkInterval = trial % 2 == 1;
        try (TestDatabase db = TestDatabase.create("crash_" + trial)) {
            db.execute("create table items (id integer primary key, v text)",
                    "insert into items select g, md5(g::text) from generate_series(1, 400) g",
                    // 1 ms per row: a concurrent build of an index on it takes about half a second
                    "create function slow_key(text) returns text immutable language plpgsql as"
                            + " $$ begin perform pg_sleep(0.001); return $1; end $$");
            if (checkInterval) {
                db.execute("alter database \"" + db.name() + "\" set client_connection_check_interval = '50ms'");
            }
            Path out = tmp.resolve("trial" + trial);
            CliProcess child = CliProcess.start(out, "child", Map.of(), RaceIT.args(db, folder));
            Db.await("the child holds the migration lock (or ended)", Duration.ofMinutes(2),
                    () -> Db.lockHolderPid(db) != 0 || !child.process().isAlive());
            TimeUnit.MILLISECONDS.sleep(delayMs);
            String phase = phase(db, child);
            child.kill();
            int exit = child.process().exitValue();
            if (phase.equals(AFTER)) {
                assertThat(exit).as("trial %d: a child that ended before the kill succeeded", trial).isZero();
            } else {
                assertThat(exit).as("trial %d: the child died of the SIGKILL (128 + 9), killed %s", trial, phase)
                        .isEqualTo(137);
            }
            PHASES.computeIfAbsent(phase, p -> new AtomicInteger()).incrementAndGet();
            System.out.printf("crash trial %d: seed %d, kill %d ms after the lock was taken, check interval %s,"
                    + " killed during: %s%n", trial, seed, delayMs, checkInterval ? "50ms" : "unset", phase);

            Db.awaitLockReleased(db);
            List<String> appliedBefore = appliedTags(db);
            assertNothingHalfApplied(db, appliedBefore, "after the kill (trial " + trial + ", seed " + seed + ")");
            List<String> invalidBefore = db.query("select indexrelid::regclass::text from pg_index where not"
                    + " indisvalid").stream().map(r -> (String) r.get(0)).toList();

            CliProcess.Result rerun = CliProcess.run(out, "rerun", Duration.ofMinutes(3), Map.of(),
                    RaceIT.args(db, folder));
            assertThat(rerun.exitCode()).as("rerun after trial %d (seed %d): %s", trial, seed, rerun).isZero();
            assertThat(appliedTags(db)).as("rows after the rerun").containsExactly(TX_FIRST, CIC, NONTX_TWO, TX_LAST);
            assertThat(Db.duplicatedRows(db)).isEmpty();
            assertNothingHalfApplied(db, appliedTags(db), "after the rerun");
            assertThat(Db.invalidIndexes(db)).as("INVALID indexes after the rerun").isZero();
            int pending = 4 - appliedBefore.size();
            assertThat(rerun.stdout()).as("the rerun's summary: %s", rerun)
                    .contains(pending == 0 ? "Nothing to apply" : "Applied " + pending + " migration");
            for (String invalid : invalidBefore) {
                assertThat(rerun.stderr()).as("the rerun's log names the repair of %s", invalid)
                        .contains("Dropping INVALID index " + invalid);
                REPAIRS.incrementAndGet();
            }
            PASSED.incrementAndGet();
        }
    }

    @BeforeAll
    static void enoughTrials() {
        assertThat(TRIALS).as("reliability.crash.trials: the checks across trials (kills inside the run, a repair)"
                + " need at least %d trials", MIN_TRIALS).isGreaterThanOrEqualTo(MIN_TRIALS);
    }

    /**
     * The trials proved something only if the kills landed inside the runs (not after them) and some left a cancelled
     * concurrent build behind for a rerun to repair.
     */
    @AfterAll
    static void summary() {
        int after = PHASES.getOrDefault(AFTER, new AtomicInteger()).get();
        int killed = PHASES.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("crash trials: %d of %d passed; kills by phase: %s; inside the run: %d of %d;"
                + " INVALID indexes repaired by a rerun: %d%n", PASSED.get(), TRIALS, new TreeMap<>(PHASES),
                killed - after, killed, REPAIRS.get());
        Map<String, Object> figures = new TreeMap<>(Map.of("trials", TRIALS, "trials passed", PASSED.get(),
                "seed", SEED, "kills inside the run", killed - after, "INVALID indexes a rerun repaired",
                REPAIRS.get()));
        PHASES.forEach((phase, n) -> figures.put("kills " + phase, n.get()));
        ReliabilityResults.record("CrashIT", figures);
        if (PASSED.get() == TRIALS) {
            assertThat(killed - after).as("kills that landed inside the run (%s)", new TreeMap<>(PHASES))
                    .isGreaterThanOrEqualTo((int) Math.ceil(0.8 * killed));
            assertThat(REPAIRS.get()).as("INVALID indexes a rerun repaired across the trials").isPositive();
        }
    }

    /**
     * Where in the run the kill lands, from what the child's backend is doing and which migrations have rows: before the
     * first migration (lock taken, state read), inside a transactional migration, inside a statement of a
     * non-transactional one or between two of its statements, between migrations, or after the run ended.
     */
    private static String phase(TestDatabase db, CliProcess child) {
        if (!child.process().isAlive()) {
            return AFTER;
        }
        List<List<Object>> rows = db.query("select state, query from pg_stat_activity where datname ="
                + " current_database() and application_name = 'drizzle-migrator' and backend_type = 'client backend'"
                + " and pid <> pg_backend_pid() order by (state = 'active') desc limit 1");
        if (rows.isEmpty()) {
            return "before the first migration";
        }
        String state = String.valueOf(rows.get(0).get(0));
        String query = String.valueOf(rows.get(0).get(1));
        if ("idle in transaction".equals(state) || query.contains("t_a") || query.contains("t_b")
                || query.contains("pg_sleep(0.3)")) {
            return "inside a transactional migration";
        }
        if (query.contains("CONCURRENTLY")) {
            return "active".equals(state) ? "inside a non-transactional migration's statement"
                    : "between statements of a non-transactional migration";
        }
        List<String> applied = appliedTags(db);
        if (applied.isEmpty()) {
            return "before the first migration";
        }
        return "between migrations";
    }

    private static List<String> appliedTags(TestDatabase db) {
        if (!db.relationExists("drizzle.__drizzle_migrations")) {
            return List.of();
        }
        Map<Long, String> byWhen = new TreeMap<>();
        String[] tags = {TX_FIRST, CIC, NONTX_TWO, TX_LAST};
        for (int i = 0; i < tags.length; i++) {
            byWhen.put(TestFolder.BASE_WHEN + i * 1000L, tags[i]);
        }
        return db.query("select created_at from drizzle.__drizzle_migrations order by id").stream()
                .map(r -> byWhen.getOrDefault(((Number) r.get(0)).longValue(), "unknown " + r.get(0))).toList();
    }

    /** A row exists only with all its migration's effects; a transactional migration is all or nothing. */
    private static void assertNothingHalfApplied(TestDatabase db, List<String> applied, String when) {
        boolean a1 = db.relationExists("public.t_a1");
        boolean a2 = db.relationExists("public.t_a2");
        assertThat(a1).as("%s: %s is all or nothing (t_a1 vs t_a2)", when, TX_FIRST).isEqualTo(a2);
        assertThat(a1).as("%s: %s applied iff its row exists", when, TX_FIRST).isEqualTo(applied.contains(TX_FIRST));
        if (a1) {
            assertThat(db.queryLong("select count(*) from t_a1")).as("%s: rows of t_a1", when).isEqualTo(1000);
        }
        boolean b1 = db.relationExists("public.t_b1");
        boolean b2 = db.relationExists("public.t_b2");
        assertThat(b1).as("%s: %s is all or nothing (t_b1 vs t_b2)", when, TX_LAST).isEqualTo(b2);
        assertThat(b1).as("%s: %s applied iff its row exists", when, TX_LAST).isEqualTo(applied.contains(TX_LAST));
        if (b1) {
            assertThat(db.queryLong("select count(*) from pg_attribute where attrelid = 't_b1'::regclass and"
                    + " attname = 'x'")).as("%s: t_b1.x", when).isEqualTo(1);
        }
        if (applied.contains(CIC)) {
            assertValidIndex(db, "items_slow_idx", when);
        }
        if (applied.contains(NONTX_TWO)) {
            assertValidIndex(db, "items_slow2_idx", when);
            assertValidIndex(db, "items_v_idx", when);
        }
    }

    private static void assertValidIndex(TestDatabase db, String index, String when) {
        assertThat(db.queryValue("select indisvalid from pg_index where indexrelid = to_regclass('public." + index
                + "')")).as("%s: index %s exists and is valid", when, index).isEqualTo(Boolean.TRUE);
    }
}
