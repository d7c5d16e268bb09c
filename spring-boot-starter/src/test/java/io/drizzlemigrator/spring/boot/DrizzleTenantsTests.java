package io.drizzlemigrator.spring.boot;

import static io.drizzlemigrator.spring.boot.TestDatabases.applicationDataSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.metrics.FanOutMetrics;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** drizzle.migrations.tenants.*: a schema-per-tenant service migrates its tenants at startup, or only a canary. */
@ExtendWith(PostgresExtension.class)
class DrizzleTenantsTests {

    @TempDir
    static Path dir;

    private final TestDatabase db;
    private final ApplicationContextRunner runner;

    DrizzleTenantsTests(TestDatabase db) {
        this.db = db;
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DrizzleMigrationsAutoConfiguration.class, DrizzleTenantsAutoConfiguration.class,
                        DrizzleHealthAutoConfiguration.class, EndpointAutoConfiguration.class,
                        HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                        HealthEndpointAutoConfiguration.class, DrizzleEndpointAutoConfiguration.class))
                .withPropertyValues(applicationDataSource(db))
                .withPropertyValues("management.endpoint.health.show-details=always",
                        "drizzle.migrations.location=filesystem:" + folder(),
                        "drizzle.migrations.tenant-schema-from=public");
    }

    private static Path folder() {
        Path folder = dir.resolve("tenant");
        if (!folder.resolve("meta").toFile().isDirectory()) {
            TestFolder.in(folder)
                    .migration("0000_users", "CREATE TABLE \"public\".\"users\" (\"id\" serial PRIMARY KEY);")
                    .migration("0001_orders", TestFolder.statements("CREATE TABLE \"orders\" (\"user_id\" integer);",
                            "ALTER TABLE \"orders\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"user_id\") REFERENCES"
                                    + " \"public\".\"users\"(\"id\");"))
                    .write();
        }
        return folder;
    }

    @BeforeEach
    void tenants() {
        TestDatabases.reset(db);
        db.execute("CREATE SCHEMA acme", "CREATE SCHEMA globex", "CREATE SCHEMA initech");
    }

    @Test
    void migratesEveryTenantAtStartupAndHealthCountsThemWithTheBrokenOneNamed() {
        db.execute("CREATE TABLE initech.orders (legacy text)");

        runner.withPropertyValues("drizzle.migrations.tenants.schemas=acme,globex,initech").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(db.queryLong("select count(*) from acme.__drizzle_migrations")).isEqualTo(2);
            assertThat(db.queryLong("select count(*) from globex.__drizzle_migrations")).isEqualTo(2);
            assertThat(db.relationExists("drizzle.__drizzle_migrations")).isFalse();
            assertThat(db.relationExists("public.users")).isFalse();

            IndicatedHealthDescriptor health = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
                    .healthForPath("drizzle");
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("current", 2).containsEntry("behind", 0)
                    .containsEntry("failed", 1).containsEntry("startup", "all")
                    .containsEntry("failures", Map.of("initech", "failed at 0001_orders.sql:1"));
            assertThat(context.getBean(FanOutMetrics.class)).isNotNull();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEndpointShowsEveryTenantInPlaceOfTheUnusedBaseTableWithTheBrokenOnesFileAndNoSql() {
        db.execute("CREATE TABLE initech.orders (legacy text)");

        runner.withPropertyValues("drizzle.migrations.tenants.schemas=acme,globex,initech",
                "management.endpoints.web.exposure.include=drizzle").run(context -> {
                    assertThat(context).hasNotFailed();
                    Map<String, Object> body = context.getBean(DrizzleEndpoint.class).migrators();

                    assertThat(body).extractingByKey(StatusView.BODY_KEY).asInstanceOf(MAP).isEmpty();
                    Map<String, Object> tenants = (Map<String, Object>) ((Map<String, Object>) body
                            .get(StatusView.TENANTS_KEY)).get("drizzleMigrator");
                    assertThat(tenants).containsEntry("startup", "all").containsEntry("current", 2)
                            .containsEntry("behind", 0).containsEntry("failed", 1);
                    List<Map<String, Object>> targets = (List<Map<String, Object>>) tenants.get("targets");
                    assertThat(targets).extracting(t -> t.get("target")).containsExactly("acme", "globex",
                            "initech");
                    assertThat(targets).extracting(t -> t.get("outcome")).containsExactly("applied", "applied",
                            "failed");
                    assertThat(targets.get(0)).containsEntry("kind", "schema").containsEntry("applied", 2)
                            .doesNotContainKey("error");
                    assertThat(targets.get(2)).containsEntry("applied", 1)
                            .containsEntry("failedAt", "0001_orders.sql:1")
                            .extractingByKey("error").asInstanceOf(MAP).containsEntry("migration", "0001_orders")
                            .containsEntry("sqlState", "42P07");
                    assertThat(body.toString()).doesNotContainIgnoringCase("alter table")
                            .doesNotContainIgnoringCase("foreign key");
                });
    }

    @Test
    void aCanaryStartupMigratesTheCanaryOnlyAndCountsTheOthersAsBehind() {
        runner.withPropertyValues("drizzle.migrations.tenants.query=select nspname from pg_namespace where nspname"
                + " in ('acme', 'globex', 'initech')", "drizzle.migrations.tenants.startup=canary",
                "drizzle.migrations.tenants.canary=globex").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(db.relationExists("globex.orders")).isTrue();
                    assertThat(db.relationExists("acme.__drizzle_migrations")).isFalse();
                    IndicatedHealthDescriptor health = (IndicatedHealthDescriptor) context
                            .getBean(HealthEndpoint.class).healthForPath("drizzle");
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("current", 1).containsEntry("behind", 2)
                            .containsEntry("failed", 0).containsEntry("startup", "canary");
                });
    }

    @Test
    void aFailingCanaryFailsStartupAndMigratesNoOtherTenant() {
        db.execute("CREATE TABLE acme.orders (legacy text)");

        runner.withPropertyValues("drizzle.migrations.tenants.schemas=acme,globex",
                "drizzle.migrations.tenants.canary=acme").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("The tenant canary acme did not"
                            + " migrate");
                    assertThat(db.relationExists("globex.__drizzle_migrations")).isFalse();
                });
    }
}
