package io.drizzlemigrator;

/**
 * The settings a message can ask a person to change, named once for every face. {@link #builderName()} is the name of
 * the {@link MigratorConfiguration.Builder} method, and the word core's messages use: a value is written
 * {@code name=VALUE} ({@code outOfOrder=APPLY}), a number or duration {@code name (now VALUE)}. A face that spells
 * settings its own way ({@code --out-of-order=apply}, {@code drizzle.migrations.out-of-order=apply}) finds the setting
 * of an error in {@link DrizzleMigratorException#setting()} and the setting of a status problem through
 * {@link Problems.Spelling}, which is given these same names.
 */
public enum Setting {
    /**
     * {@link MigratorConfiguration.Builder#dataSource(String, String, String)} (or a {@code DataSource}): the database
     * URL and credentials.
     */
    URL("dataSource"),
    /** {@link MigratorConfiguration.Builder#location(String)}: the migration folder. */
    LOCATION("location"),
    /** {@link MigratorConfiguration.Builder#schema(String)}: the bookkeeping table's schema. */
    SCHEMA("schema"),
    /** {@link MigratorConfiguration.Builder#table(String)}: the bookkeeping table. */
    TABLE("table"),
    /** {@link MigratorConfiguration.Builder#lockTimeout(java.time.Duration)}: how long to wait for the run's lock. */
    LOCK_TIMEOUT("lockTimeout"),
    /** {@link MigratorConfiguration.Builder#outOfOrder(OutOfOrderPolicy)}. */
    OUT_OF_ORDER("outOfOrder"),
    /** {@link MigratorConfiguration.Builder#editedMigrations(EditedMigrationPolicy)}. */
    EDITED_MIGRATIONS("editedMigrations"),
    /** {@link MigratorConfiguration.Builder#transactionMode(TransactionMode)}. */
    TRANSACTION_MODE("transactionMode"),
    /** {@link MigratorConfiguration.Builder#searchPath(String)}. */
    SEARCH_PATH("searchPath"),
    /** {@link MigratorConfiguration.Builder#initSql(String)}. */
    INIT_SQL("initSql"),
    /** {@link MigratorConfiguration.Builder#ddlLockTimeout(java.time.Duration)}. */
    DDL_LOCK_TIMEOUT("ddlLockTimeout"),
    /** {@link MigratorConfiguration.Builder#ddlLockRetries(int)}. */
    DDL_LOCK_RETRIES("ddlLockRetries"),
    /** {@link MigratorConfiguration.Builder#largeTableRows(long)}: the large-table guard's threshold. */
    LARGE_TABLE_ROWS("largeTableRows"),
    /** {@link MigratorConfiguration.Builder#lintMode(LintMode)}. */
    LINT_MODE("lintMode"),
    /** {@link MigratorConfiguration.Builder#terminateBlockers(boolean)}. */
    TERMINATE_BLOCKERS("terminateBlockers"),
    /** {@link MigratorConfiguration.Builder#progressInterval(java.time.Duration)}. */
    PROGRESS_INTERVAL("progressInterval"),
    /** {@link MigratorConfiguration.Builder#tenantSchemaFrom(String)}: the schema qualifier mapped to a tenant's. */
    TENANT_SCHEMA_FROM("tenantSchemaFrom"),
    /** {@link MigratorConfiguration.Builder#verifyAfterMigrate(boolean)}. */
    VERIFY_AFTER_MIGRATE("verifyAfterMigrate");

    private final String builderName;

    Setting(String builderName) {
        this.builderName = builderName;
    }

    /** The builder method's name, as core's messages write the setting: {@code largeTableRows}. */
    public String builderName() {
        return builderName;
    }

    /** The setting with this builder name; null when none has it. */
    public static Setting ofBuilderName(String name) {
        for (Setting s : values()) {
            if (s.builderName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
