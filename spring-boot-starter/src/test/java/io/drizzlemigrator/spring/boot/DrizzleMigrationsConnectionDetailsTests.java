package io.drizzlemigrator.spring.boot;

import static io.drizzlemigrator.spring.boot.TestDatabases.appliedRows;
import static io.drizzlemigrator.spring.boot.TestDatabases.applicationDataSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.testing.TestDatabase;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The dedicated migration connection from a {@link DrizzleMigrationsConnectionDetails} bean (an application's own,
 * Docker Compose's adapted ones), instead of {@code drizzle.migrations.url/user/password}.
 */
class DrizzleMigrationsConnectionDetailsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(DataSourceAutoConfiguration.class, DrizzleMigrationsAutoConfiguration.class));

    private static TestDatabase app;
    /** Where the connection details point. */
    private static TestDatabase migrations;

    @BeforeAll
    static void createDatabases() {
        app = TestDatabase.create("details_app");
        migrations = TestDatabase.create("details_migrations");
    }

    @AfterAll
    static void dropDatabases() {
        app.close();
        migrations.close();
    }

    @BeforeEach
    void emptyDatabases() {
        TestDatabases.reset(app);
        TestDatabases.reset(migrations);
    }

    @Test
    void withoutABeanTheDetailsAreTheProperties() {
        runner.withPropertyValues(applicationDataSource(app))
                .withPropertyValues("drizzle.migrations.url=" + migrations.jdbcUrl(),
                        "drizzle.migrations.user=" + migrations.user())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBean(DrizzleMigrationsConnectionDetails.class)
                            .isInstanceOf(PropertiesDrizzleMigrationsConnectionDetails.class);
                    DrizzleMigrationsConnectionDetails details = context
                            .getBean(DrizzleMigrationsConnectionDetails.class);
                    assertThat(details.getUrl()).isEqualTo(migrations.jdbcUrl());
                    assertThat(details.getUsername()).isEqualTo(migrations.user());
                });
        assertThat(appliedRows(migrations)).isEqualTo(TestDatabases.TAGS.size());
        assertThat(appliedRows(app)).isEqualTo(-1);
    }

    @Test
    void aConnectionDetailsBeanReplacesTheProperties() {
        runner.withPropertyValues(applicationDataSource(app))
                .withPropertyValues("drizzle.migrations.url=" + app.jdbcUrl())
                .withBean(DrizzleMigrationsConnectionDetails.class, () -> details(migrations)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(PropertiesDrizzleMigrationsConnectionDetails.class);
                    assertThat(context.getBean(DrizzleMigrator.class).configuration().url())
                            .hasValue(migrations.jdbcUrl());
                    assertThat(context.getBean(MigrationTarget.class).name()).isEqualTo(migrations.jdbcUrl());
                });
        assertThat(appliedRows(migrations)).isEqualTo(TestDatabases.TAGS.size());
        assertThat(appliedRows(app)).isEqualTo(-1);
    }

    @Test
    void aConnectionDetailsBeanIsEnoughWithoutAnyDataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DrizzleMigrationsAutoConfiguration.class))
                .withBean(DrizzleMigrationsConnectionDetails.class, () -> details(migrations)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DataSource.class);
                    assertThat(context).hasSingleBean(DrizzleMigrator.class);
                });
        assertThat(appliedRows(migrations)).isEqualTo(TestDatabases.TAGS.size());
    }

    @Test
    void aQualifiedDataSourceWinsOverDetailsThatDoNotComeFromTheProperties() {
        runner.withPropertyValues(applicationDataSource(app))
                .withBean(DrizzleMigrationsConnectionDetails.class, () -> details(app))
                .withBean("migrationDataSource", DataSource.class, migrations::dataSource,
                        definition -> ((AbstractBeanDefinition) definition).addQualifier(
                                new AutowireCandidateQualifier(DrizzleMigrationsDataSource.class)))
                .withBean("dataSource", DataSource.class, app::dataSource, definition -> definition.setPrimary(true))
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(appliedRows(migrations)).isEqualTo(TestDatabases.TAGS.size());
        assertThat(appliedRows(app)).isEqualTo(-1);
    }

    @Test
    void dockerComposeAdaptsAServicesJdbcDetailsIntoMigrationDetails() {
        JdbcConnectionDetails jdbc = new JdbcConnectionDetails() {

            @Override
            public String getUsername() {
                return "compose_user";
            }

            @Override
            public String getPassword() {
                return "compose_password";
            }

            @Override
            public String getJdbcUrl() {
                return "jdbc:postgresql://127.0.0.1:54321/compose";
            }
        };
        // what Docker Compose support does with each connection details it derived from a running service
        Map<Class<?>, ConnectionDetails> adapted = new ConnectionDetailsFactories(getClass().getClassLoader())
                .getConnectionDetails(jdbc, false);

        assertThat(adapted).containsKey(DrizzleMigrationsConnectionDetails.class);
        DrizzleMigrationsConnectionDetails details = (DrizzleMigrationsConnectionDetails) adapted
                .get(DrizzleMigrationsConnectionDetails.class);
        assertThat(details.getUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:54321/compose");
        assertThat(details.getUsername()).isEqualTo("compose_user");
        assertThat(details.getPassword()).isEqualTo("compose_password");
        assertThat(details).hasToString("DrizzleMigrationsConnectionDetails[from "
                + jdbc.getClass().getSimpleName() + "]");
    }

    /** Details of an application's own, pointing at {@code db}. */
    private static DrizzleMigrationsConnectionDetails details(TestDatabase db) {
        return new DrizzleMigrationsConnectionDetails() {

            @Override
            public String getUrl() {
                return db.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return db.user();
            }

            @Override
            public String getPassword() {
                return db.password();
            }
        };
    }
}
