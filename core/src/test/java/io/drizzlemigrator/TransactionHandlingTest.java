package io.drizzlemigrator;

import static io.drizzlemigrator.testing.TestFolder.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How migrations are grouped into transactions, and what a failure leaves behind. */
@FreshDatabasePerTest
class TransactionHandlingTest {

    @TempDir
    Path dir;

    private final TestDatabase db;

    TransactionHandlingTest(TestDatabase db) {
        this.db = db;
    }

    private MigrateResult migrate(Path folder) {
        return migrator(folder).migrate();
    }

    private DrizzleMigrator migrator(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString()).load();
    }

    @Test
    void appliesConcurrentIndexOutsideTransactionAndTheIndexIsValid() {
        Path folder = TestFolder.in(dir)
                .migration("0000_users", "CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);")
                .migration("0001_users_email_idx", statements(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);",
                        "CREATE UNIQUE INDEX CONCURRENTLY users_id_email_idx ON users (id, email);"))
                .write();

        MigrateResult result = migrate(folder);

        assertThat(result.applied()).extracting(AppliedMigration::tag, AppliedMigration::transactional)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0000_users", true),
                        org.assertj.core.groups.Tuple.tuple("0001_users_email_idx", false));
        assertThat(db.queryValue("select bool_and(indisvalid) from pg_index where indexrelid in"
                + " ('users_email_idx'::regclass, 'users_id_email_idx'::regclass)")).isEqualTo(true);
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(2);
        assertThat(migrator(folder).status().migrations()).extracting(MigrationInfo::tag, MigrationInfo::transactional)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0000_users", true),
                        org.assertj.core.groups.Tuple.tuple("0001_users_email_idx", false));
    }

    @Test
    void appliesFileWithItsOwnCommitFollowedByConcurrentIndex() {
        Path folder = TestFolder.in(dir)
                .migration("0000_orders", statements(
                        "CREATE TABLE orders (id serial PRIMARY KEY, customer text);",
                        "COMMIT;",
                        "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer);"))
                .migration("0001_more", "ALTER TABLE orders ADD COLUMN total numeric;")
                .write();

        migrate(folder);

        assertThat(db.queryValue("select indisvalid from pg_index where indexrelid = 'orders_customer_idx'::regclass"))
                .isEqualTo(true);
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'orders'"
                + " and column_name = 'total'")).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(2);
    }

    @Test
    void fileEndingWithItsOwnBeginIsStillRecorded() {
        Path folder = TestFolder.in(dir)
                .migration("0000_t", statements("CREATE TABLE t (id int);", "COMMIT;", "BEGIN;"))
                .migration("0001_u", "CREATE TABLE u (id int);")
                .write();

        migrate(folder);

        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(2);
        assertThat(db.relationExists("u")).isTrue();
        assertThat(migrator(folder).migrate().appliedCount()).isZero();
    }

    @Test
    void enumValueAddedInOneMigrationIsUsableInTheNextOfTheSameRun() {
        Path folder = TestFolder.in(dir)
                .migration("0000_status", statements(
                        "CREATE TYPE task_status AS ENUM ('open', 'done');",
                        "CREATE TABLE tasks (id serial PRIMARY KEY, status task_status NOT NULL DEFAULT 'open');"))
                .migration("0001_add_paused", "ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'paused';")
                .migration("0002_use_paused", "INSERT INTO tasks (status) VALUES ('paused');")
                .write();

        MigrateResult result = migrate(folder);

        assertThat(result.appliedCount()).isEqualTo(3);
        assertThat(db.queryValue("select status::text from tasks")).isEqualTo("paused");
    }

    @Test
    void failingStatementInTheMiddleLeavesNothingOfItsMigrationAndNamesFileAndLine() {
        Path folder = TestFolder.in(dir)
                .migration("0000_ok", "CREATE TABLE kept (id int);")
                .migration("0001_broken", "CREATE TABLE first_half (id int);\n"
                        + "--> statement-breakpoint\n"
                        + "INSERT INTO first_half VALUES (1);\n"
                        + "--> statement-breakpoint\n"
                        + "-- a comment line\n"
                        + "INSERT INTO first_half\n"
                        + "  SELECT no_such_column FROM first_half;\n"
                        + "--> statement-breakpoint\n"
                        + "CREATE TABLE never (id int);")
                .write();

        assertThatThrownBy(() -> migrate(folder))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.tag()).isEqualTo("0001_broken");
                    assertThat(e.file()).isEqualTo("0001_broken.sql");
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.sqlState()).contains("42703");
                    assertThat(e.leftBehind()).contains("rolled back", "nothing recorded");
                    assertThat(e.appliedBefore()).extracting(AppliedMigration::tag).containsExactly("0000_ok");
                    assertThat(e.getMessage()).contains("0001_broken.sql:7", "no_such_column",
                            "statement 3 of 4");
                });
        assertThat(db.relationExists("kept")).isTrue();
        assertThat(db.relationExists("first_half")).isFalse();
        assertThat(db.relationExists("never")).isFalse();
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(1);
    }

    @Test
    void failureOfANonTransactionalMigrationSaysWhichStatementsRan() {
        Path folder = TestFolder.in(dir)
                .migration("0000_t", statements(
                        "CREATE TABLE t (id int);",
                        "INSERT INTO t VALUES (1), (1);",
                        "CREATE UNIQUE INDEX CONCURRENTLY t_id_key ON t (id);"))
                .write();

        assertThatThrownBy(() -> migrate(folder))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.leftBehind()).contains("statements 1-2 ran outside a transaction", "not undone");
                    assertThat(e.sqlState()).contains("23505");
                    assertThat(e.line()).isEqualTo(5);
                });
        assertThat(db.queryLong("select count(*) from t")).isEqualTo(2);
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isZero();
    }

    @Test
    void failureOfANonTransactionalMigrationSaysWhichStatementsRunAgainAndWhichAreNotIdempotent() {
        Path folder = TestFolder.in(dir)
                .migration("0000_t", statements(
                        "CREATE TABLE t (id int);",
                        "CREATE TABLE IF NOT EXISTS u (id int);",
                        "INSERT INTO t VALUES (1), (1);",
                        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_id_key ON t (id);"))
                .write();

        assertThatThrownBy(() -> migrate(folder))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.getMessage())
                        .contains("the next run runs statements 1-3 (lines 1, 3, 5) again",
                                "IF NOT EXISTS",
                                "not idempotent: statement 1 (line 1: CREATE TABLE t (id int);)",
                                "statement 3 (line 5: INSERT INTO t VALUES (1), (1);)")
                        .doesNotContain("statement 2 (line 3"));
    }

    @Test
    void allInOneModeRollsBackEverythingOnFailureLikeDrizzle() {
        Path folder = TestFolder.in(dir)
                .migration("0000_a", "CREATE TABLE a (id int);")
                .migration("0001_b", "CREATE TABLE b (id int REFERENCES missing (id));")
                .write();

        assertThatThrownBy(() -> DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .transactionMode(TransactionMode.ALL_IN_ONE).load().migrate())
                .isInstanceOfSatisfying(MigrationFailedException.class,
                        e -> assertThat(e.leftBehind()).contains("nothing of this run is applied or recorded"));
        assertThat(db.relationExists("a")).isFalse();
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isZero();
    }

    @Test
    void allInOneModeRefusesAConcurrentIndexBeforeApplyingAnything() {
        Path folder = TestFolder.in(dir)
                .migration("0000_a", "CREATE TABLE a (id int);")
                .migration("0001_idx", "\n\nCREATE INDEX CONCURRENTLY a_id_idx ON a (id);")
                .write();

        assertThatThrownBy(() -> DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .transactionMode(TransactionMode.ALL_IN_ONE).load().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("0001_idx.sql")
                .hasMessageContaining("line 3")
                .hasMessageContaining("PER_MIGRATION");
        assertThat(db.relationExists("a")).isFalse();
    }

    @Test
    void sqlStandardFunctionBodyAndDollarQuotedBodiesApply() {
        Path folder = TestFolder.in(dir)
                .migration("0000_fn", "CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql\n"
                        + "BEGIN ATOMIC SELECT i + 1; END; CREATE TABLE after_fn (id int);\n"
                        + "CREATE FUNCTION semi() RETURNS text LANGUAGE plpgsql AS $body$ BEGIN RETURN 'a;b'; END"
                        + " $body$;\nDO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN"
                        + " CREATE TYPE mood AS ENUM ('ok'); END IF; END $$;")
                .write();

        migrate(folder);

        assertThat(db.queryValue("select add_one(41)")).isEqualTo(42);
        assertThat(db.queryValue("select semi()")).isEqualTo("a;b");
        assertThat(db.relationExists("after_fn")).isTrue();
    }

    @Test
    void unterminatedDollarQuoteIsRefusedBeforeAnythingIsApplied() {
        Path folder = TestFolder.in(dir)
                .migration("0000_ok", "CREATE TABLE ok (id int);")
                .migration("0001_bad", "SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $x$ SELECT 1;")
                .write();

        assertThatThrownBy(() -> migrate(folder))
                .isInstanceOfSatisfying(MigrationSourceException.class, e -> {
                    assertThat(e.file()).contains("0001_bad.sql");
                    assertThat(e.line()).isEqualTo(2);
                });
        assertThat(db.relationExists("ok")).isFalse();
        assertThat(db.queryValue("select to_regnamespace('drizzle')::text")).as("no bookkeeping created").isNull();
        assertThatThrownBy(() -> migrator(folder).validate()).isInstanceOf(MigrationSourceException.class);
    }

    @Test
    void searchPathAndInitSqlApplyToTheMigrationSession() {
        db.execute("CREATE SCHEMA app");
        Path folder = TestFolder.in(dir)
                .migration("0000_t", "CREATE TYPE color AS ENUM ('red');\n--> statement-breakpoint\n"
                        + "CREATE TABLE things (c color, who text DEFAULT current_setting('app.who'));")
                .write();

        DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .searchPath("app").initSql("SET app.who = 'migrator'").load().migrate();

        assertThat(db.relationExists("app.things")).isTrue();
        assertThat(db.queryValue("select typnamespace::regnamespace::text from pg_type where typname = 'color'"))
                .isEqualTo("app");
    }
}
