package io.drizzlemigrator.spring.boot;

import static io.drizzlemigrator.spring.boot.TestDatabases.applicationDataSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.health.MigrationHealthTracker;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(PostgresExtension.class)
class DrizzleHealthTests {

    private final TestDatabase db;
    private final ApplicationContextRunner runner;

    DrizzleHealthTests(TestDatabase db) {
        this.db = db;
        this.runner = healthRunner(db);
    }

    /**
     * The auto-configurations of an application with actuator health and probes, on {@code db}, details shown (also
     * {@link ReadinessWhileMigratingTests}'s).
     */
    static ApplicationContextRunner healthRunner(TestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DrizzleMigrationsAutoConfiguration.class, DrizzleHealthAutoConfiguration.class,
                        EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                        HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                        ApplicationAvailabilityAutoConfiguration.class,
                        AvailabilityHealthContributorAutoConfiguration.class,
                        AvailabilityProbesAutoConfiguration.class))
                .withPropertyValues(applicationDataSource(db))
                .withPropertyValues("management.endpoint.health.show-details=always",
                        "management.endpoint.health.show-components=always",
                        // Boot 4's default; Boot 3 (which runs these tests too) creates the probes' groups only
                        // on a cloud platform otherwise
                        "management.endpoint.health.probes.enabled=true");
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.reset(db);
    }

    @Test
    void isUpAfterTheStartupMigrationAndCountsInReadinessButNotLiveness() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            IndicatedHealthDescriptor drizzle = (IndicatedHealthDescriptor) health.healthForPath("drizzle");
            assertThat(drizzle.getStatus()).isEqualTo(Status.UP);
            assertThat(drizzle.getDetails()).containsEntry("state", "UP").containsEntry("applied", 2)
                    .containsEntry("pending", 0).containsEntry("lastApplied", "0001_index_notes");
            HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
            assertThat(groups.get("readiness").isMember("drizzle")).isTrue();
            assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
            assertThat(groups.get("liveness").isMember("drizzle")).isFalse();
            CompositeHealthDescriptor readiness = (CompositeHealthDescriptor) health.healthForPath("readiness");
            assertThat(readiness.getComponents()).containsKeys("drizzle", "readinessState");
        });
    }

    @Test
    void isOutOfServiceWhilePendingAndUpOnceAMigrationJobAppliedThem() {
        runner.withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::skip)
                .withUserConfiguration(ImmediateRecheck.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    HealthEndpoint health = context.getBean(HealthEndpoint.class);
                    IndicatedHealthDescriptor pending = (IndicatedHealthDescriptor) health.healthForPath("drizzle");
                    assertThat(pending.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                    assertThat(pending.getDetails()).containsEntry("state", "PENDING").containsEntry("pending", 2);
                    assertThat((String) pending.getDetails().get("reason")).contains("startup migration is disabled");

                    DrizzleMigrator.configure().dataSource(db.dataSource()).load().migrate();

                    IndicatedHealthDescriptor up = (IndicatedHealthDescriptor) health.healthForPath("drizzle");
                    assertThat(up.getStatus()).isEqualTo(Status.UP);
                    assertThat(up.getDetails()).containsEntry("pending", 0);
                });
    }

    @Test
    void leavesTheReadinessGroupAloneWhenTheApplicationListsItsMembers() {
        runner.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("drizzle")).isFalse();
        });
    }

    @Test
    void staysOutOfTheReadinessGroupWhenReadinessIsDisabledButStillReportsItsHealth() {
        runner.withPropertyValues("drizzle.migrations.readiness.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ReadinessGroupMembership.class);
            HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
            assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
            assertThat(groups.get("readiness").isMember("drizzle")).isFalse();
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            CompositeHealthDescriptor readiness = (CompositeHealthDescriptor) health.healthForPath("readiness");
            assertThat(readiness.getComponents()).containsKey("readinessState").doesNotContainKey("drizzle");
            IndicatedHealthDescriptor drizzle = (IndicatedHealthDescriptor) health.healthForPath("drizzle");
            assertThat(drizzle.getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void canBeDisabled() {
        runner.withPropertyValues("management.health.drizzle.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DrizzleHealthIndicator.class);
            assertThat(context).doesNotHaveBean(MigrationHealthTracker.class);
        });
    }

    /** Reads the state on every call, so that the test needs no waiting. */
    @Configuration(proxyBeanMethods = false)
    static class ImmediateRecheck {

        @Bean
        DrizzleHealthIndicator drizzleHealthIndicator(MigrationHealthTracker tracker, DrizzleMigrator migrator) {
            return new DrizzleHealthIndicator(tracker, migrator, Duration.ZERO);
        }
    }
}
