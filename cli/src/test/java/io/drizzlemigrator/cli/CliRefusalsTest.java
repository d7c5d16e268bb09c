package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes of what is not a failed migration: a problem found before anything ran (3), a setting or a database
 * that refuses what the settings ask (2).
 */
class CliRefusalsTest {

    private static final String CREATE_A = "CREATE TABLE \"a\" (\"id\" serial PRIMARY KEY NOT NULL);";

    @TempDir
    Path temp;

    private TestDatabase db;
    private TestRole role;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("cli_refusals");
        role = TestRole.connectOnly(db);
    }

    @AfterEach
    void dropDatabase() {
        role.close();
        db.close();
    }

    private CliRun cli(String command, Path dir, String... more) {
        return cliAt(db.libpqUrl(), command, dir, more);
    }

    private static CliRun cliAt(String url, String command, Path dir, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = command;
        args[1] = "--url";
        args[2] = url;
        args[3] = "--dir=" + dir;
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.run(args);
    }

    private String roleUrl() {
        return role.libpqUrl();
    }

    private long drizzleSchemas() {
        return db.queryLong("select count(*) from pg_namespace where nspname = 'drizzle'");
    }

    @Test
    void aPlainIndexOnALargeTableExitsThreeAndCreatesNothing() {
        db.execute("CREATE TABLE events (id int)", "INSERT INTO events SELECT generate_series(1, 20000)",
                "ANALYZE events");
        Path dir = MigrationFolder.at(temp.resolve("idx"))
                .migration("0000_idx", 1_000, "CREATE INDEX \"events_id_idx\" ON \"events\" (\"id\");").write();

        CliRun run = cli("migrate", dir);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.err()).contains("0000_idx.sql:1", "events", "about 20000 rows", "CONCURRENTLY",
                "drizzle-migrator:ignore index-not-concurrent");
        assertThat(drizzleSchemas()).isZero();
    }

    @Test
    void aPlainIndexOnALargeTableAppliesWithItsSuppressionComment() {
        db.execute("CREATE TABLE events (id int)", "INSERT INTO events SELECT generate_series(1, 20000)",
                "ANALYZE events");
        Path dir = MigrationFolder.at(temp.resolve("idx")).migration("0000_idx", 1_000,
                "-- drizzle-migrator:ignore index-not-concurrent events is written by a nightly job only\n"
                        + "CREATE INDEX \"events_id_idx\" ON \"events\" (\"id\");").write();

        CliRun run = cli("migrate", dir);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(db.relationExists("events_id_idx")).isTrue();
    }

    @Test
    void aRoleWithoutCreateExitsTwoWithTheGrant() {
        Path dir = MigrationFolder.at(temp.resolve("a")).migration("0000_a", 1_000, CREATE_A).write();

        CliRun run = cliAt(roleUrl(), "migrate", dir);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("GRANT CREATE ON DATABASE");
    }

    @Test
    void statusWithoutUsageOnTheSchemaExitsTwoNotOne() {
        Path dir = MigrationFolder.at(temp.resolve("a")).migration("0000_a", 1_000, CREATE_A).write();
        assertThat(cli("migrate", dir).exitCode()).isZero();

        CliRun run = cliAt(roleUrl(), "status", dir);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("GRANT USAGE ON SCHEMA \"drizzle\"");
    }

    @Test
    void aReadOnlyRoleExitsTwoSayingSo() {
        db.execute("ALTER ROLE " + role.name() + " SET default_transaction_read_only = on",
                "GRANT CREATE ON DATABASE \"" + db.name() + "\" TO " + role.name());
        Path dir = MigrationFolder.at(temp.resolve("a")).migration("0000_a", 1_000, CREATE_A).write();

        CliRun run = cliAt(roleUrl(), "migrate", dir);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("read-only");
    }

    @Test
    void anInvalidSearchPathExitsTwo() {
        Path dir = MigrationFolder.at(temp.resolve("a")).migration("0000_a", 1_000, CREATE_A).write();

        CliRun run = cli("migrate", dir, "--search-path=\"unterminated");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("22023");
    }

    @Test
    void anEmptyFolderAgainstADatabaseWithHistoryExitsThree() {
        Path app = MigrationFolder.at(temp.resolve("app")).migration("0000_a", 1_000, CREATE_A).write();
        assertThat(cli("migrate", app).exitCode()).isZero();
        Path empty = MigrationFolder.at(temp.resolve("empty")).write();

        CliRun migrate = cli("migrate", empty);
        CliRun validate = cli("validate", empty);
        CliRun status = cli("status", empty);

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(migrate.err()).contains("has no migrations but the database has 1");
        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(status.out() + status.err()).contains("has no migrations but the database has 1");
    }

    @Test
    void aLockTimeoutTooLongForAnyClockExitsTwoNamingTheFlagAndTheMaximum() {
        CliRun run = CliRun.run("migrate", "--lock-timeout=99999999999h", "--url", "postgresql://localhost/db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--lock-timeout", "maximum", "2562047h");
    }

    @Test
    void anUnknownHostIsNamed() {
        Path dir = MigrationFolder.at(temp.resolve("a")).migration("0000_a", 1_000, CREATE_A).write();

        CliRun run = cliAt("postgresql://app@no-such-host.invalid:5432/app", "migrate", dir);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown host no-such-host.invalid");
    }
}
