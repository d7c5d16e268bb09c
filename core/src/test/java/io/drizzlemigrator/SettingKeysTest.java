package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors that ask for a setting to change carry its key, so that each face can name it as its users write it; the
 * keys are the builder's own names.
 */
@FreshDatabasePerTest
class SettingKeysTest {

    @TempDir
    Path dir;

    private final TestDatabase db;

    private MigratorConfiguration.Builder configure(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString());
    }

    SettingKeysTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void everySettingIsNamedAsTheBuilderNamesIt() {
        Set<String> builder = Arrays.stream(MigratorConfiguration.Builder.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet());

        for (Setting s : Setting.values()) {
            assertThat(builder).as(s.name()).contains(s.builderName());
            assertThat(Setting.ofBuilderName(s.builderName())).isEqualTo(s);
        }
    }

    @Test
    void invalidSettingsNameTheirKey() {
        assertThatThrownBy(() -> configure(dir).lockTimeout(Duration.ofSeconds(-1)).load())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.setting()).contains(Setting.LOCK_TIMEOUT));
        assertThatThrownBy(() -> configure(dir).schema("no such").load())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.setting()).contains(Setting.SCHEMA));
        assertThatThrownBy(() -> configure(dir).largeTableRows(-1).load())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.setting()).contains(Setting.LARGE_TABLE_ROWS));
    }

    @Test
    void refusalsOfARunNameTheSettingThatWouldAllowThem() {
        Path folder = TestFolder.in(dir.resolve("f")).migration("0000_a", 1_000, "CREATE TABLE a (id int);")
                .migration("0002_c", 3_000, "CREATE TABLE c (id int);").write();
        configure(folder).load().migrate();
        Path merged = TestFolder.in(dir.resolve("m")).migration("0000_a", 1_000, "CREATE TABLE a (id int);")
                .migration("0001_b", 2_000, "CREATE TABLE b (id int);")
                .migration("0002_c", 3_000, "CREATE TABLE c (id int);").write();

        assertThatThrownBy(() -> configure(merged).load().migrate())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.setting()).contains(Setting.OUT_OF_ORDER));

        Path concurrent = TestFolder.in(dir.resolve("c")).migration("0000_i",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_id ON a (id);").write();
        assertThatThrownBy(() -> configure(concurrent).transactionMode(TransactionMode.ALL_IN_ONE).load().migrate())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.setting()).contains(Setting.TRANSACTION_MODE);
                    assertThat(e.getMessage()).contains("transactionMode=PER_MIGRATION");
                });
    }

    @Test
    void aLockTimeoutNamesTheSetting() throws Exception {
        Path folder = TestFolder.in(dir).migration("0000_a", "CREATE TABLE a (id int);").write();
        DrizzleMigrator migrator = configure(folder).lockTimeout(Duration.ofMillis(200)).load();
        long key = migrator.configuration().lockKey().isPresent() ? migrator.configuration().lockKey().getAsLong()
                : io.drizzlemigrator.internal.lock.AdvisoryLock.deriveKey("drizzle", "__drizzle_migrations");
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(" + key + ")");

            assertThatThrownBy(migrator::migrate).isInstanceOfSatisfying(LockTimeoutException.class,
                    e -> assertThat(e.setting()).contains(Setting.LOCK_TIMEOUT));
        }
    }
}
