package io.drizzlemigrator;

import io.drizzlemigrator.internal.Engine;

/**
 * Applies a drizzle-kit migration folder to PostgreSQL, interchangeably with drizzle's own migrator.
 *
 * <pre>{@code
 * MigrateResult result = DrizzleMigrator.configure()
 *         .dataSource(dataSource)
 *         .location("classpath:drizzle/migrations")
 *         .load()
 *         .migrate();
 * }</pre>
 *
 * Instances are immutable and thread-safe; concurrent runs (threads, processes, replicas) are serialised by a
 * PostgreSQL advisory lock.
 */
public final class DrizzleMigrator {

    /**
     * The SLF4J MDC key that holds the tag of the migration being applied (e.g. {@code 0003_add_orders}) while its
     * statements run, on the migrating thread; absent between migrations. Log lines of the migration, and of anything
     * the same thread logs meanwhile (the JDBC driver, listeners), can be filtered or shown with it, e.g.
     * {@code %X{drizzle.migration}} in a Logback pattern.
     */
    public static final String MDC_MIGRATION = "drizzle.migration";

    private final MigratorConfiguration configuration;

    DrizzleMigrator(MigratorConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Starts a configuration with the defaults of {@link MigratorDefaults}. */
    public static MigratorConfiguration.Builder configure() {
        return new MigratorConfiguration.Builder();
    }

    public MigratorConfiguration configuration() {
        return configuration;
    }

    /**
     * Takes the lock, applies every pending migration in journal order, records each as drizzle does, releases the
     * lock.
     *
     * @throws MigrationSourceException the folder cannot be used (nothing applied)
     * @throws LockTimeoutException another runner held the lock longer than {@code lockTimeout}
     * @throws ValidationException the policies refuse the state found (nothing applied)
     * @throws MigrationFailedException a statement failed; earlier migrations of the run stay applied
     * @throws DatabaseConnectionException the database could not be reached
     */
    public MigrateResult migrate() {
        return engine().migrate();
    }

    /** Reads the folder and the bookkeeping table, without taking the lock or changing anything. */
    public StatusReport status() {
        return engine().status();
    }

    /**
     * Like {@link #status()}, and throws {@link ValidationException} when anything is pending or out of order, or
     * (with {@link EditedMigrationPolicy#FAIL}) edited.
     */
    public StatusReport validate() {
        return engine().validate();
    }

    /**
     * What {@link #migrate()} would do, for review: the pending migrations cut into the segments the executor runs,
     * each statement with its kind, the tables it touches (with their size now), the lock modes it takes on each
     * (derived from PostgreSQL's lock table), whether it rewrites or scans a table, and its lint findings. Read-only:
     * no lock, no write, no bookkeeping table created (without one, every migration is pending).
     *
     * @throws MigrationSourceException the folder cannot be used
     * @throws DatabaseConnectionException the database could not be reached
     */
    public MigrationPlan plan() {
        return plan(MigrationPlan.Trace.none());
    }

    /**
     * {@link #plan()}, the locks also measured as {@code trace} says: on a scratch database (never the target), the
     * folder's applied migrations replayed, then each pending statement run and its locks read from
     * {@code pg_locks}. The scratch database the tool creates is dropped at the end, whatever happens.
     *
     * @throws ConfigurationException a scratch database is to be created but the migrator has no URL to derive its
     *         URL from (a {@code DataSource}): give {@link MigrationPlan.Trace#scratchUrl(String)}
     */
    public MigrationPlan plan(MigrationPlan.Trace trace) {
        return engine().plan(trace);
    }

    /**
     * Runs the VERIFICATION QUERIES sections of the applied migrations (written by {@link MigrationPreparer}, or by
     * hand), each in a read-only transaction with a statement timeout, and returns each query's result. Changes
     * nothing and takes no lock.
     *
     * @throws DatabaseConnectionException the database could not be reached
     */
    public VerificationReport verify() {
        return engine().verify();
    }

    private Engine engine() {
        return new Engine(configuration, configuration.password());
    }
}
