package io.drizzlemigrator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.Journal;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import io.drizzlemigrator.internal.lock.AdvisoryLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replicas racing: many separate JVMs (the packaged CLI) start at once on one empty database. drizzle's own
 * migrator has no lock (three runners gave three rows); this one must apply every migration exactly once.
 */
class RaceIT {

    static final int PROCESSES = Integer.getInteger("reliability.race.processes", 16);
    static final int REPETITIONS = Integer.getInteger("reliability.race.repetitions", 20);
    static final int DOKPLOY_REPETITIONS = Integer.getInteger("reliability.race.dokploy.repetitions", 3);
    static final String SMALL = "vercel__ai-chatbot";
    static final String LARGE = "Dokploy__dokploy";
    static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(3);

    private static final Map<String, String> SINGLE_RUN_SCHEMA = new ConcurrentHashMap<>();
    /** The lock key every runner derives from the default bookkeeping table. */
    private static final long DEFAULT_LOCK_KEY = AdvisoryLock.deriveKey("drizzle", "__drizzle_migrations");
    private static final Pattern LOCK_WAIT = Pattern.compile("\"lockWaitMs\"\\s*:\\s*(\\d+)");
    private static final Pattern APPLIED_COUNT = Pattern.compile("\"appliedCount\"\\s*:\\s*(\\d+)");

    /** What the scenarios measured, for docs/reliability.md. */
    private static final Map<String, Integer> FIGURES = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.AfterAll
    static void recordFigures() {
        Map<String, Object> figures = new java.util.TreeMap<>(FIGURES);
        figures.put("processes per race", PROCESSES);
        figures.put("repetitions (of them on Dokploy)", REPETITIONS + " (" + DOKPLOY_REPETITIONS + ")");
        ReliabilityResults.record("RaceIT", figures);
    }

    /** Most repetitions on a small real folder, some on Dokploy (186 migrations), to fit a 2-core machine. */
    static Stream<Arguments> repetitions() {
        return IntStream.rangeClosed(1, REPETITIONS)
                .mapToObj(i -> Arguments.of(i, i > REPETITIONS - DOKPLOY_REPETITIONS ? LARGE : SMALL));
    }

    @ParameterizedTest(name = "repetition {0}: {1}")
    @MethodSource("repetitions")
    void concurrentRunnersApplyEveryMigrationExactlyOnceAndGiveTheSingleRunSchema(int repetition, String corpus)
            throws Exception {
        Path folder = Corpora.folder(corpus);
        List<Journal.Entry> journal = Journal.read(folder);
        String expectedSchema = SINGLE_RUN_SCHEMA.computeIfAbsent(corpus, c -> singleRunSchema(folder));
        try (TestDatabase db = TestDatabase.create("race_" + repetition)) {
            // The runners start together, but a JVM start takes long enough on 2 cores that the first could finish a
            // small folder before the others look. So the test holds the runners' lock until a quarter of them poll
            // for it, then lets go: they race for it, one applies, and the rest must find the work done under it.
            List<CliProcess> runners;
            try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
                s.execute("select pg_advisory_lock(" + DEFAULT_LOCK_KEY + ")");
                runners = startRunners(db, folder, "rep" + repetition);
                Db.await(PROCESSES / 4 + " runners poll for the lock", Duration.ofMinutes(2),
                        () -> lockPollers(db) >= PROCESSES / 4);
                s.execute("select pg_advisory_unlock(" + DEFAULT_LOCK_KEY + ")");
            }
            int applied = 0;
            int waited = 0;
            int applying = 0;
            for (CliProcess runner : runners) {
                CliProcess.Result r = runner.await(PROCESS_TIMEOUT);
                assertThat(r.exitCode()).as("runner %s of %s: %s", runner.pid(), corpus, r).isZero();
                int mine = number(APPLIED_COUNT, r.stdout());
                applied += mine;
                applying += mine > 0 ? 1 : 0;
                waited += number(LOCK_WAIT, r.stdout()) > 0 ? 1 : 0;
            }
            assertThat(waited).as("runners that really waited for the lock").isGreaterThanOrEqualTo(PROCESSES / 4);
            assertThat(applying).as("runners that applied anything").isEqualTo(1);
            assertThat(applied).as("migrations applied by all runners together").isEqualTo(journal.size());
            assertThat(Db.rows(db)).as("bookkeeping rows").isEqualTo(journal.size());
            assertThat(Db.duplicatedRows(db)).as("migrations with more than one row").isEmpty();
            assertThat(db.query("select created_at from drizzle.__drizzle_migrations order by id").stream()
                    .map(row -> ((Number) row.get(0)).longValue()).toList())
                    .as("rows in journal order").isEqualTo(journal.stream().map(Journal.Entry::when).toList());
            assertThat(Db.schemaDump(db)).as("schema equals a single run's").isEqualTo(expectedSchema);
            assertThat(Db.advisoryLocks(db)).as("lock released").isZero();
            System.out.printf("race repetition %d (%s, %d processes, %d migrations): passed, %d waited for the lock%n",
                    repetition, corpus, PROCESSES, journal.size(), waited);
            FIGURES.merge("repetitions passed", 1, Integer::sum);
            FIGURES.merge("fewest runners that waited in a repetition", waited, Math::min);
        }
    }

    /**
     * A slow first migration holds the lock until every other runner has connected and is polling for it: they
     * all really wait, then find nothing left to do.
     */
    @Test
    void runnersWaitForASlowMigrationAndThenFindNothingToDo() throws Exception {
        try (TestDatabase db = TestDatabase.create("race_slow")) {
            db.execute("create table gate (open boolean)");
            Path folder = TestFolder.in(tmp.resolve("slow"))
                    .migration("0000_slow", TestFolder.statements("CREATE TABLE \"slow\" (\"id\" integer)",
                            Gate.waitFor("gate", 120)))
                    .migration("0001_after", "CREATE TABLE \"after\" (\"id\" integer);")
                    .write();
            List<CliProcess> runners = startRunners(db, folder, "slow");
            // connected is not enough (a runner connects while it still reads its folder): wait until every runner
            // but the holder has found the lock taken at least once
            Db.await("all " + PROCESSES + " runners are connected and " + (PROCESSES - 1) + " have tried the lock",
                    Duration.ofMinutes(2), () -> migratorBackends(db) >= PROCESSES
                            && lockPollers(db) >= PROCESSES - 1);
            db.execute("insert into gate values (true)");
            int waited = 0;
            int applied = 0;
            for (CliProcess runner : runners) {
                CliProcess.Result r = runner.await(PROCESS_TIMEOUT);
                assertThat(r.exitCode()).as("runner %s: %s", runner.pid(), r).isZero();
                applied += number(APPLIED_COUNT, r.stdout());
                if (number(LOCK_WAIT, r.stdout()) > 0) {
                    waited++;
                }
            }
            assertThat(applied).isEqualTo(2);
            assertThat(waited).as("runners that waited for the lock").isGreaterThanOrEqualTo(PROCESSES - 1);
            assertThat(Db.rows(db)).isEqualTo(2);
            assertThat(Db.duplicatedRows(db)).isEmpty();
            System.out.printf("slow race: %d processes, %d waited, all exited 0%n", PROCESSES, waited);
            FIGURES.put("slow holder: runners that waited", waited);
        }
    }

    /** With --lock-timeout shorter than the holder's migration, the waiters give up with exit code 4. */
    @Test
    void waitersGiveUpWithExitCode4AndNameTheHolderWhenTheLockTimeoutIsShorter() throws Exception {
        try (TestDatabase db = TestDatabase.create("race_timeout")) {
            db.execute("create table gate (open boolean)");
            Path folder = TestFolder.in(tmp.resolve("timeout"))
                    .migration("0000_slow", TestFolder.statements("CREATE TABLE \"slow\" (\"id\" integer)",
                            Gate.waitFor("gate", 180)))
                    .write();
            CliProcess holder = CliProcess.start(tmp.resolve("timeout-out"), "holder", Map.of(),
                    args(db, folder, "--lock-timeout", "10m"));
            Db.await("the first runner holds the lock", Duration.ofMinutes(2), () -> Db.lockHolderPid(db) != 0);
            long holderBackend = Db.lockHolderPid(db);
            List<CliProcess> waiters = new ArrayList<>();
            for (int i = 1; i < PROCESSES; i++) {
                waiters.add(CliProcess.start(tmp.resolve("timeout-out"), "waiter" + i, Map.of(),
                        args(db, folder, "--lock-timeout", "1s")));
            }
            for (CliProcess waiter : waiters) {
                CliProcess.Result r = waiter.await(PROCESS_TIMEOUT);
                assertThat(r.exitCode()).as("waiter: %s", r).isEqualTo(4);
                assertThat(r.stderr()).as("waiter: %s", r)
                        .contains("waiting for the migration lock")
                        .contains("held by pid " + holderBackend)
                        .contains("drizzle-migrator");
            }
            db.execute("insert into gate values (true)");
            CliProcess.Result h = holder.await(PROCESS_TIMEOUT);
            assertThat(h.exitCode()).as("holder: %s", h).isZero();
            assertThat(Db.rows(db)).isEqualTo(1);
            System.out.printf("lock timeout race: %d waiters exited 4 naming pid %d%n", waiters.size(),
                    holderBackend);
            FIGURES.put("lock timeout: waiters that exited 4 naming the holder", waiters.size());
        }
    }

    static long migratorBackends(TestDatabase db) {
        return db.queryLong("select count(distinct pid) from pg_stat_activity where datname = current_database()"
                + " and application_name = 'drizzle-migrator'");
    }

    /** Runners whose last statement was a try for the migration lock (they poll it while another holds it). */
    static long lockPollers(TestDatabase db) {
        return db.queryLong("select count(distinct pid) from pg_stat_activity where datname = current_database()"
                + " and application_name = 'drizzle-migrator' and query like 'select pg_try_advisory_lock(%'");
    }

    private List<CliProcess> startRunners(TestDatabase db, Path folder, String name) {
        List<CliProcess> runners = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            runners.add(CliProcess.start(tmp.resolve(name), "runner" + i, Map.of(), args(db, folder, "--json")));
        }
        return runners;
    }

    static String[] args(TestDatabase db, Path folder, String... more) {
        List<String> a = new ArrayList<>(List.of("migrate", "--dir", folder.toString()));
        a.addAll(List.of(Db.target(db)));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private String singleRunSchema(Path folder) {
        try (TestDatabase db = TestDatabase.create("race_single")) {
            CliProcess.Result r = CliProcess.run(tmp.resolve("single"), "single", PROCESS_TIMEOUT, Map.of(),
                    args(db, folder));
            assertThat(r.exitCode()).as("single run: %s", r).isZero();
            return Db.schemaDump(db);
        }
    }

    private static int number(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        assertThat(m.find()).as("%s in %s", pattern, json).isTrue();
        return Integer.parseInt(m.group(1));
    }

}
