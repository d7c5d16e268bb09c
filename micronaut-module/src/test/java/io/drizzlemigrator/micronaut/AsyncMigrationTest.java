package io.drizzlemigrator.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthResult;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@code async=true}: the application starts while its migration runs in the background, readiness says so, and the
 * beans that need the schema wait for it.
 */
class AsyncMigrationTest {

    private static final String P = "drizzle.migrations.datasources.default.";

    @Test
    void startsWithoutWaitingAndIsReadyOnlyOnceTheBackgroundMigrationFinished() throws Exception {
        try (TestDatabase db = TestDatabase.create("mn_async")) {
            db.execute("create table gate (id int)");
            try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
                // the migration reads "gate": while this transaction locks it, the migration cannot finish
                holder.setAutoCommit(false);
                s.execute("lock table gate in access exclusive mode");
                try (ApplicationContext ctx = TestContexts.run(db, P + "async", true,
                        P + "location", "classpath:drizzle/gated",
                        P + "ddl-lock-timeout", "0s", // wait for the gate rather than time out and retry
                        "endpoints.health.details-visible", "ANONYMOUS",
                        "test.record-events", true)) {
                    // the context is up although the migration cannot have finished: startup was not blocked
                    DrizzleMigrations migrations = ctx.getBean(DrizzleMigrations.class);
                    CompletableFuture<MigrateResult> startupRun = migrations.startupRun("default");
                    await("the migration's statement waits for the gate", () -> db.queryLong(
                            "select count(*) from pg_stat_activity where datname = current_database()"
                                    + " and query like 'SELECT count(*) FROM \"gate\"%' and wait_event_type = 'Lock'")
                            == 1);
                    assertThat(db.queryLong("select count(*) from pg_locks where locktype = 'advisory' and granted"
                            + " and database = (select oid from pg_database where datname = current_database())"))
                            .as("the migration lock is held by the background run").isEqualTo(1);
                    assertThat(startupRun).isNotDone();
                    assertThat(ctx.getBean(FinishedEvents.class).received).isEmpty();

                    HealthResult migrating = drizzleReadiness(ctx);
                    assertThat(migrating.getStatus()).isEqualTo(HealthStatus.DOWN);
                    assertThat(details(migrating)).containsEntry("state", "MIGRATING")
                            .containsEntry("migration", "0000_read_the_gate");

                    holder.rollback();

                    MigrateResult result = migrations.awaitStartupRun("default");
                    assertThat(result.appliedCount()).isEqualTo(1);
                    assertThat(startupRun.get(5, TimeUnit.SECONDS)).isSameAs(result);
                    await("the finished event", () -> !ctx.getBean(FinishedEvents.class).received.isEmpty());
                    assertThat(ctx.getBean(FinishedEvents.class).received).singleElement()
                            .satisfies(e -> assertThat(e.result()).isSameAs(result));
                    HealthResult ready = drizzleReadiness(ctx);
                    assertThat(ready.getStatus()).isEqualTo(HealthStatus.UP);
                    assertThat(details(ready)).containsEntry("state", "UP");
                }
            }
        }
    }

    @Test
    void aFailedBackgroundMigrationKeepsReadinessDownAndReachesThoseWhoWait() {
        try (TestDatabase db = TestDatabase.create("mn_async_failed");
                ApplicationContext ctx = TestContexts.run(db, P + "async", true,
                        P + "location", "classpath:drizzle/failing",
                        "endpoints.health.details-visible", "ANONYMOUS")) {
            DrizzleMigrations migrations = ctx.getBean(DrizzleMigrations.class);

            assertThatThrownBy(() -> migrations.awaitStartupRun("default"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("0001_duplicate_note");
            HealthResult failed = drizzleReadiness(ctx);
            assertThat(failed.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(details(failed)).containsEntry("state", "FAILED");
        }
    }

    @Test
    void aDatasourceNotMigratedAtStartupSaysSoToThoseWhoWait() {
        try (TestDatabase db = TestDatabase.create("mn_async_disabled");
                ApplicationContext ctx = TestContexts.run(db, P + "enabled", false)) {
            assertThatThrownBy(() -> ctx.getBean(DrizzleMigrations.class).awaitStartupRun("default"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(P + "enabled is false");
        }
    }

    /**
     * The drizzle indicator's part of readiness (the whole is DOWN anyway here: a context without an HTTP server has
     * no running service).
     */
    private static HealthResult drizzleReadiness(ApplicationContext ctx) {
        HealthResult readiness = Reactive.single(ctx.getBean(HealthEndpoint.class)
                .getHealth(null, HealthCheckType.READINESS));
        return (HealthResult) ((Map<?, ?>) readiness.getDetails()).get(DrizzleHealthIndicator.NAME);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult drizzle) {
        return (Map<String, Object>) ((Map<String, Object>) drizzle.getDetails()).get("default");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
