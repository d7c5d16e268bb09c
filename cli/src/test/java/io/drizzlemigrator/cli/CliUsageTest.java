package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage and configuration errors: exit code 2, one {@code error:} line, nothing applied. */
@ExtendWith(PostgresExtension.class)
class CliUsageTest {

    @Test
    void withoutUrlOrDatabaseUrlItSaysToPassOneAndExitsTwo() {
        CliRun run = CliRun.run(Map.of(), "status", "--dir", Fixtures.basic().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: ").contains("--url").contains("DATABASE_URL");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionExitsTwoAndSuggestsTheRightOne() {
        CliRun run = CliRun.run("migrate", "--lock-timout", "5s");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: ").contains("--lock-timout").contains("--lock-timeout");
        assertThat(run.err().lines()).hasSize(1);
    }

    /** A script that asked for JSON reads stdout: a usage error is a JSON error document there too. */
    @ParameterizedTest
    @ValueSource(strings = {"status --json --lock-timout 5s", "migrate --json --out-of-order sometimes",
        "lint --format json --no-such-option"})
    void withJsonAUsageErrorIsAJsonErrorDocumentToo(String line) {
        CliRun run = CliRun.run(line.split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        Map<String, Object> doc = Json.object(run.out());
        assertThat(doc).containsEntry("command", line.substring(0, line.indexOf(' ')))
                .containsEntry("exitCode", (long) ExitCodes.USAGE).containsEntry("success", false);
        assertThat(Json.map(doc.get("error"))).containsEntry("type", "usage")
                .hasEntrySatisfying("message", m -> assertThat(m.toString()).contains("--help"));
        assertThat(run.err()).startsWith("error: ");
    }

    /** The core's refusal names transactionMode; the command line's user typed --transaction-mode. */
    @Test
    void aCoreRefusalNamesTheSettingAsTheFlagTheUserTyped(TestDatabase db) {
        CliRun run = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", Fixtures.basic().toString(),
                "--transaction-mode", "all-in-one");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--transaction-mode=all-in-one", "--transaction-mode=per-migration")
                .doesNotContain("transactionMode").doesNotContain("ALL_IN_ONE");
    }

    @Test
    void noCommandExitsTwo() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: ").contains("migrate, fanout, status, validate, plan or verify",
                "lint or prepare");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://root@localhost/app", "localhost:5432/app", "postgresql://host:notaport/db"})
    void aUrlThatIsNotPostgresExitsTwo(String url, TestDatabase db) {
        CliRun run = CliRun.run("status", "--url", url, "--dir", Fixtures.basic().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: ");
        assertThat(db.relationExists("drizzle.__drizzle_migrations")).isFalse();
    }

    @Test
    void aMissingFolderExitsTwoAndNamesIt(TestDatabase db, @TempDir Path temp) {
        Path missing = temp.resolve("no-such-folder");

        CliRun run = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", missing.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: ").contains("no-such-folder");
        assertThat(db.relationExists("drizzle.__drizzle_migrations")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--lock-timeout=soon", "--lock-timeout=-5", "--out-of-order=maybe", "--edited=panic",
        "--transaction-mode=none"})
    void aBadOptionValueExitsTwoNamingTheOption(String option) {
        CliRun run = CliRun.run("migrate", option, "--url", "postgresql://localhost/db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: ").contains(option.substring(0, option.indexOf('=')));
    }

    @Test
    void quietAndVerboseTogetherExitTwo() {
        CliRun run = CliRun.run("status", "-q", "-v");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--quiet and --verbose");
    }

    @Test
    void helpListsTheExitCodesAndTheCoreDefaults() {
        CliRun run = CliRun.run("migrate", "--help");

        assertThat(run.exitCode()).isZero();
        for (int code : new int[] {ExitCodes.OK, ExitCodes.MIGRATION_FAILED, ExitCodes.USAGE,
            ExitCodes.PROBLEMS_FOUND, ExitCodes.LOCK_TIMEOUT}) {
            assertThat(run.out()).containsPattern("(?m)^  " + code + " ");
        }
        assertThat(run.out()).contains("Default: " + MigratorDefaults.SCHEMA + ".")
                .contains("Default: " + MigratorDefaults.TABLE + ".")
                .contains("Default: " + MigratorDefaults.LOCK_TIMEOUT.toMinutes() + "m.")
                .contains("Default: " + MigratorDefaults.OUT_OF_ORDER.name().toLowerCase() + ".")
                .contains("Default: " + MigratorDefaults.EDITED.name().toLowerCase() + ".")
                .contains("Default: per-migration.")
                .contains("Default: drizzle/migrations.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("drizzle-migrator ");
    }
}
