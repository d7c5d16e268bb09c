package io.drizzlemigrator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections cut mid-migration: the migrating backend is terminated with {@code pg_terminate_backend} (found by
 * its application_name). The run fails with a clear error saying what is left behind, PostgreSQL releases the
 * migration lock, and the next run completes.
 */
class ConnectionCutIT {

    @TempDir
    Path tmp;

    @Test
    void aTerminatedTransactionalMigrationIsRolledBackAndTheNextRunAppliesIt() throws Exception {
        try (TestDatabase db = TestDatabase.create("cut_tx")) {
            db.execute("create table gate (open boolean)");
            Path folder = TestFolder.in(tmp.resolve("tx"))
                    .migration("0000_first", "CREATE TABLE \"first\" (\"id\" integer);")
                    .migration("0001_cut", TestFolder.statements("CREATE TABLE \"cut_a\" (\"id\" integer);",
                            Gate.waitFor("gate", 120), "CREATE TABLE \"cut_b\" (\"id\" integer);"))
                    .write();
            Throwable error = runAndTerminate(db, folder, "pg_sleep(0.05)");
            System.out.printf("cut connection, transactional migration: %s: %s%n", error.getClass().getSimpleName(),
                    error.getMessage());
            assertThat(error).isInstanceOf(MigrationFailedException.class);
            MigrationFailedException failed = (MigrationFailedException) error;
            assertThat(failed.tag()).isEqualTo("0001_cut");
            assertThat(failed.getMessage()).contains("0001_cut.sql:3");
            assertThat(failed.line()).as("the gate's line, where the connection was cut").isEqualTo(3);
            assertThat(failed.sqlState()).as("admin shutdown: pg_terminate_backend").contains("57P01");
            assertThat(failed.leftBehind()).as("what the run says is left behind").containsIgnoringCase("rolls back").contains("nothing recorded");
            assertThat(failed.appliedBefore()).extracting(m -> m.tag()).containsExactly("0000_first");

            Db.awaitLockReleased(db);
            assertThat(Db.rows(db)).isEqualTo(1);
            assertThat(db.relationExists("public.cut_a")).as("the cut migration's first statement").isFalse();

            db.execute("insert into gate values (true)");
            MigrateResult rerun = migrator(db, folder).migrate();
            assertThat(rerun.applied()).extracting(m -> m.tag()).containsExactly("0001_cut");
            assertThat(db.relationExists("public.cut_b")).isTrue();
        }
    }

    @Test
    void aTerminatedConcurrentIndexBuildLeavesAnInvalidIndexThatTheNextRunRepairs() throws Exception {
        try (TestDatabase db = TestDatabase.create("cut_cic")) {
            db.execute("create table items (id integer primary key, v text)",
                    "insert into items select g, md5(g::text) from generate_series(1, 3000) g",
                    "create function slow_key(text) returns text immutable language plpgsql as"
                            + " $$ begin perform pg_sleep(0.001); return $1; end $$");
            Path folder = TestFolder.in(tmp.resolve("cic"))
                    .migration("0000_first", "CREATE TABLE \"first\" (\"id\" integer);")
                    .migration("0001_index", "CREATE INDEX CONCURRENTLY \"items_slow_idx\" ON \"items\""
                            + " (slow_key(\"v\"));")
                    .write();
            Throwable error = runAndTerminate(db, folder, "CONCURRENTLY");
            System.out.printf("cut connection, concurrent index build: %s: %s%n", error.getClass().getSimpleName(),
                    error.getMessage());
            assertThat(error).isInstanceOf(MigrationFailedException.class);
            MigrationFailedException failed = (MigrationFailedException) error;
            assertThat(failed.tag()).isEqualTo("0001_index");
            assertThat(failed.getMessage()).contains("0001_index.sql:1");
            assertThat(failed.sqlState()).as("admin shutdown: pg_terminate_backend").contains("57P01");
            assertThat(failed.leftBehind()).as("what the run says is left behind").isNotBlank();

            Db.awaitLockReleased(db);
            assertThat(Db.rows(db)).isEqualTo(1);
            assertThat(Db.invalidIndexes(db)).as("the cancelled build's INVALID index").isEqualTo(1);

            MigrateResult rerun = migrator(db, folder).migrate();
            assertThat(rerun.applied()).extracting(m -> m.tag()).containsExactly("0001_index");
            assertThat(Db.invalidIndexes(db)).isZero();
            assertThat(db.queryValue("select indisvalid from pg_index where indexrelid ="
                    + " 'items_slow_idx'::regclass")).isEqualTo(Boolean.TRUE);
        }
    }

    /** Runs migrate() in the background, terminates its backend once it runs {@code marker}, returns the error. */
    private static Throwable runAndTerminate(TestDatabase db, Path folder, String marker) throws Exception {
        CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> migrator(db, folder).migrate());
        String find = "select pid from pg_stat_activity where datname = current_database() and application_name ="
                + " 'drizzle-migrator' and backend_type = 'client backend' and state = 'active' and position('"
                + marker + "' in query) > 0";
        Db.await("the migration runs " + marker, Duration.ofMinutes(2), () -> !db.query(find).isEmpty() || run.isDone());
        assertThat(run).as("the run is still going").isNotDone();
        assertThat(db.queryValue("select bool_and(pg_terminate_backend(pid)) from (" + find + ") p"))
                .isEqualTo(Boolean.TRUE);
        try {
            run.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DrizzleMigratorException.class);
            return e.getCause();
        }
        throw new AssertionError("the run succeeded although its backend was terminated");
    }

    private static DrizzleMigrator migrator(TestDatabase db, Path folder) {
        return DrizzleMigrator.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .location(folder.toString()).load();
    }

}
