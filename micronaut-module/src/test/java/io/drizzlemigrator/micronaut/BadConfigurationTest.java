package io.drizzlemigrator.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.PostgresExtension;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class BadConfigurationTest {

    private static final String DEFAULT = "drizzle.migrations.datasources.default";

    @Test
    void failsStartupNamingThePropertyOfAnInvalidSchema(TestDatabase db) {
        assertThatThrownBy(() -> TestContexts.run(db, DEFAULT + ".schema", "drizzle; drop table x").close())
                .satisfies(e -> assertThat(cause(e, ConfigurationException.class))
                        .hasMessageStartingWith(DEFAULT + ": ")
                        .hasMessageContaining("schema"));
        assertThat(db.relationExists("tasks")).isFalse();
    }

    @Test
    void failsStartupWhenAUserIsGivenWithoutAUrl(TestDatabase db) {
        assertThatThrownBy(() -> TestContexts.run(db, DEFAULT + ".user", "migrator").close())
                .satisfies(e -> assertThat(cause(e, ConfigurationException.class))
                        .hasMessageContaining(DEFAULT + ".user")
                        .hasMessageContaining(DEFAULT + ".url"));
    }

    @Test
    void failsStartupWhenNoDataSourceHasTheConfiguredName(TestDatabase db) {
        assertThatThrownBy(() -> TestContexts.run(db,
                "drizzle.migrations.datasources.reports.enabled", true).close())
                .satisfies(e -> assertThat(cause(e, ConfigurationException.class))
                        .hasMessageContaining("no DataSource named 'reports'")
                        .hasMessageContaining("drizzle.migrations.datasources.reports.url"));
    }

    @Test
    void failsStartupWhenTheFolderIsMissing(TestDatabase db) {
        assertThatThrownBy(() -> TestContexts.run(db, DEFAULT + ".location", "classpath:no/such/folder").close())
                .satisfies(e -> assertThat(cause(e, MigrationSourceException.class))
                        .hasMessageContaining("no/such/folder"));
        assertThat(db.relationExists("tasks")).isFalse();
    }

    @Test
    void failsStartupOnAPolicyValueThatDoesNotExist(TestDatabase db) {
        assertThatThrownBy(() -> TestContexts.run(db, DEFAULT + ".out-of-order", "sometimes").close())
                .hasStackTraceContaining("out-of-order")
                .hasStackTraceContaining("sometimes");
    }

    @Test
    void neverShowsTheUrlPasswordWhenTheDatabaseCannotBeReached() {
        String password = "s3cret-Pa55";
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(DEFAULT + ".url",
                "postgresql://app:" + password + "@127.0.0.1:1/app")).close())
                .satisfies(e -> assertThat(cause(e, DatabaseConnectionException.class))
                        .hasMessageContaining("127.0.0.1:1"))
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(password));
    }

    @Test
    void refusesToMigrateADatasourceThatIsNotConfigured(TestDatabase db) {
        try (ApplicationContext ctx = TestContexts.run(db, DEFAULT + ".enabled", false)) {
            assertThatThrownBy(() -> ctx.getBean(DrizzleMigrations.class).migrate("reports"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'reports'")
                    .hasMessageContaining("[default]");
        }
    }

    private static <T extends DrizzleMigratorException> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + e, e);
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
