package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.LintMode;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.TransactionMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.ParseResult;

/** How the options become the core's configuration (parsed, not run: no database needed). */
class CommonOptionsTest {

    private static MigratorConfiguration configuration(Map<String, String> env, String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CliContext context = new CliContext(sink, sink, env, Redactor.of(args, env));
        ParseResult parsed = Main.commandLine(context).parseArgs(args);
        MigratorCommand command = (MigratorCommand) parsed.subcommand().commandSpec().userObject();
        return command.migrator().configuration();
    }

    @Test
    void withoutOptionsTheCoreDefaultsApply() {
        MigratorConfiguration c = configuration(Map.of(), "migrate", "--url", "postgresql://app@db:5432/app");

        assertThat(c.schema()).isEqualTo(MigratorDefaults.SCHEMA);
        assertThat(c.table()).isEqualTo(MigratorDefaults.TABLE);
        assertThat(c.lockTimeout()).isEqualTo(MigratorDefaults.LOCK_TIMEOUT);
        assertThat(c.outOfOrder()).isEqualTo(MigratorDefaults.OUT_OF_ORDER);
        assertThat(c.editedMigrations()).isEqualTo(MigratorDefaults.EDITED);
        assertThat(c.transactionMode()).isEqualTo(MigratorDefaults.TRANSACTION_MODE);
        assertThat(c.lintMode()).isEqualTo(MigratorDefaults.LINT_MODE);
        assertThat(c.searchPath()).isEmpty();
        assertThat(c.location()).isEqualTo("drizzle/migrations");
        assertThat(c.hasPassword()).isFalse();
    }

    @Test
    void everyOptionReachesTheConfiguration() {
        MigratorConfiguration c = configuration(Map.of(), "migrate", "--url", "jdbc:postgresql://db:5432/app",
                "--user", "deployer", "--dir", "classpath:db/drizzle", "--schema", "ops", "--table", "history",
                "--lock-timeout", "90s", "--out-of-order", "apply", "--edited", "FAIL", "--transaction-mode",
                "all-in-one", "--search-path", "app,public");

        assertThat(c.url()).contains("jdbc:postgresql://db:5432/app");
        assertThat(c.user()).contains("deployer");
        assertThat(c.location()).isEqualTo("classpath:db/drizzle");
        assertThat(c.schema()).isEqualTo("ops");
        assertThat(c.table()).isEqualTo("history");
        assertThat(c.lockTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.outOfOrder()).isEqualTo(OutOfOrderPolicy.APPLY);
        assertThat(c.editedMigrations()).isEqualTo(EditedMigrationPolicy.FAIL);
        assertThat(c.transactionMode()).isEqualTo(TransactionMode.ALL_IN_ONE);
        assertThat(c.searchPath()).contains("app,public");
    }

    @Test
    void theLongNamesOfTheShortFlagsSetTheSameSettings() {
        MigratorConfiguration c = configuration(Map.of(), "migrate", "--url", "postgresql://app@db:5432/app",
                "--location", "classpath:db/drizzle", "--edited-migrations", "fail", "--lint-mode", "off");

        assertThat(c.location()).isEqualTo("classpath:db/drizzle");
        assertThat(c.editedMigrations()).isEqualTo(EditedMigrationPolicy.FAIL);
        assertThat(c.lintMode()).isEqualTo(LintMode.OFF);
    }

    @Test
    void theUserOptionOverridesTheUserOfTheUrl() {
        MigratorConfiguration c = configuration(Map.of(), "migrate", "--url", "postgresql://app:pw@db/app",
                "--user", "deployer");

        assertThat(c.user()).contains("deployer");
    }

    @Test
    void pgpasswordIsUsedWhenNeitherTheOptionNorTheUrlGivesAPassword() {
        MigratorConfiguration c = configuration(Map.of("PGPASSWORD", "from-env"), "migrate", "--url",
                "postgresql://app@db:5432/app");

        assertThat(c.hasPassword()).isTrue();
        assertThat(c.user()).contains("app");
        assertThat(c.url()).contains("jdbc:postgresql://db:5432/app");
        assertThat(c.toString()).doesNotContain("from-env");
    }

    @Test
    void databaseUrlIsUsedWhenTheOptionIsAbsentAndTheOptionWinsOverIt() {
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://app@env-host:5432/envdb");

        assertThat(configuration(env, "migrate").url()).contains("jdbc:postgresql://env-host:5432/envdb");
        assertThat(configuration(env, "migrate", "--url", "postgres://app@cli-host/clidb").url())
                .contains("jdbc:postgresql://cli-host/clidb");
    }

    @Test
    void noUrlAnywhereIsAConfigurationErrorNamingBothWays() {
        assertThatThrownBy(() -> configuration(Map.of("PGPASSWORD", "x"), "validate"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--url")
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void everyMigrateOptionReachesTheConfiguration() {
        MigratorConfiguration c = configuration(Map.of(), "migrate", "--url", "postgresql://app@db:5432/app",
                "--init-sql", "SET ROLE ddl_owner", "--lock-key", "-42", "--lint", "fail", "--ddl-lock-timeout", "2s",
                "--ddl-lock-retries", "3", "--large-table-rows", "50000", "--repair-invalid-indexes", "false",
                "--terminate-blockers", "--progress-interval", "2s",
                "--verify-after-migrate");

        assertThat(c.initSql()).contains("SET ROLE ddl_owner");
        assertThat(c.lockKey()).hasValue(-42);
        assertThat(c.lintMode()).isEqualTo(LintMode.FAIL);
        assertThat(c.ddlLockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.ddlLockRetries()).isEqualTo(3);
        assertThat(c.largeTableRows()).isEqualTo(50_000);
        assertThat(c.repairInvalidIndexes()).isFalse();
        assertThat(c.verifyAfterMigrate()).isTrue();
        assertThat(c.terminateBlockers()).isTrue();
        assertThat(c.progressInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void terminateBlockersTakesAnExplicitValueToo() {
        assertThat(configuration(Map.of(), "migrate", "--url", "postgresql://app@db:5432/app",
                "--terminate-blockers=false").terminateBlockers()).isFalse();
    }

    @Test
    void withoutTheMigrateOptionsTheirCoreDefaultsApply() {
        MigratorConfiguration c = configuration(Map.of(), "migrate", "--url", "postgresql://app@db:5432/app");

        assertThat(c.initSql()).isEmpty();
        assertThat(c.lockKey()).isEmpty();
        assertThat(c.lintMode()).isEqualTo(MigratorDefaults.LINT_MODE);
        assertThat(c.ddlLockTimeout()).isEqualTo(MigratorDefaults.DDL_LOCK_TIMEOUT);
        assertThat(c.ddlLockRetries()).isEqualTo(MigratorDefaults.DDL_LOCK_RETRIES);
        assertThat(c.largeTableRows()).isEqualTo(MigratorDefaults.LARGE_TABLE_ROWS);
        assertThat(c.repairInvalidIndexes()).isEqualTo(MigratorDefaults.REPAIR_INVALID_INDEXES);
        assertThat(c.terminateBlockers()).isEqualTo(MigratorDefaults.TERMINATE_BLOCKERS);
        assertThat(c.progressInterval()).isEqualTo(MigratorDefaults.PROGRESS_INTERVAL);
        assertThat(c.verifyAfterMigrate()).isEqualTo(MigratorDefaults.VERIFY_AFTER_MIGRATE);
    }

    /** status and validate change nothing and take no lock: a run setting there is a usage error, not ignored. */
    @ParameterizedTest
    @CsvSource({"status,--ddl-lock-retries,3", "validate,--lock-timeout,5s", "status,--lint,fail",
        "validate,--large-table-rows,100", "status,--transaction-mode,all-in-one", "lint,--init-sql,SELECT 1",
        "status,--progress-interval,2s", "validate,--terminate-blockers,true"})
    void aFlagThatDoesNothingForACommandIsRefusedThere(String command, String flag, String value) {
        CliRun run = CliRun.run(command, flag, value, "--url", "postgresql://app@db:5432/app");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: Unknown option").contains("'" + flag + "'");
    }
}
