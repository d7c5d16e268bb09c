package io.drizzlemigrator.spring.boot;

import static io.drizzlemigrator.spring.boot.TestDatabases.TAGS;
import static io.drizzlemigrator.spring.boot.TestDatabases.applicationDataSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.spring.boot.DrizzleEndpoint.MigrationDescriptor;
import io.drizzlemigrator.spring.boot.DrizzleEndpoint.MigratorDescriptor;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(PostgresExtension.class)
class DrizzleEndpointTests {

    /** The fixture journal's {@code when} values. */
    private static final long WHEN_0000 = 1764000000000L;
    private static final long WHEN_0001 = 1764000100000L;

    private final TestDatabase db;
    private final ApplicationContextRunner runner;

    DrizzleEndpointTests(TestDatabase db) {
        this.db = db;
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DrizzleMigrationsAutoConfiguration.class, DrizzleEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=drizzle");
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.reset(db);
    }

    @Test
    void listsEveryMigrationWithItsHashAndHowLongThisProcessTookToApplyIt() {
        runner.withPropertyValues(applicationDataSource(db)).run(context -> {
            assertThat(context).hasNotFailed();
            MigratorDescriptor migrator = context.getBean(DrizzleEndpoint.class).migrators().migrators()
                    .get("drizzleMigrator");
            assertThat(migrator.location()).isEqualTo("classpath:drizzle/migrations");
            assertThat(migrator.table()).isEqualTo("drizzle.__drizzle_migrations");
            assertThat(migrator.target()).isEqualTo("DataSource dataSource");
            assertThat(migrator.upToDate()).isTrue();
            assertThat(migrator.counts().applied()).isEqualTo(2);
            assertThat(migrator.error()).isNull();
            assertThat(migrator.migrations()).extracting(MigrationDescriptor::tag).containsExactlyElementsOf(TAGS);
            assertThat(migrator.migrations()).extracting(MigrationDescriptor::state).containsOnly("applied");
            assertThat(migrator.migrations()).extracting(MigrationDescriptor::hash).containsExactly(
                    TestDatabases.sha256("drizzle/migrations/0000_create_notes.sql"),
                    TestDatabases.sha256("drizzle/migrations/0001_index_notes.sql"));
            assertThat(migrator.migrations()).allSatisfy(m -> {
                assertThat(m.appliedAt()).isNotNull();
                assertThat(m.durationMillis()).isNotNull().isGreaterThanOrEqualTo(0);
                assertThat(m.duration()).startsWith("PT");
                assertThat(m.storedHash()).isNull();
            });
            assertThat(migrator.migrations()).extracting(MigrationDescriptor::transactional).containsExactly(true,
                    false);
            assertThat(migrator.toString()).doesNotContain("CREATE");
            assertThat(migrator.lock().state()).isEqualTo("idle");
            assertThat(migrator.lock().timeout()).isEqualTo("PT10M");
            assertThat(migrator.lastRun().outcome()).isEqualTo("success");
            assertThat(migrator.lastRun().applied()).isEqualTo(2);
        });
    }

    @Test
    void showsPendingMigrationsWithoutTimesWhenStartupMigrationIsSkipped() {
        runner.withPropertyValues(applicationDataSource(db))
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::skip).run(context -> {
                    MigratorDescriptor migrator = context.getBean(DrizzleEndpoint.class).migrators().migrators()
                            .get("drizzleMigrator");
                    assertThat(migrator.upToDate()).isFalse();
                    assertThat(migrator.counts().pending()).isEqualTo(2);
                    assertThat(migrator.migrations()).allSatisfy(m -> {
                        assertThat(m.state()).isEqualTo("pending");
                        assertThat(m.transactional()).isNotNull();
                        assertThat(m.appliedAt()).isNull();
                        assertThat(m.duration()).isNull();
                    });
                    assertThat(migrator.lastRun()).isNull();
                });
    }

    @Test
    void tellsOutOfOrderEditedAndUnknownMigrationsApart() {
        DrizzleMigrator.configure().dataSource(db.dataSource()).load().migrate();
        db.execute("DELETE FROM drizzle.__drizzle_migrations WHERE created_at = " + WHEN_0000,
                "UPDATE drizzle.__drizzle_migrations SET hash = 'edited' WHERE created_at = " + WHEN_0001,
                "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-a-newer-build', "
                        + (WHEN_0001 + 1) + ")");
        runner.withPropertyValues(applicationDataSource(db))
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::skip).run(context -> {
                    MigratorDescriptor migrator = context.getBean(DrizzleEndpoint.class).migrators().migrators()
                            .get("drizzleMigrator");
                    assertThat(migrator.migrations()).extracting(MigrationDescriptor::state)
                            .containsExactly("out_of_order", "edited", "unknown");
                    assertThat(migrator.migrations().get(1).storedHash()).isEqualTo("edited");
                    assertThat(migrator.migrations().get(2).hash()).isEqualTo("from-a-newer-build");
                    assertThat(migrator.counts().outOfOrder()).isEqualTo(1);
                    assertThat(migrator.counts().edited()).isEqualTo(1);
                    assertThat(migrator.counts().unknown()).isEqualTo(1);
                });
    }

    @Test
    void neverShowsTheDedicatedConnectionsPassword() {
        String password = db.password() != null ? db.password() : "s3cret-pw";
        String url = "postgresql://" + db.user() + ":" + password + "@" + db.server().host() + ":"
                + db.server().port() + "/" + db.name();
        withoutApplicationDataSource().withPropertyValues("drizzle.migrations.url=" + url).run(context -> {
            assertThat(context).hasNotFailed();
            MigratorDescriptor migrator = context.getBean(DrizzleEndpoint.class).migrators().migrators()
                    .get("drizzleMigrator");
            assertThat(migrator.target()).isEqualTo(db.jdbcUrl());
            assertThat(migrator.counts().applied()).isEqualTo(2);
            assertThat(migrator.toString()).doesNotContain(password);
        });
    }

    @Test
    void reportsAnUnreadableStateWithoutFailing() {
        withoutApplicationDataSource()
                .withPropertyValues("drizzle.migrations.url=jdbc:postgresql://127.0.0.1:1/nowhere")
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::skip).run(context -> {
                    MigratorDescriptor migrator = context.getBean(DrizzleEndpoint.class).migrators().migrators()
                            .get("drizzleMigrator");
                    assertThat(migrator.error().type()).isEqualTo("DatabaseConnectionException");
                    assertThat(migrator.migrations()).isNull();
                    assertThat(migrator.upToDate()).isNull();
                });
    }

    private static ApplicationContextRunner withoutApplicationDataSource() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DrizzleMigrationsAutoConfiguration.class,
                        DrizzleEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=drizzle");
    }

    @Test
    void isNotCreatedUnlessExposed() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DrizzleMigrationsAutoConfiguration.class, DrizzleEndpointAutoConfiguration.class))
                .withPropertyValues(applicationDataSource(db))
                .run(context -> assertThat(context).doesNotHaveBean(DrizzleEndpoint.class));
    }
}
