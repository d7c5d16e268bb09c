package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says, and with which exit code, when the folder and the database disagree or a run fails. */
@FreshDatabasePerTest
class CliProblemsTest {

    private static final String CREATE_A = "CREATE TABLE \"a\" (\"id\" serial PRIMARY KEY NOT NULL);";
    private static final String CREATE_B = "CREATE TABLE \"b\" (\"id\" serial PRIMARY KEY NOT NULL);";
    private static final String CREATE_C = "CREATE TABLE \"c\" (\"id\" serial PRIMARY KEY NOT NULL);";

    @TempDir
    Path temp;

    private final TestDatabase db;

    CliProblemsTest(TestDatabase db) {
        this.db = db;
    }

    private CliRun cli(String command, Path dir, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = command;
        args[1] = "--url";
        args[2] = db.libpqUrl();
        args[3] = "--dir=" + dir;
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.run(args);
    }

    /**
     * Applies 0000 and 0002, then returns a folder where a branch merged late added 0001: older than the newest
     * applied migration, so out of order.
     */
    private Path mergedLate() {
        MigrationFolder.at(temp.resolve("main")).migration("0000_create_a", 1_000, CREATE_A)
                .migration("0002_create_c", 3_000, CREATE_C).write();
        assertThat(cli("migrate", temp.resolve("main")).exitCode()).isZero();
        return MigrationFolder.at(temp.resolve("merged")).migration("0000_create_a", 1_000, CREATE_A)
                .migration("0001_create_b", 2_000, CREATE_B).migration("0002_create_c", 3_000, CREATE_C).write();
    }

    @Test
    void aFailingMigrationExitsOneAndNamesTheFileAndLine() throws Exception {
        String broken = CREATE_B + "\n--> statement-breakpoint\nALTER TABLE \"b\" ADD COLUMN \"x\" no_such_type;";
        Path dir = MigrationFolder.at(temp.resolve("failing"))
                .migration("0000_create_a", 1_000, CREATE_A)
                .migration("0001_broken", 2_000, broken)
                .write();
        List<String> lines = Files.readAllLines(dir.resolve("0001_broken.sql"), StandardCharsets.UTF_8);
        int failingLine = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith("ALTER")).findFirst().orElseThrow());

        CliRun run = cli("migrate", dir);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(run.err()).startsWith("error: ").contains("0001_broken.sql").contains(":" + failingLine);
        assertThat(run.err().lines()).as("one error line without --verbose").hasSize(1);
        assertThat(run.out()).containsPattern("Applied 0000_create_a in \\d+ ms");
        assertThat(db.relationExists("a")).isTrue();

        CliRun json = cli("migrate", dir, "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        Map<String, Object> error = Json.map(Json.object(json.out()).get("error"));
        assertThat(error).containsEntry("type", "migration_failed").containsEntry("tag", "0001_broken")
                .containsEntry("line", (long) failingLine).containsEntry("sqlState", "42704");
    }

    @Test
    void allInOneTransactionModeRollsBackEveryMigrationOfTheRunWhenOneFails() {
        Path dir = MigrationFolder.at(temp.resolve("all-in-one"))
                .migration("0000_create_a", 1_000, CREATE_A)
                .migration("0001_broken", 2_000, "ALTER TABLE \"a\" ADD COLUMN \"x\" no_such_type;")
                .write();

        CliRun run = cli("migrate", dir, "--transaction-mode", "all-in-one");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(run.err()).contains("0001_broken.sql");
        assertThat(db.relationExists("a")).as("0000 rolled back with 0001").isFalse();
    }

    @Test
    void anOutOfOrderEntryMakesStatusAndMigrateExitThreeUntilAppliedOnPurpose() {
        Path merged = mergedLate();

        CliRun status = cli("status", merged);
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(status.out()).containsPattern("(?m)^  0001_create_b +out of order ").contains("Problems:")
                .contains("--out-of-order=apply");

        CliRun statusJson = cli("status", merged, "--json");
        assertThat(statusJson.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        Map<String, Object> doc = Json.object(statusJson.out());
        assertThat(Json.map(doc.get("counts"))).containsEntry("outOfOrder", 1L);
        assertThat(Json.list(doc.get("problems"))).singleElement()
                .satisfies(p -> assertThat(Json.map(p)).containsEntry("kind", "out_of_order")
                        .containsEntry("tag", "0001_create_b").containsEntry("blocking", true));

        CliRun refused = cli("migrate", merged);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(refused.err()).startsWith("error: ").contains("0001_create_b");
        assertThat(db.relationExists("b")).isFalse();

        CliRun applied = cli("migrate", merged, "--out-of-order=APPLY");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(db.relationExists("b")).isTrue();
        assertThat(cli("status", merged).exitCode()).isZero();
    }

    @Test
    void statusExitsThreeForAnOutOfOrderEntryOnlyWhileTheOutOfOrderOptionIsFail() {
        Path merged = mergedLate();

        CliRun byDefault = cli("status", merged);
        assertThat(byDefault.exitCode()).as(byDefault.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);

        CliRun apply = cli("status", merged, "--out-of-order=apply");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.OK);
        assertThat(apply.out()).containsPattern("(?m)^  0001_create_b +out of order ")
                .contains("(warning) 0001_create_b").contains("The next migrate applies it (--out-of-order=apply)");

        CliRun ignore = cli("status", merged, "--out-of-order=ignore", "--json");
        assertThat(ignore.exitCode()).as(ignore.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Json.list(Json.object(ignore.out()).get("problems"))).singleElement()
                .satisfies(p -> assertThat(Json.map(p)).containsEntry("kind", "out_of_order")
                        .containsEntry("severity", "warning").containsEntry("blocking", false));
        assertThat(db.relationExists("b")).as("status changes nothing").isFalse();
    }

    @Test
    void anEditedFileIsAWarningForStatusAndAProblemWithEditedFail() throws Exception {
        Path dir = MigrationFolder.at(temp.resolve("edited")).migration("0000_create_a", 1_000, CREATE_A).write();
        assertThat(cli("migrate", dir).exitCode()).isZero();
        Files.writeString(dir.resolve("0000_create_a.sql"), CREATE_A + "\n-- reworded after release\n");

        CliRun warn = cli("status", dir);
        assertThat(warn.exitCode()).as(warn.toString()).isZero();
        assertThat(warn.out()).containsPattern("(?m)^  0000_create_a +edited ").contains("(warning)");

        CliRun fail = cli("status", dir, "--edited", "fail");
        assertThat(fail.exitCode()).as(fail.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);

        CliRun validate = cli("validate", dir, "--edited=fail");
        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
    }

    /** One counting rule (core's StatusView): after a run, migrate counts as status does, each migration once. */
    @Test
    void migrateAndStatusCountAnEditedMigrationAlike() throws Exception {
        Path dir = MigrationFolder.at(temp.resolve("counted")).migration("0000_create_a", 1_000, CREATE_A).write();
        assertThat(cli("migrate", dir).exitCode()).isZero();
        MigrationFolder.at(dir).migration("0000_create_a", 1_000, CREATE_A + "\n-- reworded after release\n")
                .migration("0001_create_b", 2_000, CREATE_B).write();

        CliRun migrate = cli("migrate", dir);
        CliRun status = cli("status", dir);

        String counts = "2 migrations: 1 applied, 0 pending, 1 edited.";
        assertThat(migrate.out()).as(migrate.toString()).contains("Applied 1 migration in ").contains(counts);
        assertThat(status.out()).as(status.toString()).contains(counts);
    }

    /** A run that ignores an out-of-order migration says so, not that everything is applied or up to date. */
    @Test
    void aRunWithNothingToApplySaysWhatIsLeftOutOfOrder() {
        Path merged = mergedLate();

        CliRun ignore = cli("migrate", merged, "--out-of-order=ignore");

        assertThat(ignore.exitCode()).as(ignore.toString()).isZero();
        assertThat(ignore.out()).startsWith("Nothing to apply (")
                .contains("3 migrations: 2 applied, 0 pending, 1 out of order.").doesNotContain("Up to date");
    }

    /** validate and status apply nothing ever: their errors do not end with "nothing was applied". */
    @Test
    void aReadOnlyCommandNeverSaysNothingWasApplied() {
        String unreachable = "postgresql://postgres@127.0.0.1:1/db";
        String dir = Fixtures.basic().toString();

        CliRun validate = CliRun.run("validate", "--url", unreachable, "--dir", dir);
        CliRun validateJson = CliRun.run("validate", "--url", unreachable, "--dir", dir, "--json");
        CliRun migrate = CliRun.run("migrate", "--url", unreachable, "--dir", dir);

        assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(validate.err()).as(validate.toString()).startsWith("error: ")
                .doesNotContainIgnoringCase("nothing was applied");
        assertThat(Json.map(Json.object(validateJson.out()).get("error")).get("message").toString())
                .doesNotContainIgnoringCase("nothing was applied");
        assertThat(migrate.err()).as(migrate.toString()).containsIgnoringCase("nothing was applied");
    }

    /** --dir naming a file says so, instead of "does not exist". */
    @Test
    void aFileGivenAsTheFolderIsSaidToBeAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("journal.txt"), "not a folder");

        CliRun status = cli("status", file);

        assertThat(status.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).contains(file.toString(), "is a file, not a folder").doesNotContain("does not exist");
    }

    @Test
    void waitingLongerThanTheLockTimeoutExitsFour() throws Exception {
        // the holder's migration waits on an advisory lock the test holds: it keeps the run's lock until released
        Path slow = MigrationFolder.at(temp.resolve("slow"))
                .migration("0000_slow", 1_000, "select pg_advisory_xact_lock(" + GATE + ");").write();
        CliRun waiter;
        CompletableFuture<CliRun> holder;
        try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
            s.execute("select pg_advisory_lock(" + GATE + ")");
            holder = CompletableFuture.supplyAsync(() -> cli("migrate", slow, "--ddl-lock-timeout", "60s"));
            awaitHolderAtTheGate(holder);

            waiter = cli("migrate", slow, "--lock-timeout", "1s", "--json");

            assertThat(holder).as("the holder still runs while the waiter gives up").isNotDone();
            s.execute("select pg_advisory_unlock(" + GATE + ")");
        }

        assertThat(waiter.exitCode()).as(waiter.toString()).isEqualTo(ExitCodes.LOCK_TIMEOUT);
        assertThat(waiter.err()).startsWith("error: ");
        Map<String, Object> error = Json.map(Json.object(waiter.out()).get("error"));
        assertThat(error).containsEntry("type", "lock_timeout");
        assertThat((Long) error.get("waitedMs")).isGreaterThanOrEqualTo(1000L);
        CliRun first = holder.get(30, TimeUnit.SECONDS);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(1);
    }

    private static final long GATE = 734_251;

    /**
     * Polls pg_locks until the first migrate holds the run's lock and waits at the test's gate inside its migration
     * (or the first run ended).
     */
    private void awaitHolderAtTheGate(CompletableFuture<CliRun> holder) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (holder.isDone()) {
                throw new AssertionError("The first migrate ended before it was seen at the gate: " + holder.join());
            }
            long waiting = db.queryLong("select count(*) from pg_locks l join pg_database d on d.oid = l.database "
                    + "where l.locktype = 'advisory' and not l.granted and l.objid = " + GATE
                    + " and d.datname = current_database()");
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The first migrate did not reach the gate within 20 s");
    }
}
