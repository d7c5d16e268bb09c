package io.drizzlemigrator.internal;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationPlan;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.Problems;
import io.drizzlemigrator.Setting;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.VerificationReport;
import io.drizzlemigrator.TransactionMode;
import io.drizzlemigrator.internal.execute.Executor;
import io.drizzlemigrator.internal.execute.LargeTableGuard;
import io.drizzlemigrator.internal.execute.ToApply;
import io.drizzlemigrator.internal.history.HistoryRow;
import io.drizzlemigrator.internal.history.HistoryTable;
import io.drizzlemigrator.internal.jdbc.ConnectionFactory;
import io.drizzlemigrator.internal.jdbc.WalFlush;
import io.drizzlemigrator.internal.lint.FolderLinter;
import io.drizzlemigrator.internal.lock.AdvisoryLock;
import io.drizzlemigrator.internal.plan.Plan;
import io.drizzlemigrator.internal.plan.Planner;
import io.drizzlemigrator.internal.plan.Policies;
import io.drizzlemigrator.internal.review.Catalog;
import io.drizzlemigrator.internal.review.Reviewer;
import io.drizzlemigrator.internal.review.Traced;
import io.drizzlemigrator.internal.source.Layout;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run, as DESIGN.md draws it: read the folder (on its own thread) while connecting; decide without the lock when
 * there is nothing to do; else take the lock, read the history again, plan and apply the policies, lint what will
 * run, execute, report, and release the lock. {@link #status()} and {@link #validate()} are the same read without the
 * lock and without executing.
 */
public final class Engine {

    /**
     * Initialised on first use, not with this class: on a service's first start, logging initialises on the folder
     * reader's thread while this one connects.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger("io.drizzlemigrator.DrizzleMigrator");
    }

    /**
     * How long a run with nothing to apply waits for another runner's commits to be flushed before it waits for the
     * lock instead; PostgreSQL's WAL writer flushes within a few {@code wal_writer_delay} (200 ms by default).
     */
    private static final Duration NO_OP_FLUSH_WAIT = Duration.ofSeconds(2);

    private final MigratorConfiguration config;
    private final String password;
    private final Events events;
    private final HistoryTable history;
    /** The run's lock: the configured key, else the one derived from schema and table. */
    private final AdvisoryLock lock;

    public Engine(MigratorConfiguration config, String password) {
        this.config = config;
        this.password = password;
        this.events = new Events(config.listeners());
        this.history = new HistoryTable(config.schema(), config.table());
        this.lock = new AdvisoryLock(config.lockKey().isPresent() ? config.lockKey().getAsLong()
                : AdvisoryLock.deriveKey(config.schema(), config.table()));
    }

    public MigrateResult migrate() {
        long start = System.nanoTime();
        events.onEvent(new MigrationEvent.RunStarted(config.location()));
        List<AppliedMigration> applied = new ArrayList<>();
        try {
            FolderReadAhead read = FolderReadAhead.start(config.location(), config.classLoader());
            try (Session session = openSession(read)) {
                try {
                    return migrate(session, read, applied, start);
                } catch (SQLException e) {
                    throw DatabaseRefusal.describe(e, session.connection, history, session.activity, true);
                }
            }
        } catch (DrizzleMigratorException e) {
            events.onEvent(new MigrationEvent.RunFailed(Duration.ofNanos(System.nanoTime() - start), applied, e));
            throw e;
        } catch (RuntimeException e) {
            // a bug or an unexpected driver failure: listeners (health, metrics) must still see the run end
            DrizzleMigratorException wrapped = new DrizzleMigratorException("Unexpected error during the migration"
                    + " run: " + e + ". " + applied.size() + " migration(s) of this run were applied and recorded"
                    + " before it.", e);
            events.onEvent(new MigrationEvent.RunFailed(Duration.ofNanos(System.nanoTime() - start), applied,
                    wrapped));
            throw wrapped;
        }
    }

    private MigrateResult migrate(Session session, FolderReadAhead read, List<AppliedMigration> applied, long start)
            throws SQLException {
        MigrateResult upToDate = upToDateWithoutLock(session, read, start);
        if (upToDate != null) {
            if (config.verifyAfterMigrate()) {
                verifyAfter(session, read, upToDate.status());
            }
            events.onEvent(new MigrationEvent.RunFinished(upToDate));
            return upToDate;
        }
        session.activity = "taking the migration lock (pg_try_advisory_lock)";
        Duration waited = acquireLock(session, read);
        Throwable primary = null;
        try {
            MigrateResult result = migrateLocked(session, read, waited, applied, start);
            if (config.verifyAfterMigrate()) {
                verifyAfter(session, read, result.status());
            }
            events.onEvent(new MigrationEvent.RunFinished(result));
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            boolean released = lock.release(session.connection);
            if (!released && primary == null) {
                Log.LOG.warn("The migration lock was not released cleanly; PostgreSQL frees it with the session");
            }
        }
    }

    /**
     * The run's result when there is nothing to apply, decided from one read of the table without taking the lock;
     * null when there is work, or no table yet: that is decided again under the lock. A start with nothing to do then
     * never waits behind another runner (a newer version's long migration during a rollback, say).
     *
     * <p>It is safe because a migration's row commits with it, or after its last statement when it runs outside a
     * transaction: what another runner is applying right now has no row yet, reads as pending, and sends this run to
     * the lock, where it waits and reads again. And what it read is durable: a runner flushes the WAL before it
     * releases the lock, so when the lock is free every row read was flushed; when another runner holds it, its
     * latest commits may not be flushed yet (it defers that to its end), and this run waits for the flush, which
     * PostgreSQL's WAL writer does within moments, instead of for the lock.
     */
    private MigrateResult upToDateWithoutLock(Session session, FolderReadAhead read, long start) throws SQLException {
        Connection c = session.connection;
        session.activity = reading();
        // Read while the folder is still being read. Whether a runner holds the lock is asked after the rows are
        // read (same round trip): one that held it then either still holds it or has flushed.
        HistoryTable.Snapshot snapshot = history.snapshot(c, session.target, lock.heldQuery());
        if (!snapshot.shape().exists()) {
            return null; // created under the lock
        }
        HistoryTable.RowsThen rows = snapshot.rows();
        LoadedFolder folder = read.join();
        Plan plan = plan(folder, rows.rows());
        if (!plan.toApply(config.outOfOrder() == OutOfOrderPolicy.APPLY).isEmpty()) {
            return null;
        }
        if (rows.answer()) {
            if (!WalFlush.awaitFlushed(c, NO_OP_FLUSH_WAIT)) {
                return null; // a standby, or a flush that did not come: decide under the lock
            }
            Log.LOG.info("Another runner holds the migration lock; nothing of {} is left to apply, so this run does not"
                    + " wait for it", config.location());
        }
        StatusReport status = report(plan, new Transactional(prepared(), false));
        events.onEvent(new MigrationEvent.StatusRead(status));
        List<String> warnings = Policies.check(status, config, Problems.Purpose.MIGRATE);
        logFound(folder, status, 0, session.target);
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        logNothingToApply(status, total);
        return new MigrateResult(List.of(), warnings, total, Duration.ZERO, status);
    }

    /** Takes the lock (waiting as configured), and checks that the session holding it is the one that will migrate. */
    private Duration acquireLock(Session session, FolderReadAhead read) throws SQLException {
        Connection c = session.connection;
        Duration waited = lock.acquire(c, config.lockTimeout(), MigratorDefaults.LOCK_REPORT_INTERVAL,
                (w, holder) -> {
                    read.join(); // a broken folder is reported before any wait, not after it
                    events.onEvent(new MigrationEvent.LockWaiting(w, holder));
                });
        try {
            session.backendPid = lock.verifyHeldBySession(c, lock.lockedByPid());
        } catch (SQLException | RuntimeException e) {
            lock.release(c);
            throw e;
        }
        events.onEvent(new MigrationEvent.LockAcquired(waited));
        if (!waited.isZero()) {
            Log.LOG.info("Acquired the migration lock after {} ms", waited.toMillis());
        }
        return waited;
    }

    private MigrateResult migrateLocked(Session session, FolderReadAhead read, Duration waited,
            List<AppliedMigration> applied, long start) throws SQLException {
        Connection c = session.connection;
        // Read again under the lock (another runner may have applied since), and read, not create, first: a run
        // refused by a policy or by a file it cannot delimit leaves nothing behind.
        session.activity = reading();
        HistoryTable.Shape shape = history.shape(c);
        List<HistoryRow> rows = history.read(c, shape);
        LoadedFolder folder = read.join();
        Plan plan = plan(folder, rows);
        PreparedCache prepared = prepared();
        StatusReport before = report(plan, new Transactional(prepared, false));
        events.onEvent(new MigrationEvent.StatusRead(before));
        List<String> warnings = Policies.check(before, config, Problems.Purpose.MIGRATE);
        // Prepare (lex) every migration before applying any: a file that cannot be delimited stops the run here.
        List<ToApply> runList = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (MigrationFile m : plan.toApply(config.outOfOrder() == OutOfOrderPolicy.APPLY)) {
            runList.add(new ToApply(m, prepared.apply(m)));
            tags.add(m.tag());
        }
        logFound(folder, before, runList.size(), session.target);
        if (config.transactionMode() == TransactionMode.ALL_IN_ONE) {
            refuseNonTransactional(runList);
        }
        new LintGate(config.lintMode(), config.classLoader()).check(folder, tags, prepared, before, warnings);
        // before anything is created: a refused run leaves no bookkeeping schema or table behind
        session.activity = "estimating the size of the tables the run indexes";
        new LargeTableGuard(config.largeTableRows()).check(c, runList, before);
        if (!shape.exists()) {
            session.activity = "creating " + history.displayName() + " (CREATE SCHEMA IF NOT EXISTS, CREATE TABLE IF"
                    + " NOT EXISTS)";
            shape = history.ensureExists(c, folder.layout() == Layout.FOLDERS);
        }
        if (!runList.isEmpty()) {
            session.activity = "applying the run's migrations";
            apply(session, runList, shape, applied);
        }
        session.activity = reading();
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        StatusReport after = before;
        if (applied.isEmpty()) {
            logNothingToApply(before, total);
        } else {
            after = report(plan(folder, history.read(c, shape)), new Transactional(prepared, false));
            events.onEvent(new MigrationEvent.StatusRead(after));
            Log.LOG.info("Applied {} migration{} in {} ms; database is {}", applied.size(),
                    applied.size() == 1 ? "" : "s", total.toMillis(),
                    after.isUpToDate() ? "up to date" : "NOT up to date (see warnings)");
        }
        return new MigrateResult(applied, warnings, total, waited, after);
    }

    private static void refuseNonTransactional(List<ToApply> runList) {
        for (ToApply p : runList) {
            if (!p.transactional()) {
                PreparedMigration.Step s = p.firstNonTransactional();
                throw new ConfigurationException("transactionMode=ALL_IN_ONE cannot apply " + p.fileName()
                        + ": line " + s.line() + " holds " + s.classification().description()
                        + ", which PostgreSQL refuses inside a transaction block. Use transactionMode=PER_MIGRATION"
                        + " (the default). Nothing was applied.", Setting.TRANSACTION_MODE, null);
            }
        }
    }

    private void apply(Session session, List<ToApply> runList, HistoryTable.Shape shape,
            List<AppliedMigration> applied) {
        Executor executor = new Executor(session.connection, history, shape, events, new Executor.Guards(
                config.ddlLockTimeout(), config.ddlLockRetries(), config.repairInvalidIndexes(),
                config.terminateBlockers(), config.progressInterval()), session.backendPid, lock,
                new ConnectionFactory(config.dataSource().orElse(null), config.url().orElse(null),
                        config.user().orElse(null), password));
        try {
            if (config.transactionMode() == TransactionMode.ALL_IN_ONE) {
                applied.addAll(executor.applyAllInOne(runList));
            } else {
                for (ToApply p : runList) {
                    applied.add(executor.apply(p, List.copyOf(applied)));
                }
            }
        } finally {
            executor.close();
            executor.flush();
            if (executor.changedStatementTimeout()) {
                session.resetOnClose("RESET statement_timeout");
            }
        }
    }

    /** What was found, counted as status counts it: each migration once, in its own state. */
    private void logFound(LoadedFolder folder, StatusReport report, int toApply, String target) {
        int total = folder.migrations().size();
        Log.LOG.info("{} migration{} in {}: {}; {} to apply; target {} (history {})", total, total == 1 ? "" : "s",
                config.location(), counts(report), toApply, target, history.displayName());
    }

    private static void logNothingToApply(StatusReport report, Duration total) {
        if (report.isUpToDate()) {
            Log.LOG.info("Database is up to date ({}); nothing to do ({} ms)", counts(report), total.toMillis());
        } else {
            Log.LOG.info("Nothing to apply ({}; see the warnings) ({} ms)", counts(report), total.toMillis());
        }
    }

    /** "3 applied, 1 edited, 1 out of order": the states present, applied always. */
    private static String counts(StatusReport report) {
        StringBuilder text = new StringBuilder().append(report.withState(MigrationState.APPLIED).size())
                .append(" applied");
        for (MigrationState state : MigrationState.values()) {
            int n = state == MigrationState.APPLIED ? 0 : report.withState(state).size();
            if (n > 0) {
                text.append(", ").append(n).append(' ').append(state.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        return text.toString();
    }

    public StatusReport status() {
        return readState().report;
    }

    /**
     * {@code verifyAfterMigrate}: runs the applied migrations' verification queries, tells the listeners, and logs a
     * warning when one is not true (the run stays a success: its migrations are committed).
     */
    private void verifyAfter(Session session, FolderReadAhead read, StatusReport status) throws SQLException {
        Set<String> appliedTags = new HashSet<>();
        for (MigrationInfo info : status.applied()) {
            appliedTags.add(info.tag());
        }
        List<MigrationFile> files = new ArrayList<>();
        for (MigrationFile m : read.join().migrations()) {
            if (appliedTags.contains(m.tag())) {
                files.add(m);
            }
        }
        session.activity = "running the verification queries (verifyAfterMigrate)";
        VerificationReport report = Verifier.run(session.connection, files);
        if (!report.passed()) {
            VerificationReport.Query first = report.failures().get(0);
            Log.LOG.warn("{} of {} verification queries are not true after the migration (first: {}:{} {}); run "
                    + "drizzle-migrator verify for all of them", report.failures().size(), report.queries().size(),
                    first.file(), first.line(), first.sql());
        }
        events.onEvent(new MigrationEvent.Verified(report));
    }

    /** Runs the VERIFICATION QUERIES sections of the applied migrations (see {@link Verifier}). */
    public VerificationReport verify() {
        FolderReadAhead read = FolderReadAhead.start(config.location(), config.classLoader());
        try (Session session = openSession(read)) {
            try {
                State state = readState(session, read);
                List<MigrationFile> applied = new ArrayList<>();
                for (Plan.Entry e : state.plan.entries()) {
                    if (e.row() != null) {
                        applied.add(e.migration());
                    }
                }
                session.activity = "running the verification queries";
                return Verifier.run(session.connection, applied);
            } catch (SQLException e) {
                throw DatabaseRefusal.describe(e, session.connection, history, session.activity, false);
            }
        }
    }

    public StatusReport validate() {
        State state = readState();
        for (Plan.Entry e : state.plan.entries()) {
            if (e.row() == null) {
                state.prepared.apply(e.migration()); // a pending file that cannot be delimited fails validation
            }
        }
        Policies.check(state.report, config, Problems.Purpose.VALIDATE);
        return state.report;
    }

    /** What the folder and the table say, read without the lock: what {@code status} and {@code validate} report. */
    private record State(LoadedFolder folder, Plan plan, StatusReport report, PreparedCache prepared) {
    }

    private State readState() {
        FolderReadAhead read = FolderReadAhead.start(config.location(), config.classLoader());
        try (Session session = openSession(read)) {
            try {
                return readState(session, read);
            } catch (SQLException e) {
                throw DatabaseRefusal.describe(e, session.connection, history, session.activity, false);
            }
        }
    }

    private State readState(Session session, FolderReadAhead read) throws SQLException {
        session.activity = reading();
        HistoryTable.Shape shape = history.shape(session.connection);
        List<HistoryRow> rows = history.read(session.connection, shape);
        LoadedFolder folder = read.join();
        // status and validate report a file that is not UTF-8, applied or not (a migration run decodes only what
        // it applies, before applying anything)
        for (MigrationFile m : folder.migrations()) {
            m.sql();
        }
        Plan plan = plan(folder, rows);
        PreparedCache prepared = prepared();
        StatusReport report = report(plan, new Transactional(prepared, true));
        events.onEvent(new MigrationEvent.StatusRead(report));
        return new State(folder, plan, report, prepared);
    }

    /**
     * What {@code migrate} would do, read as {@link #status()} reads (no lock, no write, no bookkeeping table
     * created), each statement's locks derived against the target's catalog; with {@code trace}, measured on a
     * scratch database too.
     */
    public MigrationPlan plan(MigrationPlan.Trace trace) {
        FolderReadAhead read = FolderReadAhead.start(config.location(), config.classLoader());
        try (Session session = openSession(read)) {
            try {
                State state = readState(session, read);
                session.activity = "reading the catalog of the tables the migrations touch (pg_class, pg_index,"
                        + " pg_constraint, pg_attribute)";
                Catalog catalog = Catalog.read(session.connection);
                boolean outOfOrder = config.outOfOrder() == OutOfOrderPolicy.APPLY;
                List<MigrationFile> toRun = state.plan.toApply(outOfOrder);
                Set<String> tags = new HashSet<>();
                for (MigrationFile m : toRun) {
                    tags.add(m.tag());
                }
                LintReport lint = FolderLinter.lintMigrations(state.folder, config.classLoader(),
                        m -> tags.contains(m.tag()), state.prepared, LintConfig.defaults());
                Map<String, Map<Integer, Traced>> traced = trace.enabled()
                        ? new ScratchTrace(config, password, session, trace.scratchUrl())
                                .run(state.plan, state.prepared, toRun)
                        : null;
                return new Reviewer(catalog).review(state.report,
                        config.transactionMode() == TransactionMode.ALL_IN_ONE, state.plan, tags,
                        state.prepared, lint.findings(), traced);
            } catch (SQLException e) {
                throw DatabaseRefusal.describe(e, session.connection, history, session.activity, false);
            }
        }
    }

    /** A cache of the run's lexed migrations, mapping the tenant's schema qualifier when configured. */
    private PreparedCache prepared() {
        return new PreparedCache(config.tenantSchemaFrom().orElse(null), config.schema());
    }

    private String reading() {
        return "reading " + history.displayName() + " (select ... from " + history.qualifiedName() + ")";
    }

    private static Plan plan(LoadedFolder folder, List<HistoryRow> rows) {
        return Planner.plan(folder.migrations(), rows, folder.layout() == Layout.FOLDERS);
    }

    private StatusReport report(Plan plan, Transactional transactional) {
        return plan.report(config.location(), history.displayName(), transactional);
    }

    /**
     * Whether a migration of the report runs in a transaction, found by lexing it: null when that is not known (a
     * file that cannot be delimited; applied history, which {@code migrate} never lexes). A class rather than a
     * lambda: bootstrapping a lambda costs a service's first start more.
     */
    private static final class Transactional implements Function<Plan.Entry, Boolean> {

        private final PreparedCache prepared;
        private final boolean lexApplied;

        Transactional(PreparedCache prepared, boolean lexApplied) {
            this.prepared = prepared;
            this.lexApplied = lexApplied;
        }

        @Override
        public Boolean apply(Plan.Entry e) {
            if (e.row() != null && !lexApplied) {
                return null;
            }
            try {
                return prepared.apply(e.migration()).transactional();
            } catch (DrizzleMigratorException ex) {
                return null;
            }
        }
    }

    /**
     * Opens the run's connection while {@code read} reads the folder. When the connection cannot be opened or set up,
     * a problem with the folder is reported instead: it is what the user must fix first, and it was always found
     * before the database was touched.
     */
    private Session openSession(FolderReadAhead read) {
        try {
            return Session.open(config, password);
        } catch (SQLException e) {
            read.join();
            throw databaseError(e);
        } catch (RuntimeException e) {
            read.join();
            throw e;
        }
    }

    /** A failure setting the session up that {@link Session} did not describe itself. */
    private static DrizzleMigratorException databaseError(SQLException e) {
        String state = e.getSQLState();
        return new DatabaseConnectionException("Cannot set up the migration session: " + e.getMessage()
                + (state == null ? "" : " [SQLState " + state + "]") + ". Nothing was applied.", e);
    }
}
