package io.drizzlemigrator.spring.boot;

import static io.drizzlemigrator.spring.boot.TestDatabases.applicationDataSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Startup failures as a person reads them: what happened, and which setting or file to change. */
@ExtendWith(PostgresExtension.class)
class DrizzleMigrationsFailureAnalyzerTests {

    private final TestDatabase db;
    private final ApplicationContextRunner runner;

    DrizzleMigrationsFailureAnalyzerTests(TestDatabase db) {
        this.db = db;
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DrizzleMigrationsAutoConfiguration.class))
                .withPropertyValues(applicationDataSource(db));
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.reset(db);
    }

    @Test
    void aFailedMigrationNamesItsFileAndLineAndWhatStaysApplied() {
        runner.withPropertyValues("drizzle.migrations.location=classpath:broken/migrations").run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("0001_backfill_notes.sql:2").contains("42P01")
                    .contains("Left behind:").contains("they stay applied): 0000_create_notes");
            assertThat(analysis.getAction()).contains("0001_backfill_notes.sql (line 2)")
                    .contains("resumes at 0001_backfill_notes");
        });
        assertThat(db.relationExists("notes")).isTrue();
    }

    @Test
    void aLockHeldTooLongNamesItsHolderAndTheTimeoutProperty() throws Exception {
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(4242)");
            runner.withPropertyValues("drizzle.migrations.lock-key=4242", "drizzle.migrations.lock-timeout=300ms")
                    .run(context -> {
                        FailureAnalysis analysis = analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).contains("Held by:").contains("Nothing was applied");
                        assertThat(analysis.getAction()).contains("drizzle.migrations.lock-timeout")
                                .contains("pg_terminate_backend");
                    });
        }
        assertThat(db.relationExists("notes")).isFalse();
    }

    @Test
    void pendingMigrationsUnderTheValidateOnlyStrategyPointToTheMigrationJob() {
        runner.withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::validateOnly).run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Pending: 0000_create_notes, 0001_index_notes");
            assertThat(analysis.getAction()).contains("migration job");
        });
    }

    @Test
    void anUnreachableDedicatedDatabaseNamesTheConnectionProperties() {
        runner.withPropertyValues("drizzle.migrations.url=jdbc:postgresql://127.0.0.1:1/nowhere").run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("could not connect").contains("Nothing was applied");
            assertThat(analysis.getAction()).contains("drizzle.migrations.url");
        });
    }

    @Test
    void aMissingFolderNamesTheLocationProperty() {
        runner.withPropertyValues("drizzle.migrations.location=classpath:no/such/folder").run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("cannot be used").contains("Nothing was applied");
            assertThat(analysis.getAction()).contains("drizzle.migrations.location");
        });
    }

    private static FailureAnalysis analyze(Throwable failure) {
        assertThat(failure).as("startup failure").isNotNull();
        FailureAnalysis analysis = new DrizzleMigrationsFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of " + failure).isNotNull();
        return analysis;
    }
}
