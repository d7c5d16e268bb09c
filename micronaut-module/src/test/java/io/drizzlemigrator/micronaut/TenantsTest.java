package io.drizzlemigrator.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.TargetOutcome;
import io.drizzlemigrator.metrics.FanOutMetrics;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drizzle.migrations.datasources.<name>.tenants.*: a schema-per-tenant service migrates its tenants, or a canary. */
class TenantsTest {

    private static final String P = "drizzle.migrations.datasources.default.";

    @TempDir
    Path dir;

    /** Two migrations naming "public" explicitly, as drizzle-kit writes them. */
    private String folder() {
        Path folder = dir.resolve("tenant");
        TestFolder.in(folder)
                .migration("0000_users", "CREATE TABLE \"public\".\"users\" (\"id\" serial PRIMARY KEY);")
                .migration("0001_orders", TestFolder.statements("CREATE TABLE \"orders\" (\"user_id\" integer);",
                        "ALTER TABLE \"orders\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"user_id\") REFERENCES"
                                + " \"public\".\"users\"(\"id\");"))
                .write();
        return "filesystem:" + folder;
    }

    @Test
    @SuppressWarnings("unchecked")
    void migratesEveryTenantAtStartupAndHealthCountsThemWithTheBrokenOneNamed() {
        try (TestDatabase db = TestDatabase.create("mn_tenants_all")) {
            db.execute("CREATE SCHEMA acme", "CREATE SCHEMA globex", "CREATE SCHEMA initech",
                    "CREATE TABLE initech.orders (legacy text)");
            try (ApplicationContext ctx = TestContexts.run(db, P + "location", folder(),
                    P + "tenant-schema-from", "public", P + "tenants.schemas", "acme,globex,initech",
                    P + "tenants.parallelism", 2)) {
                assertThat(db.queryLong("select count(*) from acme.__drizzle_migrations")).isEqualTo(2);
                assertThat(db.queryLong("select count(*) from globex.__drizzle_migrations")).isEqualTo(2);
                assertThat(db.relationExists("globex.orders")).isTrue();
                assertThat(db.relationExists("drizzle.__drizzle_migrations")).isFalse();
                assertThat(db.relationExists("public.users")).isFalse();

                HealthResult health = ctx.getBean(DrizzleHealthIndicator.class).check();
                assertThat(health.getStatus()).isEqualTo(HealthStatus.DOWN);
                assertThat(((Map<String, Object>) health.getDetails()).get("default")).asInstanceOf(MAP)
                        .containsEntry("startup", "all").containsEntry("current", 2).containsEntry("behind", 0)
                        .containsEntry("failed", 1)
                        .containsEntry("failures", Map.of("initech", "failed at 0001_orders.sql:1"));

                Map<String, Object> report = ctx.getBean(DrizzleEndpoint.class).report();
                assertThat(report).extractingByKey(StatusView.BODY_KEY).asInstanceOf(MAP).isEmpty();
                Map<String, Object> tenants = (Map<String, Object>) ((Map<String, Object>) report
                        .get(StatusView.TENANTS_KEY)).get("default");
                List<Map<String, Object>> targets = (List<Map<String, Object>>) tenants.get("targets");
                assertThat(targets).extracting(t -> t.get("target")).containsExactly("acme", "globex", "initech");
                assertThat(targets.get(2)).containsEntry("outcome", "failed")
                        .containsEntry("failedAt", "0001_orders.sql:1")
                        .extractingByKey("error").asInstanceOf(MAP).containsEntry("sqlState", "42P07");
                assertThat(report.toString()).doesNotContainIgnoringCase("create table");

                MeterRegistry registry = ctx.getBean(MeterRegistry.class);
                assertThat(count(registry, TargetOutcome.APPLIED)).isEqualTo(2);
                assertThat(count(registry, TargetOutcome.FAILED)).isEqualTo(1);
                assertThat(registry.find(FanOutMetrics.TARGETS).meters())
                        .allSatisfy(m -> assertThat(m.getId().getTags()).extracting(t -> t.getKey())
                                .containsOnly("datasource", "outcome"));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCanaryStartupMigratesTheCanaryOnlyAndCountsTheOthersAsBehind() {
        try (TestDatabase db = TestDatabase.create("mn_tenants_canary")) {
            db.execute("CREATE SCHEMA acme", "CREATE SCHEMA globex", "CREATE SCHEMA initech");
            try (ApplicationContext ctx = TestContexts.run(db, P + "location", folder(),
                    P + "tenant-schema-from", "public",
                    P + "tenants.query", "select nspname from pg_namespace where nspname in ('acme', 'globex',"
                            + " 'initech') order by nspname",
                    P + "tenants.startup", "canary", P + "tenants.canary", "globex")) {
                assertThat(db.relationExists("globex.orders")).isTrue();
                assertThat(db.relationExists("acme.__drizzle_migrations")).isFalse();
                assertThat(db.relationExists("initech.__drizzle_migrations")).isFalse();

                HealthResult health = ctx.getBean(DrizzleHealthIndicator.class).check();
                assertThat(health.getStatus()).isEqualTo(HealthStatus.UP);
                assertThat(((Map<String, Object>) health.getDetails()).get("default")).asInstanceOf(MAP)
                        .containsEntry("startup", "canary").containsEntry("current", 1).containsEntry("behind", 2)
                        .containsEntry("failed", 0);
                assertThat(ctx.getBean(DrizzleMigrations.class).tenants("default").orElseThrow().toMap())
                        .extractingByKey("targets").asList().extracting(t -> ((Map<String, Object>) t).get("outcome"))
                        .containsExactly("applied", "behind", "behind");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void withStartupMigrationOffTheTenantsAreReadAndLeftAsTheyAre() {
        try (TestDatabase db = TestDatabase.create("mn_tenants_off")) {
            db.execute("CREATE SCHEMA acme", "CREATE SCHEMA globex");
            try (ApplicationContext ctx = TestContexts.run(db, P + "location", folder(), P + "enabled", false,
                    P + "tenant-schema-from", "public", P + "tenants.schemas", "acme,globex")) {
                assertThat(db.relationExists("acme.__drizzle_migrations")).isFalse();
                HealthResult health = ctx.getBean(DrizzleHealthIndicator.class).check();
                assertThat(health.getStatus()).isEqualTo(HealthStatus.UP);
                assertThat(((Map<String, Object>) health.getDetails()).get("default")).asInstanceOf(MAP)
                        .containsEntry("current", 0).containsEntry("behind", 2).containsEntry("failed", 0);
            }
        }
    }

    @Test
    void aCanaryStartupWithoutACanaryFailsNamingTheProperty() {
        try (TestDatabase db = TestDatabase.create("mn_tenants_nocanary")) {
            db.execute("CREATE SCHEMA acme");
            assertThatThrownBy(() -> TestContexts.run(db, P + "location", folder(), P + "tenant-schema-from",
                    "public", P + "tenants.schemas", "acme", P + "tenants.startup", "canary").close())
                    .hasStackTraceContaining("drizzle.migrations.datasources.default.tenants: startup=canary needs a"
                            + " canary");
            assertThat(db.relationExists("acme.__drizzle_migrations")).isFalse();
        }
    }

    private static double count(MeterRegistry registry, TargetOutcome outcome) {
        return registry.get(FanOutMetrics.TARGETS).tags("datasource", "default", "outcome", outcome.tagValue())
                .functionCounter().count();
    }
}
