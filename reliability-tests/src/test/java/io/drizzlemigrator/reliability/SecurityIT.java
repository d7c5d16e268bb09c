package io.drizzlemigrator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.health.MigrationHealth;
import io.drizzlemigrator.health.MigrationHealthTracker;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Injection through the bookkeeping table's names, passwords in every output, SQL in health details, rollback
 * files. Passwords are checked for real: a PgBouncer with md5 authentication sits in front of the trusting server.
 */
class SecurityIT {

    static final String PASSWORD = "Pa55-w0rd-Zx81q";
    static final String WRONG = "Wr0ng-Pa55-Qy77k";
    static final String SECRET_IN_SQL = "top-secret-literal-9931";

    @TempDir
    static Path tmp;
    static TestDatabase db;
    static PgBouncer bouncer;

    @BeforeAll
    static void start() {
        db = TestDatabase.create("security");
    }

    /**
     * The PgBouncer in front of the server, started by the first test that checks passwords (only those need it: a
     * machine without pgbouncer fails them, with the install command, and no other test).
     */
    static synchronized PgBouncer bouncer() {
        if (bouncer == null) {
            bouncer = PgBouncer.start(tmp.resolve("bouncer"), db.server().host(), db.server().port(), db.user(),
                    PASSWORD);
        }
        return bouncer;
    }

    @AfterAll
    static void stop() throws Exception {
        if (bouncer != null) {
            bouncer.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void schemaAndTableNamesThatCarrySqlAreRefusedBeforeAnythingRuns() {
        db.execute("create table if not exists victim (id integer)");
        Path folder = TestFolder.in(tmp.resolve("inject")).migration("0000_a", "CREATE TABLE \"a\" (\"id\" int);")
                .write();
        for (String evil : List.of("drizzle\"; DROP TABLE victim; --", "x; DROP TABLE victim", "a\".\"b",
                "drizzle\u0000", "")) {
            Throwable schema = catchThrowable(() -> DrizzleMigrator.configure()
                    .dataSource(db.jdbcUrl(), db.user(), null).location(folder.toString()).schema(evil).load()
                    .migrate());
            Throwable table = catchThrowable(() -> DrizzleMigrator.configure()
                    .dataSource(db.jdbcUrl(), db.user(), null).location(folder.toString()).table(evil).load()
                    .migrate());
            assertThat(schema).as("schema %s", evil).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("schema");
            assertThat(table).as("table %s", evil).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("table");
        }
        CliProcess.Result cli = CliProcess.run(tmp.resolve("inject-out"), "inject", Duration.ofMinutes(2), Map.of(),
                RaceIT.args(db, folder, "--table", "t\"; DROP TABLE victim; --"));
        assertThat(cli.exitCode()).as("%s", cli).isEqualTo(2);
        assertThat(db.relationExists("public.victim")).isTrue();
        assertThat(db.relationExists("public.a")).as("nothing applied").isFalse();
    }

    @Test
    void aValidMixedCaseNameIsQuotedAndKeptExactly() {
        try (TestDatabase own = TestDatabase.create("security_case")) {
            Path folder = TestFolder.in(tmp.resolve("case")).migration("0000_a", "CREATE TABLE \"a\" (\"id\" int);")
                    .write();
            DrizzleMigrator.configure().dataSource(own.jdbcUrl(), own.user(), null).location(folder.toString())
                    .schema("Audit_Log").table("Select").load().migrate();
            assertThat(own.relationExists("\"Audit_Log\".\"Select\"")).isTrue();
            assertThat(own.relationExists("audit_log.select")).isFalse();
        }
    }

    @Test
    void thePasswordNeverAppearsInTheCliOutputEvenVerboseAndOnFailures() {
        Path good = TestFolder.in(tmp.resolve("pw-good")).migration("0000_pw", "CREATE TABLE \"pw\" (\"id\" int);")
                .write();
        Path failing = TestFolder.in(tmp.resolve("pw-fail"))
                .migration("0000_pw", "CREATE TABLE \"pw\" (\"id\" int);")
                .migration("0001_boom", "SELECT 1/0;").write();
        String host = "127.0.0.1:" + bouncer().port() + "/" + db.name();
        String userinfo = db.user() + ":" + PASSWORD;
        record Run(String what, Map<String, String> env, int exit, String[] args) { }
        List<Run> runs = List.of(
                new Run("URL with password, verbose", Map.of(), 0,
                        new String[] {"migrate", "--verbose", "--url", "postgresql://" + userinfo + "@" + host,
                            "--dir", good.toString()}),
                new Run("--password, failing migration, verbose", Map.of(), 1,
                        new String[] {"migrate", "--verbose", "--url", "jdbc:postgresql://" + host, "--user", db.user(),
                            "--password", PASSWORD, "--dir", failing.toString()}),
                new Run("PGPASSWORD, failing migration, JSON", Map.of("PGPASSWORD", PASSWORD), 1,
                        new String[] {"migrate", "--verbose", "--json", "--url", "jdbc:postgresql://" + host, "--user",
                            db.user(), "--dir", failing.toString()}),
                new Run("password in a JDBC URL parameter, status", Map.of(), 0,
                        new String[] {"status", "--verbose", "--url", "jdbc:postgresql://" + host + "?user="
                            + db.user() + "&password=" + PASSWORD, "--dir", failing.toString()}));
        for (Run run : runs) {
            CliProcess.Result r = CliProcess.run(tmp.resolve("pw-out"), "pw", Duration.ofMinutes(2), run.env(),
                    run.args());
            assertThat(r.exitCode()).as("%s: %s", run.what(), r).isEqualTo(run.exit());
            assertThat(r.output()).as(run.what()).doesNotContain(PASSWORD);
        }
        for (String form : List.of("url", "option", "env")) {
            Map<String, String> env = form.equals("env") ? Map.of("PGPASSWORD", WRONG) : Map.of();
            String url = form.equals("url") ? "postgresql://" + db.user() + ":" + WRONG + "@" + host
                    : "jdbc:postgresql://" + host;
            String[] args = form.equals("option")
                    ? new String[] {"migrate", "--verbose", "--url", url, "--user", db.user(), "--password", WRONG,
                        "--dir", good.toString()}
                    : new String[] {"migrate", "--verbose", "--url", url, "--user", db.user(), "--dir", good.toString()};
            CliProcess.Result r = CliProcess.run(tmp.resolve("pw-out"), "wrong-" + form, Duration.ofMinutes(2), env,
                    args);
            assertThat(r.exitCode()).as("wrong password by %s: %s", form, r).isEqualTo(2);
            assertThat(r.stderr()).as("wrong password by %s", form).containsIgnoringCase("password")
                    .contains("127.0.0.1");
            assertThat(r.output()).as("wrong password by %s", form).doesNotContain(WRONG);
        }
    }

    @Test
    void aWrongPasswordFailsWithAConnectionErrorThatDoesNotQuoteIt() {
        Path folder = TestFolder.in(tmp.resolve("wrong")).migration("0000_w", "CREATE TABLE \"w\" (\"id\" int);")
                .write();
        DrizzleMigrator migrator = DrizzleMigrator.configure()
                .dataSource("jdbc:postgresql://127.0.0.1:" + bouncer().port() + "/" + db.name(), db.user(), WRONG)
                .location(folder.toString()).load();
        Throwable error = catchThrowable(migrator::migrate);
        assertThat(error).isInstanceOf(DatabaseConnectionException.class);
        assertThat(everything(error)).doesNotContain(WRONG);
        assertThat(migrator.configuration().toString()).doesNotContain(WRONG);
    }

    @Test
    void healthDetailsOfAFailedRunShowNeitherTheStatementNorCredentials() {
        try (TestDatabase own = TestDatabase.create("security_health")) {
            Path folder = TestFolder.in(tmp.resolve("health"))
                    .migration("0000_ok", "CREATE TABLE \"ok\" (\"id\" int);")
                    .migration("0001_boom", "SELECT '" + SECRET_IN_SQL + "' || (1/0)::text;").write();
            MigrationHealthTracker tracker = new MigrationHealthTracker(true);
            Throwable error = catchThrowable(() -> DrizzleMigrator.configure()
                    .dataSource("jdbc:postgresql://127.0.0.1:" + bouncer().port() + "/" + own.name(), own.user(),
                            PASSWORD)
                    .location(folder.toString()).listener(tracker).load().migrate());
            assertThat(error).isInstanceOf(MigrationFailedException.class);
            MigrationHealth health = tracker.current();
            assertThat(health.state()).isEqualTo(MigrationHealth.State.FAILED);
            String shown = health.details().toString() + "\n" + health;
            assertThat(shown).contains("0001_boom")
                    .doesNotContain(SECRET_IN_SQL).doesNotContainIgnoringCase("select")
                    .doesNotContain(PASSWORD);
            assertThat(everything(error)).doesNotContain(PASSWORD);
        }
    }

    @Test
    void rollbackFilesNextToMigrationsAreNeverExecuted() throws Exception {
        try (TestDatabase own = TestDatabase.create("security_rollback")) {
            Path folder = TestFolder.in(tmp.resolve("rollback"))
                    .migration("0000_create_users", "CREATE TABLE \"users\" (\"id\" int);")
                    .migration("0001_add_email", "ALTER TABLE \"users\" ADD COLUMN \"email\" text;").write();
            // would fail loudly if run, after leaving a trace and undoing the migrations
            for (String tag : List.of("0000_create_users", "0001_add_email")) {
                Files.writeString(folder.resolve(tag + "_rollback.sql"), "CREATE TABLE \"rollback_ran\" (\"f\" text);"
                        + "\n--> statement-breakpoint\nDROP TABLE \"users\";\n--> statement-breakpoint\nSELECT 1/0;");
            }
            for (String command : List.of("migrate", "status", "validate")) {
                String[] args = RaceIT.args(own, folder);
                args[0] = command;
                CliProcess.Result r = CliProcess.run(tmp.resolve("rollback-out"), command, Duration.ofMinutes(2),
                        Map.of(), args);
                assertThat(r.exitCode()).as("%s: %s", command, r).isZero();
            }
            assertThat(own.relationExists("public.rollback_ran")).isFalse();
            assertThat(own.relationExists("public.users")).isTrue();
            assertThat(Db.rows(own)).isEqualTo(2);
        }
    }

    private static String everything(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
