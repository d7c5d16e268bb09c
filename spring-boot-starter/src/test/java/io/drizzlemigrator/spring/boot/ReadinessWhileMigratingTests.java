package io.drizzlemigrator.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A service that leaves its migrations to a Job (startup migration skipped) is not ready while that Job's slow
 * migration holds the lock, and becomes ready when the Job is done: readiness is OUT_OF_SERVICE during the migration,
 * proven to be running (its backend waits at a gate the test opens), and UP after.
 */
@ExtendWith(PostgresExtension.class)
class ReadinessWhileMigratingTests {

    private static final long GATE = 734_252;

    @TempDir
    Path dir;

    private final TestDatabase db;

    ReadinessWhileMigratingTests(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.reset(db);
    }

    @Test
    void readinessIsOutOfServiceWhileASlowMigrationHoldsTheLockAndUpAfterIt() throws Exception {
        Path folder = TestFolder.in(dir)
                .migration("0000_notes", "CREATE TABLE notes (id int);")
                .migration("0001_slow", TestFolder.statements("CREATE TABLE slow (id int);",
                        "select pg_advisory_xact_lock(" + GATE + ");"))
                .write();
        ApplicationContextRunner runner = DrizzleHealthTests.healthRunner(db)
                .withPropertyValues("drizzle.migrations.location=filesystem:" + folder)
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::skip)
                .withUserConfiguration(DrizzleHealthTests.ImmediateRecheck.class);

        runner.run(context -> {
            assertThat(context).hasNotFailed();
            // the application itself is ready (a context runner has no SpringApplication to say so): only the
            // migration can keep readiness out of service
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            assertThat(health.healthForPath("readiness", "readinessState").getStatus()).isEqualTo(Status.UP);
            CompletableFuture<MigrateResult> job;
            try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
                s.execute("select pg_advisory_lock(" + GATE + ")");
                job = CompletableFuture.supplyAsync(() -> DrizzleMigrator.configure().dataSource(db.dataSource())
                        .location(folder.toString()).ddlLockTimeout(Duration.ofMinutes(1)).load().migrate());
                awaitAtTheGate(job);

                HealthDescriptor readiness = health.healthForPath("readiness");
                assertThat(readiness.getStatus()).as("readiness while the Job migrates").isEqualTo(Status.OUT_OF_SERVICE);
                IndicatedHealthDescriptor drizzle = (IndicatedHealthDescriptor) health.healthForPath("drizzle");
                assertThat(drizzle.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                assertThat(drizzle.getDetails()).containsEntry("pending", 1);
                assertThat(job).as("the Job still migrates while readiness is read").isNotDone();
                s.execute("select pg_advisory_unlock(" + GATE + ")");
            }
            assertThat(job.get(1, TimeUnit.MINUTES).appliedCount()).isEqualTo(2);

            assertThat(health.healthForPath("readiness").getStatus()).as("readiness after the Job")
                    .isEqualTo(Status.UP);
            assertThat(((IndicatedHealthDescriptor) health.healthForPath("drizzle")).getDetails())
                    .containsEntry("pending", 0);
        });
    }

    /** Until the Job's backend waits at the test's gate inside its second migration (its first is committed). */
    private void awaitAtTheGate(CompletableFuture<?> job) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.queryLong("select count(*) from pg_locks where locktype = 'advisory' and not granted and objid = "
                + GATE) == 0) {
            assertThat(job).as("the Job ended before it reached the gate").isNotDone();
            assertThat(System.nanoTime()).as("the Job reaches the gate in time").isLessThan(deadline);
            LockSupport.parkNanos(10_000_000L);
        }
    }
}
