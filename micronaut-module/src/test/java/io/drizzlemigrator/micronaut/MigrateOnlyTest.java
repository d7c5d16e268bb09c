package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.appliedRows;
import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.ExitCode;
import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code drizzle.migrations.exit-after-migrate=true}: run the context without its server, migrate, exit with a code. */
class MigrateOnlyTest {

    @Test
    void isRequestedFromTheCommandLineAndOffByDefault() {
        assertThat(MigrateOnly.requested("--drizzle.migrations.exit-after-migrate=true")).isTrue();
        assertThat(MigrateOnly.requested("--drizzle.migrations.exit-after-migrate=false")).isFalse();
        assertThat(MigrateOnly.requested()).isFalse();
    }

    @Test
    void migratesAndReturnsZero() {
        try (TestDatabase db = TestDatabase.create("mn_migrate_only")) {
            assertThat(MigrateOnly.run(() -> application(db, Map.of()))).isEqualTo(ExitCode.OK.code());
            assertThat(appliedRows(db)).isEqualTo(journalEntries());
        }
    }

    @Test
    void aFailedMigrationReturnsOne() {
        try (TestDatabase db = TestDatabase.create("mn_migrate_only_failed")) {
            assertThat(MigrateOnly.run(() -> application(db,
                    Map.of("drizzle.migrations.datasources.default.location", "classpath:drizzle/failing"))))
                    .isEqualTo(ExitCode.MIGRATION_FAILED.code());
        }
    }

    @Test
    void aBadSettingReturnsTwo() {
        try (TestDatabase db = TestDatabase.create("mn_migrate_only_bad")) {
            assertThat(MigrateOnly.run(() -> application(db,
                    Map.of("drizzle.migrations.datasources.default.schema", "bad name"))))
                    .isEqualTo(ExitCode.USAGE.code());
            assertThat(appliedRows(db)).isZero();
        }
    }

    @Test
    void anApplicationThatCannotEvenBeBuiltReturnsItsCode() {
        assertThat(MigrateOnly.run(() -> {
            throw new ConfigurationException("DATABASE_URL is not set");
        })).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void aLockHeldTooLongReturnsFour() throws Exception {
        try (TestDatabase db = TestDatabase.create("mn_migrate_only_lock"); Connection holder = db.connect();
                Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(4444)");
            assertThat(MigrateOnly.run(() -> application(db, Map.of(
                    "drizzle.migrations.datasources.default.lock-key", 4444,
                    "drizzle.migrations.datasources.default.lock-timeout", "300ms"))))
                    .isEqualTo(ExitCode.LOCK_TIMEOUT.code());
            assertThat(appliedRows(db)).isZero();
        }
    }

    private static ApplicationContextBuilder application(TestDatabase db, Map<String, Object> more) {
        Map<String, Object> p = TestContexts.dataSource("default", db);
        p.put("drizzle.migrations.datasources.default.location", "classpath:" + TestContexts.FOLDER);
        p.putAll(more);
        return ApplicationContext.builder().properties(p);
    }
}
