package io.drizzlemigrator;

import static io.drizzlemigrator.testing.TestFolder.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.LogCapture;
import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The zero-downtime guards of a run: DDL lock timeout with retries, invalid-index repair, the large-table rule. */
@FreshDatabasePerTest
class RuntimeGuardsTest {

    @TempDir
    Path dir;

    private final TestDatabase db;

    RuntimeGuardsTest(TestDatabase db) {
        this.db = db;
    }

    private MigratorConfiguration.Builder configure(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString());
    }

    @Test
    void ddlGivesUpOnItsLockAfterTheConfiguredRetriesInsteadOfQueueingTheApplication() throws Exception {
        db.execute("CREATE TABLE busy (id int)");
        Path folder = TestFolder.in(dir).migration("0000_alter", "ALTER TABLE busy ADD COLUMN note text;").write();
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE busy IN ACCESS SHARE MODE");

            assertThatThrownBy(() -> configure(folder).ddlLockTimeout(Duration.ofMillis(100)).ddlLockRetries(1)
                    .load().migrate())
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                        assertThat(e.sqlState()).contains("55P03");
                        assertThat(e.leftBehind()).contains("rolled back");
                        assertThat(e.line()).isEqualTo(1);
                    });
            blocker.rollback();
        }
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'busy'"
                + " and column_name = 'note'")).isZero();
    }

    @Test
    void ddlRetriedAfterLockTimeoutSucceedsOnceTheBlockerIsGone() throws Exception {
        db.execute("CREATE TABLE busy (id int)");
        Path folder = TestFolder.in(dir).migration("0000_alter", "ALTER TABLE busy ADD COLUMN note text;").write();
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE busy IN ACCESS SHARE MODE");
            CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> configure(folder)
                    .ddlLockTimeout(Duration.ofMillis(300)).ddlLockRetries(10).load().migrate());
            // the migration queues for its lock, then gives up (lock_timeout) and backs off before retrying
            awaitWaiting(run, true);
            awaitWaiting(run, false);
            blocker.rollback();

            assertThat(run.get(1, TimeUnit.MINUTES).appliedCount()).isEqualTo(1);
        }
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'busy'"
                + " and column_name = 'note'")).isEqualTo(1);
    }

    /** Polls (bounded) until a lock request on table busy is (or is no longer) waiting. */
    private void awaitWaiting(CompletableFuture<?> run, boolean waiting) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((db.queryLong("select count(*) from pg_locks where relation = 'busy'::regclass and not granted") > 0)
                != waiting) {
            assertThat(System.nanoTime()).as("lock request waiting=%s in time", waiting).isLessThan(deadline);
            assertThat(run).isNotDone();
            LockSupport.parkNanos(10_000_000L);
        }
    }

    @Test
    void failedConcurrentBuildIsReportedByNameAndRepairedOnTheNextRun() throws Exception {
        db.execute("CREATE TABLE accounts (email text)", "INSERT INTO accounts VALUES ('a@x'), ('a@x')");
        Path folder = TestFolder.in(dir).migration("0000_unique_email",
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_key ON accounts (email);").write();

        assertThatThrownBy(() -> configure(folder).load().migrate())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.sqlState()).contains("23505");
                    assertThat(e.leftBehind()).contains("INVALID index accounts_email_key", "drops and rebuilds");
                });
        assertThat(db.queryValue("select indisvalid from pg_index where indexrelid = 'accounts_email_key'::regclass"))
                .isEqualTo(false);

        db.execute("DELETE FROM accounts WHERE ctid = (SELECT max(ctid) FROM accounts)");
        MigrateResult result = configure(folder).load().migrate();

        assertThat(result.appliedCount()).isEqualTo(1);
        assertThat(db.queryValue("select indisvalid from pg_index where indexrelid = 'accounts_email_key'::regclass"))
                .isEqualTo(true);
    }

    @Test
    void invalidIndexIsKeptWhenRepairIsTurnedOffAndIfNotExistsThenSkipsTheBuild() throws Exception {
        db.execute("CREATE TABLE accounts (email text)", "INSERT INTO accounts VALUES ('a@x'), ('a@x')");
        Path folder = TestFolder.in(dir).migration("0000_unique_email",
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_key ON accounts (email);").write();
        assertThatThrownBy(() -> configure(folder).repairInvalidIndexes(false).load().migrate())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("DROP INDEX CONCURRENTLY");
        db.execute("DELETE FROM accounts WHERE ctid = (SELECT max(ctid) FROM accounts)");

        configure(folder).repairInvalidIndexes(false).load().migrate();

        assertThat(db.queryValue("select indisvalid from pg_index where indexrelid = 'accounts_email_key'::regclass"))
                .as("PostgreSQL's IF NOT EXISTS keeps the invalid index").isEqualTo(false);
    }

    @Test
    void plainIndexOnALargeExistingTableIsRefusedBeforeAnythingRuns() throws Exception {
        db.execute("CREATE TABLE events (id int, kind text)",
                "INSERT INTO events SELECT g, 'k' || (g % 10) FROM generate_series(1, 20000) g", "ANALYZE events");
        Path folder = TestFolder.in(dir)
                .migration("0000_other", "CREATE TABLE other (id int);")
                .migration("0001_idx", "\nCREATE INDEX events_kind_idx ON events (kind);")
                .write();

        assertThatThrownBy(() -> configure(folder).load().migrate())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).contains("0001_idx.sql:2", "CONCURRENTLY", "largeTableRows", "events",
                            "about 20000 rows", "-- drizzle-migrator:ignore index-not-concurrent <reason>");
                    assertThat(e.setting()).contains(Setting.LARGE_TABLE_ROWS);
                });
        assertThat(db.relationExists("other")).isFalse();
        assertThat(db.queryLong("select count(*) from pg_namespace where nspname = 'drizzle'"))
                .as("a refused run creates no bookkeeping schema").isZero();

        Files.writeString(folder.resolve("0001_idx.sql"),
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS events_kind_idx ON events (kind);");
        assertThat(configure(folder).load().migrate().appliedCount()).isEqualTo(2);
        assertThat(configure(dir).largeTableRows(0).load().configuration().largeTableRows()).isZero();
    }

    @Test
    void plainIndexOnANeverAnalysedLargeTableIsRefusedToo() {
        db.execute("CREATE TABLE \"Big Events\" (id int)",
                "INSERT INTO \"Big Events\" SELECT generate_series(1, 20000)");
        Path folder = TestFolder.in(dir).migration("0000_idx", statements(
                "CREATE TABLE other (id int);",
                "CREATE INDEX other_id_idx ON other (id);",
                "CREATE INDEX big_id_idx ON \"Big Events\" (id);")).write();

        assertThatThrownBy(() -> configure(folder).load().migrate())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).contains("0000_idx.sql:5", "\"Big Events\"", "largeTableRows");
                });
        assertThat(db.relationExists("other")).isFalse();
    }

    @Test
    void aSuppressionCommentWithAReasonLiftsTheLargeTableGuardAndTheReasonIsLogged() {
        db.execute("CREATE TABLE events (id int, kind text)",
                "INSERT INTO events SELECT g, 'k' || (g % 10) FROM generate_series(1, 20000) g", "ANALYZE events");
        Path folder = TestFolder.in(dir).migration("0000_idx", statements(
                "CREATE TABLE other (id int);",
                "-- drizzle-migrator:ignore index-not-concurrent built in the nightly maintenance window\n"
                        + "CREATE INDEX events_kind_idx ON events (kind);")).write();

        String log = LogCapture.during(() -> assertThat(configure(folder).load().migrate().appliedCount())
                .isEqualTo(1));

        assertThat(db.relationExists("events_kind_idx")).isTrue();
        assertThat(log).contains("0000_idx.sql:4", "events", "built in the nightly maintenance window");
    }

    @Test
    void aSuppressionCommentAtTheEndOfTheStatementLiftsTheGuardAsTheLinterReadsIt() {
        db.execute("CREATE TABLE events (id int)", "INSERT INTO events SELECT generate_series(1, 20000)",
                "ANALYZE events");
        Path folder = TestFolder.in(dir).migration("0000_idx", statements(
                "CREATE INDEX events_id_idx ON events (id); -- drizzle-migrator:ignore index-not-concurrent tiny rows",
                "CREATE TABLE other (id int);")).write();

        String log = LogCapture.during(() -> assertThat(configure(folder).load().migrate().appliedCount())
                .isEqualTo(1));

        assertThat(log).contains("0000_idx.sql:1", "tiny rows");
    }

    @Test
    void aSuppressionCommentWithoutAReasonDoesNotLiftTheGuard() {
        db.execute("CREATE TABLE events (id int)", "INSERT INTO events SELECT generate_series(1, 20000)",
                "ANALYZE events");
        Path folder = TestFolder.in(dir).migration("0000_idx",
                "-- drizzle-migrator:ignore index-not-concurrent\nCREATE INDEX events_id_idx ON events (id);").write();

        assertThatThrownBy(() -> configure(folder).load().migrate()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("0000_idx.sql:2");
    }

    /**
     * The threshold itself is allowed and one row more is refused, whether the size comes from the planner's estimate
     * (analysed: reltuples is exact right after ANALYZE of a small table) or from the bounded count of a table never
     * analysed.
     */
    @ParameterizedTest(name = "{0} rows, analysed={1}: refused={2}")
    @CsvSource({"10000, true, false", "10001, true, true", "10000, false, false", "10001, false, true"})
    void theLargeTableRuleRefusesExactlyAboveItsThreshold(int rowCount, boolean analysed, boolean refused) {
        // autovacuum off, so that it cannot analyse the table under the test
        db.execute("CREATE TABLE events (id int) WITH (autovacuum_enabled = false)",
                "INSERT INTO events SELECT generate_series(1, " + rowCount + ")");
        if (analysed) {
            db.execute("ANALYZE events");
        }
        assertThat(db.queryLong("select reltuples::bigint from pg_class where oid = 'events'::regclass"))
                .as("the size the guard reads").isEqualTo(analysed ? rowCount : -1);
        Path folder = TestFolder.in(dir).migration("0000_idx", "CREATE INDEX events_id_idx ON events (id);").write();

        if (refused) {
            assertThatThrownBy(() -> configure(folder).load().migrate())
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("about " + rowCount + " rows");
            assertThat(db.relationExists("events_id_idx")).isFalse();
        } else {
            assertThat(configure(folder).load().configuration().largeTableRows()).isEqualTo(10_000);
            assertThat(configure(folder).load().migrate().appliedCount()).isEqualTo(1);
            assertThat(db.relationExists("events_id_idx")).isTrue();
        }
    }

    @Test
    void smallOrNewTablesMayBeIndexedPlainly() {
        db.execute("CREATE TABLE small (id int)", "INSERT INTO small SELECT generate_series(1, 100)");
        Path folder = TestFolder.in(dir).migration("0000_idx", statements(
                "CREATE INDEX small_id_idx ON small (id);",
                "CREATE TABLE fresh (id int);",
                "CREATE INDEX fresh_id_idx ON fresh (id);")).write();

        assertThat(configure(folder).load().migrate().appliedCount()).isEqualTo(1);
    }
}
