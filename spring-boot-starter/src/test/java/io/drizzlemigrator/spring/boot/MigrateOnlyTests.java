package io.drizzlemigrator.spring.boot;

import static io.drizzlemigrator.spring.boot.TestDatabases.applicationDataSource;
import static io.drizzlemigrator.spring.boot.TestDatabases.appliedRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.ExitCode;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ExitCodeExceptionMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code drizzle.migrations.exit-after-migrate=true}: start without a web server, migrate, exit with a code. */
@ExtendWith(PostgresExtension.class)
class MigrateOnlyTests {

    private final TestDatabase db;
    private final ApplicationContextRunner runner;

    MigrateOnlyTests(TestDatabase db) {
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
    void thePropertyMakesTheApplicationStartWithoutAWebServer() {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        try (ConfigurableApplicationContext ignored = application.run("--drizzle.migrations.exit-after-migrate=true",
                "--spring.main.banner-mode=off")) {
            assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
        }
    }

    @Test
    void theEnvironmentVariableFormTurnsItOnToo() {
        assertThat(webApplicationTypeAfterPostProcessing(Map.of("DRIZZLE_MIGRATIONS_EXIT_AFTER_MIGRATE", "true")))
                .isEqualTo("none");
    }

    @Test
    void withoutThePropertyTheWebApplicationTypeIsLeftAlone() {
        assertThat(webApplicationTypeAfterPostProcessing(Map.of("DRIZZLE_MIGRATIONS_EXIT_AFTER_MIGRATE", "false")))
                .isNull();
        assertThat(webApplicationTypeAfterPostProcessing(Map.of())).isNull();
    }

    @Test
    void onceStartedItMigratedClosesTheContextAndExitsWithZero() {
        runner.withPropertyValues("drizzle.migrations.exit-after-migrate=true").run(context -> {
            assertThat(context).hasSingleBean(MigrateOnly.class).hasSingleBean(ExitCodeExceptionMapper.class);
            assertThat(appliedRows(db)).isEqualTo(TestDatabases.TAGS.size());

            List<Integer> exits = new ArrayList<>();
            new MigrateOnly(exits::add).onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(),
                    new String[0], context.getSourceApplicationContext(), Duration.ZERO));

            assertThat(exits).containsExactly(0);
            assertThat(context.getSourceApplicationContext().isActive()).isFalse();
        });
    }

    @Test
    void withoutThePropertyNothingExits() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MigrateOnly.class)
                .doesNotHaveBean(ExitCodeExceptionMapper.class));
    }

    @Test
    void aFailedMigrationExitsWithOneAndTheFailureAnalysisNamesTheFileAndLine() {
        runner.withPropertyValues("drizzle.migrations.exit-after-migrate=true",
                "drizzle.migrations.location=classpath:broken/migrations").run(context -> {
                    assertThat(exitCode(context, true)).isEqualTo(ExitCode.MIGRATION_FAILED.code());
                    assertThat(new DrizzleMigrationsFailureAnalyzer().analyze(context.getStartupFailure())
                            .getDescription()).contains("0001_backfill_notes.sql:2");
                });
    }

    @Test
    void aBadSettingExitsWithTwo() {
        runner.withPropertyValues("drizzle.migrations.exit-after-migrate=true", "drizzle.migrations.schema=bad name")
                .run(context -> assertThat(exitCode(context, true)).isEqualTo(ExitCode.USAGE.code()));
    }

    @Test
    void aLockHeldTooLongExitsWithFour() throws Exception {
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(4343)");
            runner.withPropertyValues("drizzle.migrations.exit-after-migrate=true",
                    "drizzle.migrations.lock-key=4343", "drizzle.migrations.lock-timeout=300ms")
                    .run(context -> assertThat(exitCode(context, true))
                            .isEqualTo(ExitCode.LOCK_TIMEOUT.code()));
        }
    }

    @Test
    void migratesEvenWhenTheServiceSkipsMigrationsAtItsOwnStarts() {
        runner.withPropertyValues("drizzle.migrations.exit-after-migrate=true")
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::skip)
                .run(context -> assertThat(appliedRows(db)).isEqualTo(TestDatabases.TAGS.size()));
    }

    @Test
    void outsideTheModeAFailedStartIsLeftToSpringBoot() {
        runner.withPropertyValues("drizzle.migrations.location=classpath:broken/migrations")
                .run(context -> assertThat(exitCode(context, false)).isNull());
    }

    private static String webApplicationTypeAfterPostProcessing(Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environmentVariables));
        new MigrateOnlyEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("spring.main.web-application-type");
    }

    /** The code a failed start ends the process with, or null when the run listener leaves it to Spring Boot. */
    private static Integer exitCode(AssertableApplicationContext context, boolean migrateOnly) {
        assertThat(context).hasFailed();
        List<Integer> exits = new ArrayList<>();
        // a failed context cannot be reached: an environment with the property as the runner had it stands for it
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(MigrateOnly.PROPERTY,
                migrateOnly)));
        MigrateOnlyRunListener.exitOnFailure(environment, context.getStartupFailure(), exits::add);
        assertThat(exits).hasSizeLessThanOrEqualTo(1);
        return exits.isEmpty() ? null : exits.get(0);
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
