package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import io.drizzlemigrator.testing.TestRole;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run says when the database refuses what the settings ask of it (a privilege, a read-only server, a bad
 * search path, an unknown host, a folder that is not the one the database was migrated from): a configuration
 * problem to fix, not a failed migration.
 */
@FreshDatabasePerTest
class DatabaseRefusalsTest {

    private static final String CREATE_A = "CREATE TABLE a (id int);";

    @TempDir
    Path dir;

    private final TestDatabase db;
    TestRole testRole;
    String role;

    DatabaseRefusalsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createRole() {
        testRole = TestRole.connectOnly(db);
        role = testRole.name();
    }

    @AfterEach
    void dropRole() {
        testRole.close();
    }

    private MigratorConfiguration.Builder asRole(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.jdbcUrl(), role, null).location(folder.toString());
    }

    private MigratorConfiguration.Builder asOwner(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString());
    }

    @Test
    void aRoleWithoutCreateOnTheDatabaseIsToldTheGrantThatCreatesTheBookkeepingSchema() {
        Path folder = TestFolder.in(dir).migration("0000_a", CREATE_A).write();

        assertThatThrownBy(() -> asRole(folder).load().migrate())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains("CREATE SCHEMA", "drizzle", "GRANT CREATE ON DATABASE \"" + db.name() + "\" TO "
                                + role, "Nothing was applied"));
    }

    @Test
    void statusWithoutUsageOnTheBookkeepingSchemaIsToldTheGrantToGive() {
        Path folder = TestFolder.in(dir).migration("0000_a", CREATE_A).write();
        asOwner(folder).load().migrate();

        assertThatThrownBy(() -> asRole(folder).load().status())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains("drizzle.__drizzle_migrations", "GRANT USAGE ON SCHEMA \"drizzle\" TO " + role,
                                "GRANT SELECT ON \"drizzle\".\"__drizzle_migrations\" TO " + role));
    }

    @Test
    void aReadOnlySessionIsNamedAsSuchAndNotAsAFailedMigration() {
        Path folder = TestFolder.in(dir).migration("0000_a", CREATE_A).write();

        assertThatThrownBy(() -> asOwner(folder).initSql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                .load().migrate())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains("read-only", "25006", "Nothing was applied"));
        assertThat(db.queryLong("select count(*) from pg_namespace where nspname = 'drizzle'")).isZero();
    }

    @Test
    void aRoleThatDefaultsToReadOnlyTransactionsIsToldSo() {
        db.execute("ALTER ROLE " + role + " SET default_transaction_read_only = on",
                "GRANT CREATE ON DATABASE \"" + db.name() + "\" TO " + role);
        Path folder = TestFolder.in(dir).migration("0000_a", CREATE_A).write();

        assertThatThrownBy(() -> asRole(folder).load().migrate())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains("read-only", "default_transaction_read_only"));
    }

    @Test
    void anInvalidSearchPathIsASettingToFix() {
        Path folder = TestFolder.in(dir).migration("0000_a", CREATE_A).write();

        assertThatThrownBy(() -> asOwner(folder).searchPath("\"unterminated").load().status())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.getMessage()).contains("searchPath", "22023");
                    assertThat(e.setting()).contains(Setting.SEARCH_PATH);
                });
    }

    @Test
    void anUnknownHostIsNamed() {
        Path folder = TestFolder.in(dir).migration("0000_a", CREATE_A).write();

        assertThatThrownBy(() -> DrizzleMigrator.configure()
                .dataSource("jdbc:postgresql://no-such-host.invalid:5432/app", "app", "s3cret")
                .location(folder.toString()).load().migrate())
                .isInstanceOfSatisfying(DatabaseConnectionException.class, e -> {
                    assertThat(e.getMessage()).contains("unknown host no-such-host.invalid").doesNotContain("s3cret");
                    assertThat(e).hasRootCauseInstanceOf(UnknownHostException.class);
                });
    }

    @Test
    void anEmptyFolderAgainstADatabaseWithHistoryIsAWrongFolder() {
        Path folder = TestFolder.in(dir.resolve("app")).migration("0000_a", CREATE_A).write();
        asOwner(folder).load().migrate();
        Path empty = TestFolder.in(dir.resolve("empty")).write();

        assertThatThrownBy(() -> asOwner(empty).load().migrate())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).contains("has no migrations but the database has 1", "location");
                    assertThat(e.setting()).contains(Setting.LOCATION);
                });
        assertThatThrownBy(() -> asOwner(empty).load().validate()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("has no migrations but the database has 1");
        assertThat(Problems.of(asOwner(empty).load().status(), asOwner(empty).load().configuration(),
                Problems.Purpose.STATUS).blocking()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has no migrations but the database has 1"));
    }
}
