package io.drizzlemigrator.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.ExitCode;
import io.drizzlemigrator.examples.demo.MigrateOnlyProcess;
import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as an init container runs it: {@code java -jar micronaut-app.jar
 * --drizzle.migrations.exit-after-migrate=true}. It migrates and exits with drizzle-migrator's code, and never starts
 * its HTTP server (the test holds the server's port: Netty would fail to bind it).
 */
@FreshDatabasePerTest
class MigrateOnlyIT {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final String DEFAULT = "--drizzle.migrations.datasources.default.";

    private final TestDatabase db;

    MigrateOnlyIT(TestDatabase db) {
        this.db = db;
    }

    @Test
    void migratesAndExitsWithZeroWithoutStartingItsServer() throws Exception {
        try (MigrateOnlyProcess run = MigrateOnlyProcess.holdingAPort()) {
            MigrateOnlyProcess.Result result = run.run(service(run.port(), db.libpqUrl()), LIMIT);

            assertThat(result.exitCode()).as(result.log()).isEqualTo(ExitCode.OK.code());
            assertThat(result.log()).containsPattern("Applied 3 migrations in \\d+ ms")
                    .contains("Migrate-only mode (drizzle.migrations.exit-after-migrate=true)")
                    .doesNotContain("Server Running");
        }
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);
    }

    @Test
    void aFailedMigrationExitsWithOneAndTheLogNamesTheFileAndLine() throws Exception {
        Path broken = MigrateOnlyProcess.brokenFolder();
        try (MigrateOnlyProcess run = MigrateOnlyProcess.holdingAPort()) {
            MigrateOnlyProcess.Result result = run.run(service(run.port(), db.libpqUrl(),
                    DEFAULT + "location=filesystem:" + broken), LIMIT);

            assertThat(result.exitCode()).as(result.log()).isEqualTo(ExitCode.MIGRATION_FAILED.code());
            assertThat(result.log()).contains(MigrateOnlyProcess.BROKEN_FILE_AND_LINE)
                    .contains("exiting with 1 (MIGRATION_FAILED)");
        }
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(1);
    }

    @Test
    void aLockHeldByAnotherRunnerExitsWithFour() throws Exception {
        try (Connection holder = db.connect(); Statement s = holder.createStatement();
                MigrateOnlyProcess run = MigrateOnlyProcess.holdingAPort()) {
            s.execute("select pg_advisory_lock(4646)");
            MigrateOnlyProcess.Result result = run.run(service(run.port(), db.libpqUrl(),
                    DEFAULT + "lock-key=4646", DEFAULT + "lock-timeout=1s"), LIMIT);

            assertThat(result.exitCode()).as(result.log()).isEqualTo(ExitCode.LOCK_TIMEOUT.code());
        }
        assertThat(db.relationExists("tasks")).isFalse();
    }

    @Test
    void withoutDatabaseUrlItRefusesTheDemoDatabaseAndExitsWithTwo() throws Exception {
        try (MigrateOnlyProcess run = MigrateOnlyProcess.holdingAPort()) {
            MigrateOnlyProcess.Result result = run.run(service(run.port(), null), LIMIT);

            assertThat(result.exitCode()).as(result.log()).isEqualTo(ExitCode.USAGE.code());
            assertThat(result.log()).contains("DATABASE_URL is not set").doesNotContain("embedded PostgreSQL");
        }
    }

    private static ProcessBuilder service(int port, String databaseUrl, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--drizzle.migrations.exit-after-migrate=true"));
        arguments.addAll(List.of(more));
        ProcessBuilder builder = MigrateOnlyProcess.javaJar(Path.of(System.getProperty("app.jar",
                "target/micronaut-app.jar")), databaseUrl, arguments);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        return builder;
    }
}
