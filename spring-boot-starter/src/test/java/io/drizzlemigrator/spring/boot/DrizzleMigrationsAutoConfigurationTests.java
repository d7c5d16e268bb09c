package io.drizzlemigrator.spring.boot;

import static io.drizzlemigrator.spring.boot.TestDatabases.appliedRows;
import static io.drizzlemigrator.spring.boot.TestDatabases.applicationDataSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.TransactionMode;
import io.drizzlemigrator.ValidationException;
import io.drizzlemigrator.health.MigrationHealthTracker;
import io.drizzlemigrator.metrics.DrizzleMigrationMetrics;
import io.drizzlemigrator.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class DrizzleMigrationsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(DataSourceAutoConfiguration.class, DrizzleMigrationsAutoConfiguration.class));

    /** Without DataSourceAutoConfiguration: an application that has no DataSource. */
    private final ApplicationContextRunner drizzleOnly = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DrizzleMigrationsAutoConfiguration.class));

    private static TestDatabase db;
    /** A second database, for the migration connection when it is not the application's. */
    private static TestDatabase other;

    @BeforeAll
    static void createDatabases() {
        db = TestDatabase.create("starter_app");
        other = TestDatabase.create("starter_other");
    }

    @AfterAll
    static void dropDatabases() {
        db.close();
        other.close();
    }

    @BeforeEach
    void emptyDatabases() {
        TestDatabases.reset(db);
        TestDatabases.reset(other);
    }

    @Test
    void backsOffWithoutDataSourceOrMigrationUrl() {
        drizzleOnly.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DrizzleMigrator.class);
            assertThat(context).doesNotHaveBean(DrizzleMigrationsInitializer.class);
        });
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withPropertyValues(applicationDataSource(db)).withPropertyValues("drizzle.migrations.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(DataSource.class);
                    assertThat(context).doesNotHaveBean(DrizzleMigrator.class);
                });
        assertThat(appliedRows(db)).isEqualTo(-1);
    }

    @Test
    void migratesTheApplicationDataSourceAtStartup() {
        runner.withPropertyValues(applicationDataSource(db)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(DrizzleMigrator.class);
            assertThat(context.getBean(DrizzleMigrator.class).configuration().location())
                    .isEqualTo("classpath:drizzle/migrations");
        });
        assertThat(db.relationExists("notes")).isTrue();
        assertThat(db.queryValue("select indisvalid from pg_index where indexrelid = 'notes_created_at_idx'::regclass"))
                .isEqualTo(true);
        assertThat(appliedRows(db)).isEqualTo(TestDatabases.TAGS.size());
    }

    @Test
    void aSecondStartAppliesNothing() {
        runner.withPropertyValues(applicationDataSource(db)).run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues(applicationDataSource(db)).run(context -> assertThat(context).hasNotFailed());
        assertThat(appliedRows(db)).isEqualTo(TestDatabases.TAGS.size());
    }

    @Test
    void usesTheDedicatedUrlInsteadOfTheApplicationDataSource() {
        runner.withPropertyValues(applicationDataSource(db))
                .withPropertyValues("drizzle.migrations.url=" + other.libpqUrl()).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DrizzleMigrator.class).configuration().url())
                            .hasValue(other.jdbcUrl());
                });
        assertThat(other.relationExists("notes")).isTrue();
        assertThat(appliedRows(other)).isEqualTo(TestDatabases.TAGS.size());
        assertThat(appliedRows(db)).isEqualTo(-1);
    }

    @Test
    void migratesThroughTheDedicatedUrlWhenTheApplicationHasNoDataSource() {
        drizzleOnly.withPropertyValues("drizzle.migrations.url=" + db.jdbcUrl(), "drizzle.migrations.user=" + db.user())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DataSource.class);
                });
        assertThat(appliedRows(db)).isEqualTo(TestDatabases.TAGS.size());
    }

    @Test
    void usesTheDataSourceQualifiedForMigrations() {
        runner.withPropertyValues(applicationDataSource(db))
                .withBean("migrationDataSource", DataSource.class, other::dataSource,
                        definition -> ((AbstractBeanDefinition) definition).addQualifier(
                                new AutowireCandidateQualifier(DrizzleMigrationsDataSource.class)))
                .withBean("dataSource", DataSource.class, db::dataSource,
                        definition -> definition.setPrimary(true))
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(appliedRows(other)).isEqualTo(TestDatabases.TAGS.size());
        assertThat(appliedRows(db)).isEqualTo(-1);
    }

    @Test
    void refusesADedicatedUrlTogetherWithAQualifiedDataSource() {
        runner.withUserConfiguration(QualifiedDataSourceConfiguration.class)
                .withPropertyValues("drizzle.migrations.url=" + db.libpqUrl()).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConfigurationException.class)
                            .hasMessageContaining("drizzle.migrations.url")
                            .hasMessageContaining("@DrizzleMigrationsDataSource");
                });
        assertThat(appliedRows(db)).isEqualTo(-1);
    }

    @Test
    void connectsToTheApplicationDatabaseAsTheConfiguredUser() {
        String role = "dmt_owner_" + ProcessHandle.current().pid();
        db.execute("DROP ROLE IF EXISTS " + role, "CREATE ROLE " + role + " LOGIN PASSWORD 'owner-pw'",
                "GRANT CREATE ON DATABASE \"" + db.name() + "\" TO " + role, "GRANT CREATE ON SCHEMA public TO " + role);
        try {
            runner.withPropertyValues(applicationDataSource(db))
                    .withPropertyValues("drizzle.migrations.user=" + role, "drizzle.migrations.password=owner-pw")
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(db.queryValue("select tableowner from pg_tables where tablename = 'notes'")).isEqualTo(role);
        } finally {
            db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    void appliesCustomizersInOrderAfterTheProperties() {
        runner.withPropertyValues(applicationDataSource(db))
                .withPropertyValues("drizzle.migrations.table=from_properties")
                .withUserConfiguration(CustomizerConfiguration.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CustomizerConfiguration.class).calls).containsExactly("first",
                            "second");
                });
        assertThat(db.relationExists("drizzle.from_second_customizer")).isTrue();
        assertThat(db.relationExists("drizzle.from_properties")).isFalse();
    }

    @Test
    void appliesEveryPropertyToTheMigrator() {
        runner.withPropertyValues(applicationDataSource(db))
                .withPropertyValues("drizzle.migrations.location=classpath:elsewhere/migrations",
                        "drizzle.migrations.schema=bookkeeping", "drizzle.migrations.table=history",
                        "drizzle.migrations.lock-timeout=45s", "drizzle.migrations.lock-key=4242",
                        "drizzle.migrations.out-of-order=apply", "drizzle.migrations.edited-migrations=fail",
                        "drizzle.migrations.transaction-mode=all-in-one", "drizzle.migrations.search-path=app,public",
                        "drizzle.migrations.init-sql=SET statement_timeout = '60s'",
                        "drizzle.migrations.ddl-lock-timeout=2s", "drizzle.migrations.ddl-lock-retries=7",
                        "drizzle.migrations.repair-invalid-indexes=false", "drizzle.migrations.large-table-rows=0",
                        "drizzle.migrations.terminate-blockers=true", "drizzle.migrations.progress-interval=2s",
                        "drizzle.migrations.tenant-schema-from=public", "drizzle.migrations.verify-after-migrate=true")
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::skip)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MigratorConfiguration config = context.getBean(DrizzleMigrator.class).configuration();
                    assertThat(config.location()).isEqualTo("classpath:elsewhere/migrations");
                    assertThat(config.schema()).isEqualTo("bookkeeping");
                    assertThat(config.table()).isEqualTo("history");
                    assertThat(config.lockTimeout()).hasSeconds(45);
                    assertThat(config.lockKey()).hasValue(4242);
                    assertThat(config.outOfOrder()).isEqualTo(OutOfOrderPolicy.APPLY);
                    assertThat(config.editedMigrations()).isEqualTo(EditedMigrationPolicy.FAIL);
                    assertThat(config.transactionMode()).isEqualTo(TransactionMode.ALL_IN_ONE);
                    assertThat(config.searchPath()).hasValue("app,public");
                    assertThat(config.tenantSchemaFrom()).hasValue("public");
                    assertThat(config.initSql()).hasValue("SET statement_timeout = '60s'");
                    assertThat(config.ddlLockTimeout()).hasSeconds(2);
                    assertThat(config.ddlLockRetries()).isEqualTo(7);
                    assertThat(config.repairInvalidIndexes()).isFalse();
                    assertThat(config.terminateBlockers()).isTrue();
                    assertThat(config.progressInterval()).hasSeconds(2);
                    assertThat(config.verifyAfterMigrate()).isTrue();
                    assertThat(config.largeTableRows()).isZero();
                });
    }

    @Test
    void readsAFolderGivenWithSpringsFilePrefix() {
        // the build's copy of the fixture: the Boot 3 starter's build compiles these tests from a copy of src/
        String folder = new java.io.File("target/test-classes/drizzle/migrations").getAbsolutePath();
        runner.withPropertyValues(applicationDataSource(db))
                .withPropertyValues("drizzle.migrations.location=file:" + folder)
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(appliedRows(db)).isEqualTo(TestDatabases.TAGS.size());
    }

    @Test
    void aStrategyReplacesMigratingAtStartup() {
        List<DrizzleMigrator> calls = new ArrayList<>();
        runner.withPropertyValues(applicationDataSource(db))
                .withBean(DrizzleMigrationStrategy.class, () -> calls::add).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(calls).containsExactly(context.getBean(DrizzleMigrator.class));
                });
        assertThat(appliedRows(db)).isEqualTo(-1);
    }

    @Test
    void theValidateOnlyStrategyRefusesToStartWhileMigrationsArePending() {
        runner.withPropertyValues(applicationDataSource(db))
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::validateOnly).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ValidationException.class);
                });
        assertThat(db.relationExists("notes")).isFalse();
    }

    @Test
    void theValidateOnlyStrategyStartsOnAnUpToDateDatabase() {
        DrizzleMigrator.configure().dataSource(db.dataSource()).load().migrate();
        runner.withPropertyValues(applicationDataSource(db))
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::validateOnly)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void anUnknownPolicyValueFailsNamingTheProperty() {
        runner.withPropertyValues(applicationDataSource(db))
                .withPropertyValues("drizzle.migrations.out-of-order=sometimes").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(cause(context.getStartupFailure(), BindException.class))
                            .hasMessageContaining("drizzle.migrations.out-of-order");
                });
        assertThat(appliedRows(db)).isEqualTo(-1);
    }

    @Test
    void anInvalidSettingFailsNamingThePropertiesBeforeConnecting() {
        runner.withPropertyValues(applicationDataSource(db))
                .withPropertyValues("drizzle.migrations.schema=bad schema; drop table x").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(cause(context.getStartupFailure(), ConfigurationException.class))
                            .hasMessageContaining("drizzle.migrations.*").hasMessageContaining("schema");
                });
        assertThat(appliedRows(db)).isEqualTo(-1);
    }

    @Test
    void aMalformedDedicatedUrlFailsWithoutShowingItsPassword() {
        drizzleOnly.withPropertyValues("drizzle.migrations.url=postgresql://app:hunter2@db.internal/app#x")
                .run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConfigurationException.class);
            assertThat(stackTrace(context.getStartupFailure())).contains("Malformed database URL")
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void migratesWithoutTheActuatorOrMicrometerOnTheClasspath() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DrizzleMigrationsAutoConfiguration.class, DrizzleEndpointAutoConfiguration.class,
                        DrizzleHealthAutoConfiguration.class, DrizzleMetricsAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(Endpoint.class, HealthIndicator.class, MeterRegistry.class))
                .withPropertyValues(applicationDataSource(db)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(DrizzleMigrationsInitializer.class);
                    assertThat(context).doesNotHaveBean(DrizzleEndpoint.class);
                    assertThat(context).doesNotHaveBean(DrizzleHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(MigrationHealthTracker.class);
                    assertThat(context).doesNotHaveBean(DrizzleMigrationMetrics.class);
                });
        assertThat(appliedRows(db)).isEqualTo(TestDatabases.TAGS.size());
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnMigrator() {
        DrizzleMigrator own = DrizzleMigrator.configure().dataSource(db.dataSource()).table("own").load();
        runner.withPropertyValues(applicationDataSource(db)).withBean(DrizzleMigrator.class, () -> own)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBean(DrizzleMigrator.class).isSameAs(own);
                    assertThat(context).doesNotHaveBean(DrizzleMigrationsInitializer.class);
                });
        assertThat(appliedRows(db)).isEqualTo(-1);
    }

    /** The outermost cause of this type. */
    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedDataSourceConfiguration {

        @Bean
        @DrizzleMigrationsDataSource
        DataSource migrationDataSource() {
            return new org.springframework.jdbc.datasource.SimpleDriverDataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        final List<String> calls = new ArrayList<>();

        @Bean
        @Order(2)
        DrizzleConfigurationCustomizer second() {
            return builder -> {
                calls.add("second");
                builder.table("from_second_customizer");
            };
        }

        @Bean
        @Order(1)
        DrizzleConfigurationCustomizer first() {
            return builder -> {
                calls.add("first");
                builder.table("from_first_customizer");
            };
        }
    }
}
