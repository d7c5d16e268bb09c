package io.drizzlemigrator.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.TransactionMode;
import io.drizzlemigrator.testing.LogCapture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConfigurationPropertiesTest {

    private static final String P = "drizzle.migrations.datasources.default.";

    @Test
    void defaultValuesAreCoresDefaults() {
        MigratorConfiguration core = DrizzleMigrator.configure().dataSource("postgresql://localhost/x", null, null)
                .build();
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(P + "enabled", false))) {
            DrizzleMigrationsConfiguration bound = ctx.getBean(DrizzleMigrationsConfiguration.class,
                    Qualifiers.byName("default"));
            for (DrizzleMigrationsConfiguration c : new DrizzleMigrationsConfiguration[] {bound,
                    new DrizzleMigrationsConfiguration("fresh")}) {
                assertThat(c.getLocation()).isEqualTo(core.location());
                assertThat(c.getSchema()).isEqualTo(core.schema());
                assertThat(c.getTable()).isEqualTo(core.table());
                assertThat(c.getLockTimeout()).isEqualTo(core.lockTimeout());
                assertThat(c.getLockKey()).isNull();
                assertThat(core.lockKey()).isEmpty();
                assertThat(c.getOutOfOrder()).isEqualTo(core.outOfOrder());
                assertThat(c.getEditedMigrations()).isEqualTo(core.editedMigrations());
                assertThat(c.getTransactionMode()).isEqualTo(core.transactionMode());
                assertThat(c.getDdlLockTimeout()).isEqualTo(core.ddlLockTimeout());
                assertThat(c.getDdlLockRetries()).isEqualTo(core.ddlLockRetries());
                assertThat(c.isRepairInvalidIndexes()).isEqualTo(core.repairInvalidIndexes());
                assertThat(c.isVerifyAfterMigrate()).isEqualTo(core.verifyAfterMigrate());
                assertThat(c.getLargeTableRows()).isEqualTo(core.largeTableRows());
                assertThat(c.getLintMode()).isEqualTo(core.lintMode());
                assertThat(c.isTerminateBlockers()).isEqualTo(core.terminateBlockers());
                assertThat(c.getProgressInterval()).isEqualTo(core.progressInterval());
                assertThat(c.getSearchPath()).isEqualTo(core.searchPath().orElse(null));
                assertThat(c.getInitSql()).isEqualTo(core.initSql().orElse(null));
            }
            assertThat(new DrizzleMigrationsConfiguration("fresh").isEnabled()).isTrue();
        }
    }

    @Test
    void bindsEverySettingFromKebabCasePropertiesIntoTheCoreConfiguration() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.ofEntries(
                Map.entry(P + "enabled", false),
                Map.entry(P + "location", "classpath:db/drizzle"),
                Map.entry(P + "schema", "ops"),
                Map.entry(P + "table", "history"),
                Map.entry(P + "lock-timeout", "90s"),
                Map.entry(P + "lock-key", "42"),
                Map.entry(P + "out-of-order", "apply"),
                Map.entry(P + "edited-migrations", "fail"),
                Map.entry(P + "transaction-mode", "all-in-one"),
                Map.entry(P + "ddl-lock-timeout", "750ms"),
                Map.entry(P + "ddl-lock-retries", "2"),
                Map.entry(P + "repair-invalid-indexes", "false"),
                Map.entry(P + "verify-after-migrate", "true"),
                Map.entry(P + "large-table-rows", "0"),
                Map.entry(P + "terminate-blockers", "true"),
                Map.entry(P + "progress-interval", "2s"),
                Map.entry(P + "search-path", "app,public"),
                Map.entry(P + "init-sql", "SET ROLE migrator"),
                Map.entry(P + "tenant-schema-from", "public"),
                Map.entry(P + "url", "postgresql://app:pa55word@db.example:5433/app"),
                Map.entry(P + "username", "owner")))) {
            DrizzleMigrations migrations = ctx.getBean(DrizzleMigrations.class);
            MigratorConfiguration c = migrations.migrator("default").configuration();

            assertThat(c.location()).isEqualTo("classpath:db/drizzle");
            assertThat(c.schema()).isEqualTo("ops");
            assertThat(c.table()).isEqualTo("history");
            assertThat(c.lockTimeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(c.lockKey()).hasValue(42);
            assertThat(c.outOfOrder()).isEqualTo(OutOfOrderPolicy.APPLY);
            assertThat(c.editedMigrations()).isEqualTo(EditedMigrationPolicy.FAIL);
            assertThat(c.transactionMode()).isEqualTo(TransactionMode.ALL_IN_ONE);
            assertThat(c.tenantSchemaFrom()).hasValue("public");
            assertThat(c.ddlLockTimeout()).isEqualTo(Duration.ofMillis(750));
            assertThat(c.ddlLockRetries()).isEqualTo(2);
            assertThat(c.repairInvalidIndexes()).isFalse();
            assertThat(c.verifyAfterMigrate()).isTrue();
            assertThat(c.largeTableRows()).isZero();
            assertThat(c.terminateBlockers()).isTrue();
            assertThat(c.progressInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(c.searchPath()).hasValue("app,public");
            assertThat(c.initSql()).hasValue("SET ROLE migrator");
            assertThat(c.url()).hasValue("jdbc:postgresql://db.example:5433/app");
            assertThat(c.user()).hasValue("owner");
            assertThat(c.hasPassword()).isTrue();
            assertThat(c.dataSource()).isEmpty();
            assertThat(migrations.configuration("default").orElseThrow().toString()).doesNotContain("pa55word");
        }
    }

    @Test
    void theFormerNameEditedStillWorksAndWarnsWithTheNewPropertysName() {
        AtomicReference<EditedMigrationPolicy> bound = new AtomicReference<>();
        String logged = LogCapture.during(() -> {
            try (ApplicationContext ctx = ApplicationContext.run(Map.of(P + "enabled", false, P + "edited", "fail"))) {
                bound.set(ctx.getBean(DrizzleMigrationsConfiguration.class, Qualifiers.byName("default"))
                        .getEditedMigrations());
            }
        });

        assertThat(bound).hasValue(EditedMigrationPolicy.FAIL);
        assertThat(logged).contains("WARN").contains(P + "edited is deprecated: use " + P + "edited-migrations");
    }

    @Test
    void theNewNameWinsOverTheFormerOneWhenBothAreSet() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(P + "enabled", false,
                P + "edited", "fail", P + "edited-migrations", "ignore"))) {
            assertThat(ctx.getBean(DrizzleMigrationsConfiguration.class, Qualifiers.byName("default"))
                    .getEditedMigrations()).isEqualTo(EditedMigrationPolicy.IGNORE);
        }
    }
}
