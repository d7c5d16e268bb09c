package io.drizzlemigrator;

import java.time.Duration;

/** Default settings, stated once. Framework integrations reuse these constants (and test that they do). */
public final class MigratorDefaults {

    /** Where a service's jar carries its migrations. */
    public static final String LOCATION = "classpath:drizzle/migrations";
    /** drizzle's default {@code migrationsSchema}. */
    public static final String SCHEMA = "drizzle";
    /** drizzle's default {@code migrationsTable}. */
    public static final String TABLE = "__drizzle_migrations";
    /** How long a runner waits for another runner's lock before failing. */
    public static final Duration LOCK_TIMEOUT = Duration.ofMinutes(10);
    /** How often a waiting runner logs who holds the lock. */
    public static final Duration LOCK_REPORT_INTERVAL = Duration.ofSeconds(5);
    public static final OutOfOrderPolicy OUT_OF_ORDER = OutOfOrderPolicy.FAIL;
    public static final EditedMigrationPolicy EDITED = EditedMigrationPolicy.WARN;
    public static final TransactionMode TRANSACTION_MODE = TransactionMode.PER_MIGRATION;
    /** {@code lock_timeout} set inside each transactional migration, so DDL never queues the application for long. */
    public static final Duration DDL_LOCK_TIMEOUT = Duration.ofSeconds(5);
    /** How many times a transactional migration is retried after a lock timeout (SQLState 55P03). */
    public static final int DDL_LOCK_RETRIES = 5;
    /** Whether an INVALID index left by a failed concurrent build is dropped and rebuilt before the build runs again. */
    public static final boolean REPAIR_INVALID_INDEXES = true;
    /** Whether a successful migrate runs the VERIFICATION QUERIES of the applied migrations afterwards. */
    public static final boolean VERIFY_AFTER_MIGRATE = false;
    /**
     * A plain (non-concurrent) {@code CREATE INDEX} on an existing table with more estimated rows than this is refused
     * before it takes a lock (the organisation's rule: above 10,000 rows, build indexes concurrently). 0 turns it off.
     */
    public static final long LARGE_TABLE_ROWS = 10_000;

    /**
     * Whether the sessions that held a transactional migration's DDL past {@code lock_timeout} are terminated before
     * it is retried. Off: terminating rolls their transactions back.
     */
    public static final boolean TERMINATE_BLOCKERS = false;
    /** How often the progress of an index build, REINDEX, VACUUM or CLUSTER is read while it runs. */
    public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    /** Lint the migrations a run is about to apply and log the findings. */
    public static final LintMode LINT_MODE = LintMode.WARN;
    /** How many targets a {@link FanOut} migrates at once. */
    public static final int FAN_OUT_PARALLELISM = 4;
    /** How often a {@link FanOut} logs its progress. */
    public static final Duration FAN_OUT_PROGRESS_INTERVAL = Duration.ofSeconds(10);

    /** The {@code application_name} of connections opened from a URL; shown to waiting replicas. */
    public static final String APPLICATION_NAME = "drizzle-migrator";

    private MigratorDefaults() {
    }
}
