package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The configuration as built: its defaults, a builder that can build again, and copies that keep every setting. */
class MigratorConfigurationTest {

    private static final String URL_WITH_CREDENTIALS = "postgresql://deployer:s3cret@db.example:6543/app";

    @Test
    void aConfigurationWithNothingSetHoldsEveryDefaultOfMigratorDefaults() {
        MigratorConfiguration c = DrizzleMigrator.configure().dataSource("postgresql://localhost:5432/app", null, null)
                .build();

        assertThat(c.location()).isEqualTo(MigratorDefaults.LOCATION);
        assertThat(c.schema()).isEqualTo(MigratorDefaults.SCHEMA);
        assertThat(c.table()).isEqualTo(MigratorDefaults.TABLE);
        assertThat(c.lockTimeout()).isEqualTo(MigratorDefaults.LOCK_TIMEOUT);
        assertThat(c.lockKey()).isEmpty();
        assertThat(c.outOfOrder()).isEqualTo(MigratorDefaults.OUT_OF_ORDER);
        assertThat(c.editedMigrations()).isEqualTo(MigratorDefaults.EDITED);
        assertThat(c.transactionMode()).isEqualTo(MigratorDefaults.TRANSACTION_MODE);
        assertThat(c.ddlLockTimeout()).isEqualTo(MigratorDefaults.DDL_LOCK_TIMEOUT);
        assertThat(c.ddlLockRetries()).isEqualTo(MigratorDefaults.DDL_LOCK_RETRIES);
        assertThat(c.repairInvalidIndexes()).isEqualTo(MigratorDefaults.REPAIR_INVALID_INDEXES);
        assertThat(c.verifyAfterMigrate()).isEqualTo(MigratorDefaults.VERIFY_AFTER_MIGRATE);
        assertThat(c.largeTableRows()).isEqualTo(MigratorDefaults.LARGE_TABLE_ROWS);
        assertThat(c.lintMode()).isEqualTo(MigratorDefaults.LINT_MODE);
        assertThat(c.terminateBlockers()).isEqualTo(MigratorDefaults.TERMINATE_BLOCKERS);
        assertThat(c.progressInterval()).isEqualTo(MigratorDefaults.PROGRESS_INTERVAL);
        assertThat(c.searchPath()).isEmpty();
        assertThat(c.initSql()).isEmpty();
        assertThat(c.listeners()).isEmpty();
    }

    @Test
    void buildingLeavesTheBuilderAsItWas() {
        MigratorConfiguration.Builder builder = DrizzleMigrator.configure().dataSource(URL_WITH_CREDENTIALS, null, null);
        Map<String, Object> before = fields(builder);

        MigratorConfiguration built = builder.build();

        assertThat(fields(builder)).isEqualTo(before);
        assertThat(built.url()).contains("jdbc:postgresql://db.example:6543/app");
        assertThat(built.user()).contains("deployer");
        assertThat(built.hasPassword()).isTrue();
    }

    @Test
    void aBuilderChangedAfterBuildingBuildsAgainAndLeavesTheFirstConfigurationAlone() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader later = new URLClassLoader(new URL[0], original)) {
            MigrationListener listener = event -> { };
            MigratorConfiguration.Builder builder = DrizzleMigrator.configure()
                    .dataSource(URL_WITH_CREDENTIALS, null, null);
            MigratorConfiguration first = builder.build();

            thread.setContextClassLoader(later);
            MigratorConfiguration second = builder.schema("ops").lockTimeout(Duration.ofSeconds(30))
                    .listener(listener).build();

            assertThat(first.schema()).isEqualTo(MigratorDefaults.SCHEMA);
            assertThat(first.lockTimeout()).isEqualTo(MigratorDefaults.LOCK_TIMEOUT);
            assertThat(first.listeners()).isEmpty();
            assertThat(first.classLoader()).isSameAs(original);
            assertThat(second.schema()).isEqualTo("ops");
            assertThat(second.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(second.listeners()).containsExactly(listener);
            assertThat(second.classLoader()).as("the context class loader of the second build").isSameAs(later);
            assertThat(second.url()).isEqualTo(first.url());
            assertThat(second.user()).isEqualTo(first.user());
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void toBuilderCopiesEverySettingOfTheConfiguration() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            MigratorConfiguration viaUrl = everySettingChanged(loader).dataSource(URL_WITH_CREDENTIALS, null, null)
                    .build();
            MigratorConfiguration viaDataSource = everySettingChanged(loader).dataSource(new PGSimpleDataSource())
                    .build();
            Map<String, Object> defaults = fields(DrizzleMigrator.configure()
                    .dataSource("postgresql://localhost:5432/app", null, null).build());

            for (Map.Entry<String, Object> field : defaults.entrySet()) {
                String name = field.getKey();
                assertThat(Arrays.asList(fields(viaUrl).get(name), fields(viaDataSource).get(name)))
                        .as("MigratorConfiguration.%s keeps its default in this test: set it in everySettingChanged()"
                                + " so that toBuilder() is checked to copy it", name)
                        .anyMatch(value -> !Objects.equals(value, field.getValue()));
            }
            for (MigratorConfiguration original : List.of(viaUrl, viaDataSource)) {
                Map<String, Object> copied = fields(original.toBuilder().build());
                fields(original).forEach((name, value) ->
                        assertThat(copied.get(name)).as("%s after toBuilder().build()", name).isEqualTo(value));
            }
        }
    }

    /** A setting other than the default for everything but the target (a DataSource or a URL). */
    @Test
    void aProgressIntervalOfZeroIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> DrizzleMigrator.configure().dataSource("postgresql://localhost:5432/app", null, null)
                .progressInterval(Duration.ZERO).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.setting()).contains(Setting.PROGRESS_INTERVAL);
                    assertThat(e.getMessage()).isEqualTo("progressInterval must be positive, was PT0S");
                });
    }

    private static MigratorConfiguration.Builder everySettingChanged(ClassLoader loader) {
        return DrizzleMigrator.configure()
                .location("filesystem:/srv/app/drizzle")
                .classLoader(loader)
                .schema("ops")
                .table("history")
                .lockTimeout(Duration.ofSeconds(42))
                .lockKey(4242L)
                .outOfOrder(OutOfOrderPolicy.APPLY)
                .editedMigrations(EditedMigrationPolicy.FAIL)
                .transactionMode(TransactionMode.ALL_IN_ONE)
                .searchPath("app,public")
                .tenantSchemaFrom("public")
                .initSql("SET application_name = 'deploy'")
                .listener(event -> { })
                .ddlLockTimeout(Duration.ofSeconds(7))
                .ddlLockRetries(9)
                .repairInvalidIndexes(!MigratorDefaults.REPAIR_INVALID_INDEXES)
                .verifyAfterMigrate(!MigratorDefaults.VERIFY_AFTER_MIGRATE)
                .largeTableRows(77)
                .lintMode(LintMode.FAIL)
                .terminateBlockers(!MigratorDefaults.TERMINATE_BLOCKERS)
                .progressInterval(Duration.ofSeconds(3));
    }

    /** Every instance field of {@code o} by name, read by reflection (lists copied, so later changes show). */
    private static Map<String, Object> fields(Object o) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            try {
                Object value = f.get(o);
                values.put(f.getName(), value instanceof List<?> list ? new ArrayList<>(list) : value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }
}
