package io.drizzlemigrator;

import io.drizzlemigrator.internal.jdbc.Identifiers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The immutable settings of a {@link DrizzleMigrator}. Built with {@link DrizzleMigrator#configure()}; validated by
 * {@link Builder#load()}.
 */
public final class MigratorConfiguration {

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final String location;
    private final ClassLoader classLoader;
    private final String schema;
    private final String table;
    private final Duration lockTimeout;
    private final Long lockKey;
    private final OutOfOrderPolicy outOfOrder;
    private final EditedMigrationPolicy editedMigrations;
    private final TransactionMode transactionMode;
    private final String searchPath;
    private final String initSql;
    private final List<MigrationListener> listeners;
    private final Duration ddlLockTimeout;
    private final int ddlLockRetries;
    private final boolean repairInvalidIndexes;
    private final boolean verifyAfterMigrate;
    private final long largeTableRows;
    private final LintMode lintMode;
    private final boolean terminateBlockers;
    private final Duration progressInterval;
    private final String tenantSchemaFrom;

    private MigratorConfiguration(Builder b, ConfigurationChecks.Target target, ClassLoader classLoader) {
        this.dataSource = b.dataSource;
        this.url = target.url();
        this.user = target.user();
        this.password = target.password();
        this.location = b.location;
        this.classLoader = classLoader;
        this.schema = b.schema;
        this.table = b.table;
        this.lockTimeout = b.lockTimeout;
        this.lockKey = b.lockKey;
        this.outOfOrder = b.outOfOrder;
        this.editedMigrations = b.editedMigrations;
        this.transactionMode = b.transactionMode;
        this.searchPath = b.searchPath;
        this.initSql = b.initSql;
        this.listeners = List.copyOf(b.listeners);
        this.ddlLockTimeout = b.ddlLockTimeout;
        this.ddlLockRetries = b.ddlLockRetries;
        this.repairInvalidIndexes = b.repairInvalidIndexes;
        this.verifyAfterMigrate = b.verifyAfterMigrate;
        this.largeTableRows = b.largeTableRows;
        this.lintMode = b.lintMode;
        this.terminateBlockers = b.terminateBlockers;
        this.progressInterval = b.progressInterval;
        this.tenantSchemaFrom = b.tenantSchemaFrom;
    }

    /** The DataSource migrations use, when one was given. */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /** The JDBC URL (normalised from a drizzle-style URL if need be, password removed), when one was given. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Whether a password was configured; the password itself is not exposed. */
    public boolean hasPassword() {
        return password != null;
    }

    String password() {
        return password;
    }

    public String location() {
        return location;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }

    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** The advisory-lock key, if set explicitly; otherwise it is derived from schema and table. */
    public OptionalLong lockKey() {
        return lockKey == null ? OptionalLong.empty() : OptionalLong.of(lockKey);
    }

    public OutOfOrderPolicy outOfOrder() {
        return outOfOrder;
    }

    public EditedMigrationPolicy editedMigrations() {
        return editedMigrations;
    }

    public TransactionMode transactionMode() {
        return transactionMode;
    }

    public Optional<String> searchPath() {
        return Optional.ofNullable(searchPath);
    }

    public Optional<String> initSql() {
        return Optional.ofNullable(initSql);
    }

    public List<MigrationListener> listeners() {
        return listeners;
    }

    /** {@code lock_timeout} inside transactional migrations; zero means PostgreSQL's (no limit). */
    public Duration ddlLockTimeout() {
        return ddlLockTimeout;
    }

    /** Retries of a transactional migration that hit the DDL lock timeout. */
    public int ddlLockRetries() {
        return ddlLockRetries;
    }

    public boolean repairInvalidIndexes() {
        return repairInvalidIndexes;
    }

    /** Whether a successful migrate runs the applied migrations' VERIFICATION QUERIES afterwards. */
    public boolean verifyAfterMigrate() {
        return verifyAfterMigrate;
    }

    /** What a run does with lint findings on the migrations it applies. */
    public LintMode lintMode() {
        return lintMode;
    }

    /**
     * The schema whose qualifiers in the migrations ({@code "public"."users"}) are mapped to {@link #schema()}, when
     * set: one folder generated against {@code public} applied to a tenant's schema.
     */
    public Optional<String> tenantSchemaFrom() {
        return Optional.ofNullable(tenantSchemaFrom);
    }

    /** The estimated row count above which a plain CREATE INDEX is refused; 0 when the check is off. */
    public long largeTableRows() {
        return largeTableRows;
    }

    /** Whether the sessions named as blocking a migration's DDL are terminated before it is retried. */
    public boolean terminateBlockers() {
        return terminateBlockers;
    }

    /** How often the progress of an index build, REINDEX or VACUUM is read while it runs. */
    public Duration progressInterval() {
        return progressInterval;
    }

    /** A builder holding these settings, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataSource = dataSource;
        b.url = url;
        b.user = user;
        b.password = password;
        b.location = location;
        b.classLoader = classLoader;
        b.schema = schema;
        b.table = table;
        b.lockTimeout = lockTimeout;
        b.lockKey = lockKey;
        b.outOfOrder = outOfOrder;
        b.editedMigrations = editedMigrations;
        b.transactionMode = transactionMode;
        b.searchPath = searchPath;
        b.initSql = initSql;
        b.listeners.addAll(listeners);
        b.ddlLockTimeout = ddlLockTimeout;
        b.ddlLockRetries = ddlLockRetries;
        b.repairInvalidIndexes = repairInvalidIndexes;
        b.verifyAfterMigrate = verifyAfterMigrate;
        b.largeTableRows = largeTableRows;
        b.lintMode = lintMode;
        b.terminateBlockers = terminateBlockers;
        b.progressInterval = progressInterval;
        b.tenantSchemaFrom = tenantSchemaFrom;
        return b;
    }

    @Override
    public String toString() {
        return "MigratorConfiguration[location=" + location + ", table=" + schema + "." + table
                + ", target=" + (dataSource != null ? "DataSource " + dataSource.getClass().getSimpleName() : url)
                + ", lockTimeout=" + lockTimeout + ", outOfOrder=" + outOfOrder + ", editedMigrations="
                + editedMigrations + ", transactionMode=" + transactionMode + "]";
    }

    /** Collects settings; {@link #load()} validates them and returns the migrator. */
    public static final class Builder {

        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private String location = MigratorDefaults.LOCATION;
        private ClassLoader classLoader;
        private String schema = MigratorDefaults.SCHEMA;
        private String table = MigratorDefaults.TABLE;
        private Duration lockTimeout = MigratorDefaults.LOCK_TIMEOUT;
        private Long lockKey;
        private OutOfOrderPolicy outOfOrder = MigratorDefaults.OUT_OF_ORDER;
        private EditedMigrationPolicy editedMigrations = MigratorDefaults.EDITED;
        private TransactionMode transactionMode = MigratorDefaults.TRANSACTION_MODE;
        private String searchPath;
        private String initSql;
        private final List<MigrationListener> listeners = new ArrayList<>();
        private Duration ddlLockTimeout = MigratorDefaults.DDL_LOCK_TIMEOUT;
        private int ddlLockRetries = MigratorDefaults.DDL_LOCK_RETRIES;
        private boolean repairInvalidIndexes = MigratorDefaults.REPAIR_INVALID_INDEXES;
        private boolean verifyAfterMigrate = MigratorDefaults.VERIFY_AFTER_MIGRATE;
        private long largeTableRows = MigratorDefaults.LARGE_TABLE_ROWS;
        private LintMode lintMode = MigratorDefaults.LINT_MODE;
        private boolean terminateBlockers = MigratorDefaults.TERMINATE_BLOCKERS;
        private Duration progressInterval = MigratorDefaults.PROGRESS_INTERVAL;
        private String tenantSchemaFrom;

        Builder() {
        }

        /**
         * Terminate ({@code pg_terminate_backend}) the sessions that kept a transactional migration's DDL from its
         * lock until {@code lock_timeout}, before the migration is tried again (default false). Their transactions roll
         * back and their clients see a dropped connection: turn it on only where that is better than a failed
         * deployment. Only sessions still in the transaction that was named, and not themselves waiting for a lock,
         * are terminated; each termination is logged at WARN.
         */
        public Builder terminateBlockers(boolean terminateBlockers) {
            this.terminateBlockers = terminateBlockers;
            return this;
        }

        /**
         * How often the progress of a running {@code CREATE INDEX [CONCURRENTLY]}, {@code REINDEX}, {@code VACUUM}
         * or {@code CLUSTER} is read from a second connection, logged and reported (default 10 s).
         */
        public Builder progressInterval(Duration progressInterval) {
            this.progressInterval = progressInterval;
            return this;
        }

        /**
         * Map the schema qualifier {@code fromSchema} in the migrations' statements ({@code "public"."users"},
         * {@code public.users}) to the bookkeeping {@link #schema(String)}, a tenant's schema: identifiers only, never
         * inside strings, comments or dollar-quoted bodies. The hashes stay those of the files, so drizzle's own
         * migrator with {@code migrationsSchema} set to the tenant agrees. Null (the default) maps nothing.
         */
        public Builder tenantSchemaFrom(String fromSchema) {
            this.tenantSchemaFrom = fromSchema;
            return this;
        }

        /**
         * Lint the migrations a run is about to apply: {@link LintMode#WARN} logs the findings (the default),
         * {@link LintMode#FAIL} also refuses to migrate when an error-level rule fires, {@link LintMode#OFF} skips it.
         * Per-project rule settings come from {@code drizzle-lint.json} in the migrations folder.
         */
        public Builder lintMode(LintMode lintMode) {
            this.lintMode = lintMode;
            return this;
        }

        /**
         * {@code lock_timeout} set inside each transactional migration (default 5 s): a DDL statement that cannot get
         * its lock in time gives up instead of queueing every query of the application behind it, and the migration
         * is retried. {@link Duration#ZERO} leaves the session's setting.
         */
        public Builder ddlLockTimeout(Duration ddlLockTimeout) {
            this.ddlLockTimeout = ddlLockTimeout;
            return this;
        }

        /** How many times a transactional migration is retried, with backoff, after a lock timeout (default 5). */
        public Builder ddlLockRetries(int ddlLockRetries) {
            this.ddlLockRetries = ddlLockRetries;
            return this;
        }

        /**
         * Whether an INVALID index left by an earlier failed {@code CREATE INDEX CONCURRENTLY} is dropped (concurrently)
         * before the build runs again (default true).
         */
        public Builder repairInvalidIndexes(boolean repairInvalidIndexes) {
            this.repairInvalidIndexes = repairInvalidIndexes;
            return this;
        }

        /**
         * After a successful migrate, run the VERIFICATION QUERIES sections of the applied migrations (as
         * {@link DrizzleMigrator#verify()} does) and report them to the listeners: the health details and the
         * endpoints' {@code lastRun} show them (default false). A query that is not true is logged at WARN; the run
         * still succeeds, since its migrations are committed.
         */
        public Builder verifyAfterMigrate(boolean verifyAfterMigrate) {
            this.verifyAfterMigrate = verifyAfterMigrate;
            return this;
        }

        /**
         * Refuse a plain {@code CREATE INDEX} on an existing table whose estimated row count exceeds this (default
         * 10,000); 0 turns the check off.
         */
        public Builder largeTableRows(long largeTableRows) {
            this.largeTableRows = largeTableRows;
            return this;
        }

        /** Migrate through this DataSource (one connection is borrowed for the run). */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Migrate through a connection opened from this URL: {@code jdbc:postgresql://...} or drizzle-style
         * {@code postgresql://user:pass@host:port/db} / {@code postgres://...}. Credentials in the URL are used and
         * never logged.
         */
        public Builder dataSource(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Where the folder is: {@code classpath:drizzle/migrations}, {@code filesystem:/path} or a plain path.
         * The folder holds {@code meta/_journal.json} (drizzle-kit 0.x) or {@code <timestamp>_<name>/} folders
         * (drizzle-kit 1.0).
         */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** The class loader for {@code classpath:} locations (default: the thread's context class loader). */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Schema of the bookkeeping table (drizzle's {@code migrationsSchema}). */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** Name of the bookkeeping table (drizzle's {@code migrationsTable}). */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** How long to wait for another runner's lock. */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /** An explicit advisory-lock key (default: derived from schema and table). */
        public Builder lockKey(long lockKey) {
            this.lockKey = lockKey;
            return this;
        }

        public Builder outOfOrder(OutOfOrderPolicy outOfOrder) {
            this.outOfOrder = outOfOrder;
            return this;
        }

        public Builder editedMigrations(EditedMigrationPolicy editedMigrations) {
            this.editedMigrations = editedMigrations;
            return this;
        }

        public Builder transactionMode(TransactionMode transactionMode) {
            this.transactionMode = transactionMode;
            return this;
        }

        /** A {@code search_path} set on the migration session before anything runs (for example {@code app,public}). */
        public Builder searchPath(String searchPath) {
            this.searchPath = searchPath;
            return this;
        }

        /** SQL run on the migration session before anything else (session settings, {@code SET ROLE ...}). */
        public Builder initSql(String initSql) {
            this.initSql = initSql;
            return this;
        }

        public Builder listener(MigrationListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Validates the settings into an immutable configuration. The builder is left as it was: change it and build
         * again for another configuration.
         */
        public MigratorConfiguration build() {
            ConfigurationChecks.Target target = ConfigurationChecks.target(dataSource, url, user, password);
            ConfigurationChecks.requireLocation(location);
            Identifiers.requireValid("schema", schema);
            Identifiers.requireValid("table", table);
            if (tenantSchemaFrom != null) {
                Identifiers.requireValid("tenantSchemaFrom", tenantSchemaFrom);
            }
            ConfigurationChecks.requireNotNegative(Setting.LOCK_TIMEOUT, lockTimeout);
            ConfigurationChecks.requireNotNegative(Setting.DDL_LOCK_TIMEOUT, ddlLockTimeout);
            ConfigurationChecks.requireNotNegative(Setting.DDL_LOCK_RETRIES, ddlLockRetries, "");
            ConfigurationChecks.requireNotNegative(Setting.LARGE_TABLE_ROWS, largeTableRows,
                    " (0 turns the check off)");
            ConfigurationChecks.requirePositive(Setting.PROGRESS_INTERVAL, progressInterval);
            Objects.requireNonNull(lintMode, "lintMode");
            Objects.requireNonNull(outOfOrder, "outOfOrder");
            Objects.requireNonNull(editedMigrations, "editedMigrations");
            Objects.requireNonNull(transactionMode, "transactionMode");
            return new MigratorConfiguration(this, target, ConfigurationChecks.classLoaderOrDefault(classLoader));
        }

        /** Validates the settings and returns a migrator; reads nothing yet. */
        public DrizzleMigrator load() {
            return new DrizzleMigrator(build());
        }
    }
}
