package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.LintMode;
import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.TransactionMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the startup migration, under {@code drizzle.migrations.*}. One property per setting of
 * {@link io.drizzlemigrator.MigratorConfiguration.Builder}, with the same defaults ({@link MigratorDefaults}).
 */
@ConfigurationProperties(prefix = DrizzleMigrationsProperties.PREFIX)
public class DrizzleMigrationsProperties {

    /** The prefix of every property of this class. */
    public static final String PREFIX = "drizzle.migrations";

    /** Whether to configure drizzle-migrator and apply pending migrations at startup. */
    private boolean enabled = true;

    /**
     * Migrate-only mode, for an init container or a Job running the service's own image: start the application
     * without a web server, apply the migrations, and exit with drizzle-migrator's exit codes (0 up to date or applied,
     * 1 a migration failed, 2 configuration, connection or folder, 3 problems found, 4 lock timeout).
     */
    private boolean exitAfterMigrate;

    /**
     * The drizzle-kit migration folder (its "out" folder, holding meta/_journal.json or drizzle-kit 1.0's
     * timestamped folders): "classpath:drizzle/migrations", "filesystem:/path", "file:/path" or a plain path.
     */
    private String location = MigratorDefaults.LOCATION;

    /** Schema of the bookkeeping table (drizzle's migrationsSchema). */
    private String schema = MigratorDefaults.SCHEMA;

    /** Name of the bookkeeping table (drizzle's migrationsTable). */
    private String table = MigratorDefaults.TABLE;

    /** How long to wait for the migration lock held by another runner (another replica) before failing. */
    private Duration lockTimeout = MigratorDefaults.LOCK_TIMEOUT;

    /** An explicit advisory-lock key. By default it is derived from the schema and table. */
    private Long lockKey;

    /**
     * What to do with a migration merged late: not applied although a newer one is. "fail" refuses to start, "apply"
     * applies it, "ignore" leaves it unapplied as drizzle's migrator does.
     */
    private OutOfOrderPolicy outOfOrder = MigratorDefaults.OUT_OF_ORDER;

    /** What to do when an applied migration's file was edited afterwards: "warn", "fail" or "ignore". */
    private EditedMigrationPolicy editedMigrations = MigratorDefaults.EDITED;

    /**
     * "per-migration": each migration in its own transaction (non-transactional statements such as CREATE INDEX
     * CONCURRENTLY outside one); "all-in-one": every pending migration in one transaction, like drizzle's migrator.
     */
    private TransactionMode transactionMode = MigratorDefaults.TRANSACTION_MODE;

    /**
     * lock_timeout set inside each transactional migration: a DDL statement that cannot get its lock in time gives up
     * (and the migration is retried) instead of queueing every query of the application behind it. 0 leaves the
     * session's setting.
     */
    private Duration ddlLockTimeout = MigratorDefaults.DDL_LOCK_TIMEOUT;

    /** How many times a transactional migration is retried, with backoff, after hitting the DDL lock timeout. */
    private int ddlLockRetries = MigratorDefaults.DDL_LOCK_RETRIES;

    /**
     * Whether an INVALID index left by an earlier failed CREATE INDEX CONCURRENTLY is dropped (concurrently) before
     * the build runs again.
     */
    private boolean repairInvalidIndexes = MigratorDefaults.REPAIR_INVALID_INDEXES;

    /**
     * Whether a successful migrate runs the applied migrations' VERIFICATION QUERIES afterwards; the results show in
     * the endpoint's lastRun and the health details.
     */
    private boolean verifyAfterMigrate = MigratorDefaults.VERIFY_AFTER_MIGRATE;

    /**
     * Refuse a plain (non-concurrent) CREATE INDEX on an existing table whose estimated row count exceeds this, before
     * it takes a lock. 0 turns the check off.
     */
    private long largeTableRows = MigratorDefaults.LARGE_TABLE_ROWS;

    /**
     * Before retrying a migration that hit ddl-lock-timeout, terminate (pg_terminate_backend) the sessions seen
     * blocking it that are still in the same transaction. Their transactions roll back and their clients lose the
     * connection; each termination is logged at WARN.
     */
    private boolean terminateBlockers = MigratorDefaults.TERMINATE_BLOCKERS;

    /**
     * How often the progress of a running CREATE INDEX [CONCURRENTLY], REINDEX, VACUUM or CLUSTER is read from a second
     * connection, logged and shown in the health details and the drizzle.migrations.progress gauge.
     */
    private Duration progressInterval = MigratorDefaults.PROGRESS_INTERVAL;

    /**
     * Lint the migrations a run is about to apply: "warn" logs the findings, "fail" also refuses to migrate when an
     * error-level rule fires, "off" skips it. Rule settings come from drizzle-lint.json in the migrations folder.
     */
    private LintMode lintMode = MigratorDefaults.LINT_MODE;

    /** A search_path for the migration session, for example "app,public". By default the role's. */
    private String searchPath;

    /** SQL run on the migration session before anything else, for example "SET ROLE app_owner". */
    private String initSql;

    /**
     * Map this schema's qualifiers in the migrations ("public"."users") to the bookkeeping schema, a tenant's:
     * identifiers only, never strings, comments or dollar-quoted bodies. By default nothing is mapped.
     */
    private String tenantSchemaFrom;

    /**
     * JDBC ("jdbc:postgresql://host:5432/db") or drizzle-style ("postgresql://user:password@host:5432/db") URL of a
     * dedicated migration connection, typically a role with DDL privileges while the application's DataSource uses
     * a restricted one. One connection is opened for a run and closed after it. By default the application's
     * DataSource is used.
     */
    private String url;

    /**
     * User of the migration connection. With "url", the user of that URL; without it, a connection to the
     * application's database as this user.
     */
    private String user;

    /** Password of the migration connection (see "user"). */
    private String password;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isExitAfterMigrate() {
        return exitAfterMigrate;
    }

    public void setExitAfterMigrate(boolean exitAfterMigrate) {
        this.exitAfterMigrate = exitAfterMigrate;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Long getLockKey() {
        return lockKey;
    }

    public void setLockKey(Long lockKey) {
        this.lockKey = lockKey;
    }

    public OutOfOrderPolicy getOutOfOrder() {
        return outOfOrder;
    }

    public void setOutOfOrder(OutOfOrderPolicy outOfOrder) {
        this.outOfOrder = outOfOrder;
    }

    public EditedMigrationPolicy getEditedMigrations() {
        return editedMigrations;
    }

    public void setEditedMigrations(EditedMigrationPolicy editedMigrations) {
        this.editedMigrations = editedMigrations;
    }

    public TransactionMode getTransactionMode() {
        return transactionMode;
    }

    public void setTransactionMode(TransactionMode transactionMode) {
        this.transactionMode = transactionMode;
    }

    public Duration getDdlLockTimeout() {
        return ddlLockTimeout;
    }

    public void setDdlLockTimeout(Duration ddlLockTimeout) {
        this.ddlLockTimeout = ddlLockTimeout;
    }

    public int getDdlLockRetries() {
        return ddlLockRetries;
    }

    public void setDdlLockRetries(int ddlLockRetries) {
        this.ddlLockRetries = ddlLockRetries;
    }

    public boolean isRepairInvalidIndexes() {
        return repairInvalidIndexes;
    }

    public void setRepairInvalidIndexes(boolean repairInvalidIndexes) {
        this.repairInvalidIndexes = repairInvalidIndexes;
    }

    public boolean isTerminateBlockers() {
        return terminateBlockers;
    }

    public void setTerminateBlockers(boolean terminateBlockers) {
        this.terminateBlockers = terminateBlockers;
    }

    public Duration getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    public boolean isVerifyAfterMigrate() {
        return verifyAfterMigrate;
    }

    public void setVerifyAfterMigrate(boolean verifyAfterMigrate) {
        this.verifyAfterMigrate = verifyAfterMigrate;
    }

    public LintMode getLintMode() {
        return lintMode;
    }

    public void setLintMode(LintMode lintMode) {
        this.lintMode = lintMode;
    }

    public long getLargeTableRows() {
        return largeTableRows;
    }

    public void setLargeTableRows(long largeTableRows) {
        this.largeTableRows = largeTableRows;
    }

    public String getTenantSchemaFrom() {
        return tenantSchemaFrom;
    }

    public void setTenantSchemaFrom(String tenantSchemaFrom) {
        this.tenantSchemaFrom = tenantSchemaFrom;
    }

    public String getSearchPath() {
        return searchPath;
    }

    public void setSearchPath(String searchPath) {
        this.searchPath = searchPath;
    }

    public String getInitSql() {
        return initSql;
    }

    public void setInitSql(String initSql) {
        this.initSql = initSql;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Never shows the URL (a drizzle-style URL may hold a password) or the password. */
    @Override
    public String toString() {
        return "DrizzleMigrationsProperties[location=" + location + ", table=" + schema + "." + table
                + ", url=" + (url == null ? "none" : "set") + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + "]";
    }
}
