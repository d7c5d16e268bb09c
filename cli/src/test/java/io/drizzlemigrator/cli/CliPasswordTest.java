package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passwords never appear in what the command line prints. The local server trusts 127.0.0.1, so a wrong password
 * is accepted here: the connections are made to fail another way (an unknown database, a closed port) while a
 * password is given.
 */
@ExtendWith(PostgresExtension.class)
class CliPasswordTest {

    private static final String ROLE = "cli_pw_" + ProcessHandle.current().pid();
    private static final String PASSWORD = "Sw0rdfish-" + ProcessHandle.current().pid();

    private final TestDatabase db;

    CliPasswordTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeAll
    static void createRole(TestDatabase db) {
        db.execute("DROP ROLE IF EXISTS " + ROLE, "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
    }

    @AfterAll
    static void dropRole(TestDatabase db) {
        // the role owns the tables it migrated and has grants: drop those first
        db.execute("DROP OWNED BY " + ROLE, "DROP ROLE " + ROLE);
    }

    private String url(String database) {
        return "postgresql://" + ROLE + ":" + PASSWORD + "@" + db.server().host() + ":" + db.server().port() + "/"
                + database;
    }

    private static void assertNoPassword(CliRun run) {
        assertThat(run.out()).doesNotContain(PASSWORD);
        assertThat(run.err()).doesNotContain(PASSWORD);
    }

    @Test
    void anUnknownDatabaseExitsTwoWithoutShowingThePasswordOfTheUrl() {
        for (String command : new String[] {"migrate", "status", "validate"}) {
            CliRun run = CliRun.run(command, "--url", url("no_such_database_here"), "--dir", Fixtures.basic()
                    .toString(), "--verbose");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("error: ").contains("no_such_database_here");
            assertNoPassword(run);
        }
    }

    @Test
    void aClosedPortExitsTwoWithoutShowingThePasswordOfTheOptionOrTheEnvironment() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/" + db.name();

        CliRun option = CliRun.run("migrate", "--url", url, "--user", ROLE, "--password", PASSWORD, "--json",
                "--dir", Fixtures.basic().toString());
        CliRun env = CliRun.run(Map.of("PGPASSWORD", PASSWORD, "DATABASE_URL", url), "migrate", "--user", ROLE,
                "--dir", Fixtures.basic().toString(), "-v");

        for (CliRun run : new CliRun[] {option, env}) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("error: ");
            assertNoPassword(run);
        }
        assertThat(Json.map(Json.object(option.out()).get("error"))).containsEntry("type", "database_connection");
    }

    @Test
    void aSuccessfulRunWithAPasswordDoesNotShowIt() {
        db.execute("GRANT CREATE ON DATABASE \"" + db.name() + "\" TO " + ROLE,
                "GRANT CREATE, USAGE ON SCHEMA public TO " + ROLE);

        CliRun run = CliRun.run("migrate", "--url", url(db.name()), "--dir", Fixtures.basic().toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertNoPassword(run);
        assertThat(db.queryValue("select tableowner from pg_tables where tablename = 'users'")).isEqualTo(ROLE);
    }

    @Test
    void anUnsupportedUrlIsEchoedWithoutItsPassword() {
        CliRun run = CliRun.run("status", "--url", "mysql://" + ROLE + ":" + PASSWORD + "@localhost/app");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertNoPassword(run);
    }

    @Test
    void aMisspelledPasswordOptionIsNotEchoed() {
        CliRun run = CliRun.run("status", "--pasword", PASSWORD);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--pasword");
        assertNoPassword(run);
    }
}
