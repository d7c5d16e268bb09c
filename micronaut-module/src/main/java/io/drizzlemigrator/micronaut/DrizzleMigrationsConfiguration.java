package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.LintMode;
import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.TenantStartup;
import io.drizzlemigrator.TransactionMode;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.Toggleable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrations of one named datasource: {@code drizzle.migrations.datasources.<name>.*}, where {@code <name>} is
 * the name of a Micronaut {@code DataSource} ({@code datasources.<name>}) or, with {@link #getUrl() url}, of a
 * database reached through its own connection.
 *
 * <pre>{@code
 * drizzle.migrations.datasources.default.location=classpath:drizzle/migrations
 * drizzle.migrations.datasources.default.lock-timeout=2m
 * }</pre>
 *
 * Every setting defaults to core's {@link MigratorDefaults}, and each property is the kebab-case of the
 * {@link io.drizzlemigrator.MigratorConfiguration.Builder} method it sets ({@code lockTimeout} is
 * {@code lock-timeout}), as for Spring Boot's {@code drizzle.migrations.*} and the CLI's long flags.
 * {@code enabled=false} turns off the migration when the DataSource is created;
 * {@link DrizzleMigrations#migrate(String)} still runs it on demand, and health and the endpoint still report the
 * state. {@code async=true} runs the startup migration in the background instead of while the DataSource is created.
 */
@EachProperty(DrizzleMigrationsConfiguration.PREFIX)
public class DrizzleMigrationsConfiguration implements Toggleable {

    /** Where the per-datasource settings live. */
    public static final String PREFIX = "drizzle.migrations.datasources";
    /** {@code false} turns the whole integration off (no bean, no migration, no health, no endpoint). */
    public static final String ENABLED_PROPERTY = "drizzle.migrations.enabled";
    /** Whether a configured datasource is migrated when it is created, unless configured otherwise. */
    public static final boolean DEFAULT_ENABLED = true;
    /** Whether the startup migration runs in the background, unless configured otherwise. */
    public static final boolean DEFAULT_ASYNC = false;

    private static final Logger log = LoggerFactory.getLogger(DrizzleMigrationsConfiguration.class);

    private final String name;
    private boolean enabled = DEFAULT_ENABLED;
    private boolean async = DEFAULT_ASYNC;
    private String location = MigratorDefaults.LOCATION;
    private String schema = MigratorDefaults.SCHEMA;
    private String table = MigratorDefaults.TABLE;
    private Duration lockTimeout = MigratorDefaults.LOCK_TIMEOUT;
    private Long lockKey;
    private OutOfOrderPolicy outOfOrder = MigratorDefaults.OUT_OF_ORDER;
    private EditedMigrationPolicy editedMigrations = MigratorDefaults.EDITED;
    /** Whether {@code edited-migrations} itself was set, so that the deprecated {@code edited} never overrides it. */
    private boolean editedMigrationsSet;
    private TransactionMode transactionMode = MigratorDefaults.TRANSACTION_MODE;
    private Duration ddlLockTimeout = MigratorDefaults.DDL_LOCK_TIMEOUT;
    private int ddlLockRetries = MigratorDefaults.DDL_LOCK_RETRIES;
    private boolean repairInvalidIndexes = MigratorDefaults.REPAIR_INVALID_INDEXES;

    /**
     * Whether a successful migrate runs the applied migrations' VERIFICATION QUERIES afterwards; the results show in
     * the endpoint's lastRun and the health details.
     */
    private boolean verifyAfterMigrate = MigratorDefaults.VERIFY_AFTER_MIGRATE;
    private long largeTableRows = MigratorDefaults.LARGE_TABLE_ROWS;
    private LintMode lintMode = MigratorDefaults.LINT_MODE;
    private boolean terminateBlockers = MigratorDefaults.TERMINATE_BLOCKERS;
    private Duration progressInterval = MigratorDefaults.PROGRESS_INTERVAL;
    private String searchPath;
    private String initSql;
    private String tenantSchemaFrom;
    private String url;
    private String user;
    private String password;
    private Tenants tenants = new Tenants();

    /** @param name the datasource name, the {@code <name>} of the property path */
    public DrizzleMigrationsConfiguration(@Parameter String name) {
        this.name = name;
    }

    /** The datasource name this configuration is for. */
    public String getName() {
        return name;
    }

    /** The property prefix of this configuration, for messages: {@code drizzle.migrations.datasources.<name>}. */
    public String getPropertyPrefix() {
        return PREFIX + "." + name;
    }

    /**
     * The property of one core setting, for messages: {@code lockTimeout} is
     * {@code drizzle.migrations.datasources.<name>.lock-timeout}.
     *
     * @param builderName the {@link io.drizzlemigrator.MigratorConfiguration.Builder} method's name, as
     *                    {@link io.drizzlemigrator.Setting#builderName()} gives it
     */
    public String property(String builderName) {
        return getPropertyPrefix() + "." + builderName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** Whether migrations run when the datasource is created (default {@value #DEFAULT_ENABLED}). */
    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled false to leave startup alone; {@link DrizzleMigrations#migrate(String)} still works */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Whether the startup migration runs in the background (default {@value #DEFAULT_ASYNC}), as micronaut-flyway's
     * {@code async}: the DataSource is handed out at once, before its schema is current, while readiness reports the
     * run ({@code DOWN} until it succeeded). Beans that need the schema wait for
     * {@link DrizzleMigrations#awaitStartupRun(String)} or listen for {@link MigrationFinishedEvent}; a failed run
     * is logged and keeps readiness {@code DOWN} instead of failing startup.
     */
    public boolean isAsync() {
        return async;
    }

    /** @param async true to migrate in the background while the application starts */
    public void setAsync(boolean async) {
        this.async = async;
    }

    /** The drizzle-kit folder: {@code classpath:...}, {@code filesystem:...} or a path (default {@value MigratorDefaults#LOCATION}). */
    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    /** Schema of the bookkeeping table, drizzle's {@code migrationsSchema} (default {@value MigratorDefaults#SCHEMA}). */
    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    /** Name of the bookkeeping table, drizzle's {@code migrationsTable} (default {@value MigratorDefaults#TABLE}). */
    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    /** How long to wait for another runner's advisory lock, for example {@code 2m} (default 10 minutes). */
    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /** An explicit advisory-lock key; by default it is derived from schema and table. */
    public @Nullable Long getLockKey() {
        return lockKey;
    }

    public void setLockKey(@Nullable Long lockKey) {
        this.lockKey = lockKey;
    }

    /** Migrations merged late (older than an applied one): {@code fail} (default), {@code apply} or {@code ignore}. */
    public OutOfOrderPolicy getOutOfOrder() {
        return outOfOrder;
    }

    public void setOutOfOrder(OutOfOrderPolicy outOfOrder) {
        this.outOfOrder = outOfOrder;
    }

    /**
     * Applied migrations whose file changed since: {@code warn} (default), {@code fail} or {@code ignore}
     * ({@code edited-migrations}).
     */
    public EditedMigrationPolicy getEditedMigrations() {
        return editedMigrations;
    }

    public void setEditedMigrations(EditedMigrationPolicy editedMigrations) {
        this.editedMigrations = editedMigrations;
        this.editedMigrationsSet = true;
    }

    /**
     * The former name of {@link #setEditedMigrations(EditedMigrationPolicy) edited-migrations}: still read, with a
     * warning naming the new property; {@code edited-migrations} wins when both are set.
     *
     * @deprecated use {@code edited-migrations}, the name Spring Boot's properties and the CLI's
     *             {@code --edited-migrations} use for the same setting
     */
    @Deprecated
    public void setEdited(EditedMigrationPolicy edited) {
        log.warn("{} is deprecated: use {}", getPropertyPrefix() + ".edited", property("editedMigrations"));
        if (!editedMigrationsSet) {
            this.editedMigrations = edited;
        }
    }

    /** {@code per-migration} (default) or {@code all-in-one} (drizzle's single transaction). */
    public TransactionMode getTransactionMode() {
        return transactionMode;
    }

    public void setTransactionMode(TransactionMode transactionMode) {
        this.transactionMode = transactionMode;
    }

    /**
     * {@code lock_timeout} inside each transactional migration (default 5 s), so that a DDL statement waiting for its
     * lock gives up (and the migration is retried) instead of queueing the application's queries; {@code 0s} leaves
     * the session's setting.
     */
    public Duration getDdlLockTimeout() {
        return ddlLockTimeout;
    }

    public void setDdlLockTimeout(Duration ddlLockTimeout) {
        this.ddlLockTimeout = ddlLockTimeout;
    }

    /** How many times a transactional migration is retried, with backoff, after a DDL lock timeout (default 5). */
    public int getDdlLockRetries() {
        return ddlLockRetries;
    }

    public void setDdlLockRetries(int ddlLockRetries) {
        this.ddlLockRetries = ddlLockRetries;
    }

    /**
     * Whether an INVALID index left by an earlier failed {@code CREATE INDEX CONCURRENTLY} is dropped before the
     * build runs again (default true).
     */
    public boolean isRepairInvalidIndexes() {
        return repairInvalidIndexes;
    }

    public void setRepairInvalidIndexes(boolean repairInvalidIndexes) {
        this.repairInvalidIndexes = repairInvalidIndexes;
    }

    public boolean isVerifyAfterMigrate() {
        return verifyAfterMigrate;
    }

    public void setVerifyAfterMigrate(boolean verifyAfterMigrate) {
        this.verifyAfterMigrate = verifyAfterMigrate;
    }

    /**
     * Before retrying a migration that hit {@code ddl-lock-timeout}, terminate ({@code pg_terminate_backend}) the
     * sessions seen blocking it that are still in the same transaction (default false). Their transactions roll back
     * and their clients lose the connection; each termination is logged at WARN.
     */
    public boolean isTerminateBlockers() {
        return terminateBlockers;
    }

    public void setTerminateBlockers(boolean terminateBlockers) {
        this.terminateBlockers = terminateBlockers;
    }

    /**
     * How often the progress of a running {@code CREATE INDEX [CONCURRENTLY]}, {@code REINDEX}, {@code VACUUM} or
     * {@code CLUSTER} is read, logged and shown in the health details and the progress gauge (default 10s).
     */
    public Duration getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    /**
     * A plain (not concurrent) {@code CREATE INDEX} on an existing table with more estimated rows than this is refused
     * (default 10000); 0 turns the check off.
     */
    public long getLargeTableRows() {
        return largeTableRows;
    }

    public void setLargeTableRows(long largeTableRows) {
        this.largeTableRows = largeTableRows;
    }

    /**
     * Lint the migrations a run is about to apply: {@code warn} logs the findings (default), {@code fail} also refuses
     * to migrate when an error-level rule fires, {@code off} skips it.
     */
    public LintMode getLintMode() {
        return lintMode;
    }

    public void setLintMode(LintMode lintMode) {
        this.lintMode = lintMode;
    }

    /**
     * Map this schema's qualifiers in the migrations ({@code "public"."users"}) to the bookkeeping schema, a
     * tenant's: identifiers only, never strings, comments or dollar-quoted bodies. By default nothing is mapped.
     */
    public @Nullable String getTenantSchemaFrom() {
        return tenantSchemaFrom;
    }

    public void setTenantSchemaFrom(@Nullable String tenantSchemaFrom) {
        this.tenantSchemaFrom = tenantSchemaFrom;
    }

    /** A {@code search_path} set on the migration session first, for example {@code app,public}. */
    public @Nullable String getSearchPath() {
        return searchPath;
    }

    public void setSearchPath(@Nullable String searchPath) {
        this.searchPath = searchPath;
    }

    /** SQL run on the migration session before anything else, for example {@code SET ROLE migrator}. */
    public @Nullable String getInitSql() {
        return initSql;
    }

    public void setInitSql(@Nullable String initSql) {
        this.initSql = initSql;
    }

    /**
     * A dedicated database URL for migrations ({@code postgresql://user:pass@host:5432/db} as drizzle takes it, or
     * {@code jdbc:postgresql://...}), for example to migrate as a DDL-privileged role while the application's pool
     * uses a restricted one. The migration opens and closes its own connection.
     */
    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    /** The user for {@link #getUrl() url} (default: the one in the URL). */
    public @Nullable String getUser() {
        return user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    /** Same as {@link #setUser(String)}, for those used to Micronaut's {@code username}. */
    public void setUsername(@Nullable String username) {
        this.user = username;
    }

    /** Whether a password is set for {@link #getUrl() url}; the password itself is never exposed by a getter. */
    public boolean hasPassword() {
        return password != null;
    }

    /** The password for {@link #getUrl() url} (default: the one in the URL). */
    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    String password() {
        return password;
    }

    /** Whether migrations use their own connection from {@link #getUrl() url} instead of the datasource. */
    public boolean hasDedicatedUrl() {
        return url != null && !url.isBlank();
    }

    /** Schema-per-tenant: {@code drizzle.migrations.datasources.<name>.tenants.*}. */
    public Tenants getTenants() {
        return tenants;
    }

    public void setTenants(Tenants tenants) {
        this.tenants = tenants;
    }

    /**
     * Schema-per-tenant, under {@code drizzle.migrations.datasources.<name>.tenants.*}, with the same settings and
     * meaning as Spring Boot's {@code drizzle.migrations.tenants.*}: at startup, migrate every tenant schema (or only
     * a canary, leaving the rest to a Job running the CLI's {@code fanout}) with this datasource's folder and
     * settings, each tenant's bookkeeping in its own schema. Active when {@code schemas} or {@code query} is set. See
     * docs/multi-tenant.md.
     */
    @ConfigurationProperties(Tenants.PREFIX)
    public static class Tenants {

        /** The prefix under a datasource's settings. */
        public static final String PREFIX = "tenants";

        private List<String> schemas = new ArrayList<>();
        private String query;
        private TenantStartup startup = TenantStartup.ALL;
        private String canary;
        private int parallelism = MigratorDefaults.FAN_OUT_PARALLELISM;
        private boolean failFast;
        private boolean createSchemas;

        /** Whether tenants are configured: {@code schemas} or {@code query} set. */
        public boolean isConfigured() {
            return !schemas.isEmpty() || query != null && !query.isBlank();
        }

        /** The tenant schemas, for example {@code acme,globex}. */
        public List<String> getSchemas() {
            return schemas;
        }

        public void setSchemas(List<String> schemas) {
            this.schemas = schemas == null ? new ArrayList<>() : schemas;
        }

        /**
         * A query against the migration database whose first column lists the tenant schemas, for example
         * {@code select schema_name from tenants where active}. A query that fails or returns no rows fails startup.
         */
        public @Nullable String getQuery() {
            return query;
        }

        public void setQuery(@Nullable String query) {
            this.query = query;
        }

        /** {@code all} (default) migrates every tenant at startup; {@code canary} the canary only, the rest left to a Job. */
        public TenantStartup getStartup() {
            return startup;
        }

        public void setStartup(TenantStartup startup) {
            this.startup = startup;
        }

        /** The tenant migrated first (alone); when it fails, startup fails and no other tenant is migrated. */
        public @Nullable String getCanary() {
            return canary;
        }

        public void setCanary(@Nullable String canary) {
            this.canary = canary;
        }

        /** How many tenants migrate at once (default {@value MigratorDefaults#FAN_OUT_PARALLELISM}). */
        public int getParallelism() {
            return parallelism;
        }

        public void setParallelism(int parallelism) {
            this.parallelism = parallelism;
        }

        /** Stop starting tenants once one failed (default false). */
        public boolean isFailFast() {
            return failFast;
        }

        public void setFailFast(boolean failFast) {
            this.failFast = failFast;
        }

        /** Create a tenant schema that does not exist (default false: such a tenant is reported as failed). */
        public boolean isCreateSchemas() {
            return createSchemas;
        }

        public void setCreateSchemas(boolean createSchemas) {
            this.createSchemas = createSchemas;
        }
    }

    @Override
    public String toString() {
        return "DrizzleMigrationsConfiguration[" + name + ", enabled=" + enabled + ", location=" + location
                + ", table=" + schema + "." + table + (hasDedicatedUrl() ? ", dedicated url" : "") + "]";
    }
}
