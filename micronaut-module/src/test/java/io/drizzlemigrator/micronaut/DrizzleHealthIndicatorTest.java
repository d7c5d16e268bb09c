package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthResult;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DrizzleHealthIndicatorTest {

    @Test
    void isUpWithTheAppliedMigrationsOnceTheStartupRunFinished() {
        try (TestDatabase db = TestDatabase.create("mn_health_up");
                ApplicationContext ctx = TestContexts.run(db, "drizzle.migrations.datasources.default.enabled", true)) {
            HealthResult result = Reactive.single(ctx.getBean(DrizzleHealthIndicator.class).getResult());

            assertThat(result.getName()).isEqualTo("drizzle");
            assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(details(result, "default")).containsEntry("state", "UP")
                    .containsEntry("applied", journalEntries())
                    .containsEntry("pending", 0)
                    .containsEntry("lastApplied", "0002_add_task_owner");
        }
    }

    @Test
    void staysDownWhileMigrationsArePendingAndTurnsUpWhenAnotherProcessAppliesThem() {
        try (TestDatabase db = TestDatabase.create("mn_health_pending");
                ApplicationContext ctx = TestContexts.run(db,
                        "drizzle.migrations.datasources.default.enabled", false,
                        DrizzleHealthIndicator.RECHECK_INTERVAL_PROPERTY, "0s")) {
            DrizzleHealthIndicator indicator = ctx.getBean(DrizzleHealthIndicator.class);
            HealthResult pending = indicator.check();
            assertThat(pending.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(details(pending, "default")).containsEntry("state", "PENDING")
                    .containsEntry("pending", journalEntries());

            try (ApplicationContext deployJob = TestContexts.run(db,
                    "drizzle.migrations.datasources.default.enabled", true)) {
                assertThat(deployJob.getBean(DrizzleMigrations.class).health("default").isReady()).isTrue();
            }

            HealthResult up = indicator.check();
            assertThat(up.getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(details(up, "default")).containsEntry("state", "UP");
        }
    }

    @Test
    void takesAServiceOutOfReadinessButNotLivenessDuringALongMigration() throws Exception {
        try (TestDatabase db = TestDatabase.create("mn_health_long");
                ApplicationContext ctx = TestContexts.run(db,
                        "drizzle.migrations.datasources.default.enabled", false,
                        "drizzle.migrations.datasources.default.location", "classpath:drizzle/gated",
                        "endpoints.health.details-visible", "ANONYMOUS",
                        "test.record-events", true)) {
            db.execute("create table gate (id int)");
            DrizzleMigrations migrations = ctx.getBean(DrizzleMigrations.class);
            DrizzleHealthIndicator indicator = ctx.getBean(DrizzleHealthIndicator.class);
            HealthEndpoint health = ctx.getBean(HealthEndpoint.class);
            CompletableFuture<?> run;
            try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
                holder.setAutoCommit(false);
                s.execute("lock table gate in access exclusive mode");
                run = CompletableFuture.runAsync(() -> migrations.migrate("default"));

                // listeners hear an event in order: the tracker before this test bean
                assertThat(ctx.getBean(RecordingListener.class).firstStarted.get(30, TimeUnit.SECONDS))
                        .isEqualTo("0000_read_the_gate");
                HealthResult migrating = indicator.check();
                assertThat(migrating.getStatus()).isEqualTo(HealthStatus.DOWN);
                assertThat(details(migrating, "default")).containsEntry("state", "MIGRATING")
                        .containsEntry("migration", "0000_read_the_gate");
                HealthResult readiness = Reactive.single(health.getHealth(null, HealthCheckType.READINESS));
                HealthResult liveness = Reactive.single(health.getHealth(null, HealthCheckType.LIVENESS));
                assertThat(readiness.getStatus()).isEqualTo(HealthStatus.DOWN);
                assertThat(readiness.getDetails()).asInstanceOf(MAP).containsKey("drizzle");
                assertThat(liveness.getStatus()).isEqualTo(HealthStatus.UP);
                Map<?, ?> livenessDetails = liveness.getDetails() == null ? Map.of() : (Map<?, ?>) liveness.getDetails();
                assertThat(livenessDetails.containsKey("drizzle")).as("%s", livenessDetails).isFalse();
                holder.rollback();
            }
            run.get(30, TimeUnit.SECONDS);
            assertThat(indicator.check().getStatus()).isEqualTo(HealthStatus.UP);
        }
    }

    @Test
    void reportsAFailedRunWithoutTheStatementOrItsValues() throws Exception {
        try (TestDatabase db = TestDatabase.create("mn_health_failed");
                ApplicationContext ctx = TestContexts.run(db,
                        "drizzle.migrations.datasources.default.enabled", false,
                        "drizzle.migrations.datasources.default.location", "classpath:drizzle/failing")) {
            assertThatThrownBy(() -> ctx.getBean(DrizzleMigrations.class).migrate("default"))
                    .isInstanceOf(MigrationFailedException.class);

            HealthResult failed = ctx.getBean(DrizzleHealthIndicator.class).check();

            assertThat(failed.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(details(failed, "default")).containsEntry("state", "FAILED")
                    .extractingByKey("failure").asInstanceOf(MAP)
                    .containsEntry("migration", "0001_duplicate_note")
                    .containsEntry("sqlState", "23505");
            String json = ctx.getBean(JsonMapper.class).writeValueAsString(failed.getDetails());
            assertThat(json).doesNotContain("top-secret-note").doesNotContainIgnoringCase("insert into");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult result, String datasource) {
        return (Map<String, Object>) ((Map<String, Object>) result.getDetails()).get(datasource);
    }
}
