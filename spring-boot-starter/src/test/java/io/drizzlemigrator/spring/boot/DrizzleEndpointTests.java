package io.drizzlemigrator.spring.boot;

import static io.drizzlemigrator.spring.boot.TestDatabases.TAGS;
import static io.drizzlemigrator.spring.boot.TestDatabases.applicationDataSource;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            Map<String, Object> migrator = migrator(context.getBean(DrizzleEndpoint.class).migrators());
            assertThat(migrator).containsEntry("location", "classpath:drizzle/migrations")
                    .containsEntry("table", "drizzle.__drizzle_migrations")
                    .containsEntry("target", "DataSource dataSource")
                    .containsEntry("migrateOnStartup", true)
                    .containsEntry("upToDate", true)
                    .doesNotContainKey("error");
            assertThat(migrator).extractingByKey("counts").asInstanceOf(MAP).containsEntry("applied", 2);
            List<Map<String, Object>> migrations = migrations(migrator);
            assertThat(migrations).extracting(m -> m.get("tag")).containsExactlyElementsOf(TAGS);
            assertThat(migrations).extracting(m -> m.get("state")).containsOnly("applied");
            assertThat(migrations).extracting(m -> m.get("hash")).containsExactly(
                    TestDatabases.sha256("drizzle/migrations/0000_create_notes.sql"),
                    TestDatabases.sha256("drizzle/migrations/0001_index_notes.sql"));
            assertThat(migrations).allSatisfy(m -> {
                assertThat(m).containsKey("appliedAt").containsEntry("appliedByThisProcess", true)
                        .doesNotContainKey("storedHash");
                assertThat((Long) m.get("durationMillis")).isNotNull().isGreaterThanOrEqualTo(0);
                assertThat((String) m.get("duration")).startsWith("PT");
            });
            assertThat(migrations).extracting(m -> m.get("transactional")).containsExactly(true, false);
            assertThat(migrator.toString()).doesNotContain("CREATE");
            assertThat(migrator).extractingByKey("lock").asInstanceOf(MAP).containsEntry("state", "idle")
                    .containsEntry("timeout", "PT10M");
            assertThat(migrator).extractingByKey("lastRun").asInstanceOf(MAP).containsEntry("outcome", "success")
                    .containsEntry("applied", 2);
        });
    }

    @Test
    void servesCoresViewInTheShapeEveryFaceShares() {
        runner.withPropertyValues(applicationDataSource(db)).run(context -> {
            DrizzleEndpoint endpoint = context.getBean(DrizzleEndpoint.class);
            Map<String, Object> body = endpoint.migrators();
            assertThat(body).containsOnlyKeys(StatusView.BODY_KEY);
            Map<String, Object> migrator = migrator(body);
            List<String> expected = new ArrayList<>(StatusView.KEYS);
            expected.remove("error");
            assertThat(migrator.keySet()).containsExactlyElementsOf(expected);
            assertThat(migrator).isEqualTo(endpoint.view(context.getBean(DrizzleMigrator.class)).toMap());
            assertThat(migrator).extractingByKey("counts").asInstanceOf(MAP).containsOnlyKeys(StatusView.COUNT_KEYS);
        });
    }

    @Test
    void showsPendingMigrationsWithoutTimesWhenStartupMigrationIsSkipped() {
        runner.withPropertyValues(applicationDataSource(db))
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::skip).run(context -> {
                    Map<String, Object> migrator = migrator(context.getBean(DrizzleEndpoint.class).migrators());
                    assertThat(migrator).containsEntry("upToDate", false).containsEntry("migrateOnStartup", false);
                    assertThat(migrator).extractingByKey("counts").asInstanceOf(MAP).containsEntry("pending", 2);
                    assertThat(migrations(migrator)).allSatisfy(m -> {
                        assertThat(m).containsEntry("state", "pending").containsKey("transactional");
                        assertThat(m).doesNotContainKeys("appliedAt", "duration");
                    });
                    assertThat(migrator).doesNotContainKey("lastRun");
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
                    Map<String, Object> migrator = migrator(context.getBean(DrizzleEndpoint.class).migrators());
                    List<Map<String, Object>> migrations = migrations(migrator);
                    assertThat(migrations).extracting(m -> m.get("state"))
                            .containsExactly("out_of_order", "edited", "unknown");
                    assertThat(migrations.get(1)).containsEntry("storedHash", "edited");
                    assertThat(migrations.get(2)).containsEntry("hash", "from-a-newer-build");
                    assertThat(migrator).extractingByKey("counts").asInstanceOf(MAP).containsEntry("outOfOrder", 1)
                            .containsEntry("edited", 1).containsEntry("unknown", 1);
                    // the out-of-order migration blocks (the default policy) and names the property to change
                    assertThat(migrator).extractingByKey("problems").asInstanceOf(LIST).first().asInstanceOf(MAP)
                            .containsEntry("kind", "out_of_order").containsEntry("blocking", true)
                            .hasEntrySatisfying("message", message -> assertThat((String) message)
                                    .contains("drizzle.migrations.out-of-order=apply"));
                });
    }

    @Test
    void neverShowsTheDedicatedConnectionsPassword() {
        String password = db.password() != null ? db.password() : "s3cret-pw";
        String url = "postgresql://" + db.user() + ":" + password + "@" + db.server().host() + ":"
                + db.server().port() + "/" + db.name();
        withoutApplicationDataSource().withPropertyValues("drizzle.migrations.url=" + url).run(context -> {
            assertThat(context).hasNotFailed();
            Map<String, Object> migrator = migrator(context.getBean(DrizzleEndpoint.class).migrators());
            assertThat(migrator).containsEntry("target", db.jdbcUrl());
            assertThat(migrator).extractingByKey("counts").asInstanceOf(MAP).containsEntry("applied", 2);
            assertThat(migrator.toString()).doesNotContain(password);
        });
    }

    @Test
    void reportsAnUnreadableStateWithoutFailing() {
        withoutApplicationDataSource()
                .withPropertyValues("drizzle.migrations.url=jdbc:postgresql://127.0.0.1:1/nowhere")
                .withBean(DrizzleMigrationStrategy.class, DrizzleMigrationStrategy::skip).run(context -> {
                    Map<String, Object> migrator = migrator(context.getBean(DrizzleEndpoint.class).migrators());
                    assertThat(migrator).extractingByKey("error").asInstanceOf(MAP)
                            .containsEntry("type", "DatabaseConnectionException");
                    assertThat(migrator).doesNotContainKeys("migrations", "upToDate");
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> migrator(Map<String, Object> body) {
        return ((Map<String, Map<String, Object>>) body.get(StatusView.BODY_KEY)).get("drizzleMigrator");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> migrations(Map<String, Object> migrator) {
        return (List<Map<String, Object>>) migrator.get("migrations");
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
