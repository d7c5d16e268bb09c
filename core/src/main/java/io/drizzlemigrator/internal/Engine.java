package io.drizzlemigrator.internal;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.TransactionMode;
import io.drizzlemigrator.ValidationException;
import io.drizzlemigrator.LintMode;
import io.drizzlemigrator.internal.execute.Executor;
import io.drizzlemigrator.internal.lint.FolderLinter;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFailedException;
import io.drizzlemigrator.lint.LintFinding;
import io.drizzlemigrator.lint.LintReport;
import io.drizzlemigrator.lint.Severity;
import io.drizzlemigrator.internal.execute.PreparedMigration;
import io.drizzlemigrator.internal.history.HistoryRow;
import io.drizzlemigrator.internal.history.HistoryTable;
import io.drizzlemigrator.internal.jdbc.Connections;
import io.drizzlemigrator.internal.jdbc.WalFlush;
import io.drizzlemigrator.internal.lock.AdvisoryLock;
import io.drizzlemigrator.internal.plan.Plan;
import io.drizzlemigrator.internal.plan.Planner;
import io.drizzlemigrator.internal.source.Layout;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.sql.SqlLexer;
import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run: read the folder, connect, lock, read the history, plan, apply, report, unlock. */
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
    /** Statements that undo what this run changed in the session, run before the connection is given back. */
    private final List<String> sessionReset = new ArrayList<>();

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
        events.publish(new MigrationEvent.RunStarted(config.location()));
        List<AppliedMigration> applied = new ArrayList<>();
        try {
            FolderReadAhead read = FolderReadAhead.start(config.location(), config.classLoader());
            try (Session session = openSession(read)) {
                Connection c = session.connection;
                MigrateResult upToDate = upToDateWithoutLock(c, read, start, session.target);
                if (upToDate != null) {
                    events.publish(new MigrationEvent.RunFinished(upToDate));
                    return upToDate;
                }
                Duration waited = lock.acquire(c, config.lockTimeout(), MigratorDefaults.LOCK_REPORT_INTERVAL,
                        (w, holder) -> {
                            read.join(); // a broken folder is reported before any wait, not after it
                            events.publish(new MigrationEvent.LockWaiting(w, holder));
                        });
                int pid;
                try {
                    pid = lock.verifyHeldBySession(c, lock.lockedByPid());
                } catch (RuntimeException e) {
                    lock.release(c);
                    throw e;
                }
                session.backendPid = pid;
                events.publish(new MigrationEvent.LockAcquired(waited));
                if (!waited.isZero()) {
                    Log.LOG.info("Acquired the migration lock after {} ms", waited.toMillis());
                }
                Throwable primary = null;
                try {
                    MigrateResult result = migrateLocked(c, read, waited, applied, start, session.target,
                            session.backendPid, lock);
                    events.publish(new MigrationEvent.RunFinished(result));
                    return result;
                } catch (RuntimeException | Error e) {
                    primary = e;
                    throw e;
                } finally {
                    boolean released = lock.release(c);
                    if (!released && primary == null) {
                        Log.LOG.warn("The migration lock was not released cleanly; PostgreSQL frees it with the"
                                + " session");
                    }
                }
            }
        } catch (DrizzleMigratorException e) {
            events.publish(new MigrationEvent.RunFailed(Duration.ofNanos(System.nanoTime() - start), applied, e));
            throw e;
        } catch (SQLException e) {
            DrizzleMigratorException wrapped = databaseError(e);
            events.publish(new MigrationEvent.RunFailed(Duration.ofNanos(System.nanoTime() - start), applied,
                    wrapped));
            throw wrapped;
        } catch (RuntimeException e) {
            // a bug or an unexpected driver failure: listeners (health, metrics) must still see the run end
            DrizzleMigratorException wrapped = new DrizzleMigratorException("Unexpected error during the migration"
                    + " run: " + e + ". " + applied.size() + " migration(s) of this run were applied and recorded"
                    + " before it.", e);
            events.publish(new MigrationEvent.RunFailed(Duration.ofNanos(System.nanoTime() - start), applied,
                    wrapped));
            throw wrapped;
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
    private MigrateResult upToDateWithoutLock(Connection c, FolderReadAhead read, long start, String target)
            throws SQLException {
        HistoryTable.Shape shape = history.shape(c);
        if (!shape.exists()) {
            return null; // created under the lock
        }
        // Read while the folder is still being read. Whether a runner holds the lock is asked after the rows are
        // read (same round trip): one that held it then either still holds it or has flushed.
        HistoryTable.RowsThen rows = history.readThen(c, shape, lock.heldQuery());
        LoadedFolder folder = read.join();
        Plan plan = Planner.plan(folder.migrations(), rows.rows(), folder.layout() == Layout.FOLDERS);
        if (!plan.toApply(config.outOfOrder() == OutOfOrderPolicy.APPLY).isEmpty()) {
            return null;
        }
        if (rows.answer()) {
            if (!WalFlush.awaitFlushed(c, NO_OP_FLUSH_WAIT)) {
                return null; // a standby, or a flush that did not come: decide under the lock
            }
            Log.LOG.info("Another runner holds the migration lock; every migration of {} is applied already, so this"
                    + " run does not wait for it", config.location());
        }
        StatusReport status = report(folder, plan, new HashMap<>());
        events.publish(new MigrationEvent.StatusRead(status));
        List<String> warnings = checkPolicies(plan, status, false);
        int appliedCount = status.applied().size();
        logFound(folder, appliedCount, 0, target);
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        logUpToDate(appliedCount, total);
        return new MigrateResult(List.of(), warnings, total, Duration.ZERO, status);
    }

    private MigrateResult migrateLocked(Connection c, FolderReadAhead read, Duration waited,
            List<AppliedMigration> applied, long start, String target, int backendPid, AdvisoryLock lockCheck)
            throws SQLException {
        // Read again under the lock (another runner may have applied since), and read, not create, first: a run
        // refused by a policy or by a file it cannot delimit leaves nothing behind.
        HistoryTable.Shape shape = history.shape(c);
        List<HistoryRow> rows = history.read(c, shape);
        LoadedFolder folder = read.join();
        Plan plan = Planner.plan(folder.migrations(), rows, folder.layout() == Layout.FOLDERS);
        Map<String, PreparedMigration> prepared = new HashMap<>();
        StatusReport before = report(folder, plan, prepared);
        events.publish(new MigrationEvent.StatusRead(before));
        List<String> warnings = checkPolicies(plan, before, false);
        List<MigrationFile> toApply = plan.toApply(config.outOfOrder() == OutOfOrderPolicy.APPLY);
        // Prepare (lex) every migration before applying any: a file that cannot be delimited stops the run here.
        List<PreparedMigration> runList = new ArrayList<>(toApply.size());
        for (MigrationFile m : toApply) {
            runList.add(prepared.computeIfAbsent(m.tag(), t -> PreparedMigration.prepare(m)));
        }
        logFound(folder, before.applied().size(), runList.size(), target);
        if (config.transactionMode() == TransactionMode.ALL_IN_ONE) {
            for (PreparedMigration p : runList) {
                if (!p.transactional()) {
                    PreparedMigration.Step s = p.firstNonTransactional();
                    throw new ConfigurationException("transactionMode ALL_IN_ONE cannot apply " + p.migration().file()
                            + ": line " + s.line() + " holds " + s.classification().description()
                            + ", which PostgreSQL refuses inside a transaction block. Use transactionMode"
                            + " PER_MIGRATION (the default). Nothing was applied.");
                }
            }
        }
        lint(folder, runList, prepared, before, warnings);
        if (!shape.exists()) {
            shape = history.ensureExists(c, folder.layout() == Layout.FOLDERS);
        }
        if (!runList.isEmpty()) {
            execute(c, runList, shape, backendPid, lockCheck, applied);
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        StatusReport after = applied.isEmpty() ? before : report(folder, Planner.plan(folder.migrations(),
                history.read(c, shape), folder.layout() == Layout.FOLDERS), prepared);
        if (!applied.isEmpty()) {
            events.publish(new MigrationEvent.StatusRead(after));
        }
        if (applied.isEmpty()) {
            logUpToDate(before.applied().size(), total);
        } else {
            Log.LOG.info("Applied {} migration{} in {} ms; database is {}", applied.size(),
                    applied.size() == 1 ? "" : "s", total.toMillis(),
                    after.isUpToDate() ? "up to date" : "NOT up to date (see warnings)");
        }
        return new MigrateResult(applied, warnings, total, waited, after);
    }

    private void logFound(LoadedFolder folder, int appliedCount, int pending, String target) {
        Log.LOG.info("{} migrations in {}: {} applied, {} pending; target {} (history {})",
                folder.migrations().size(), config.location(), appliedCount, pending, target, history.displayName());
    }

    private static void logUpToDate(int appliedCount, Duration total) {
        Log.LOG.info("Database is up to date ({} applied); nothing to do ({} ms)", appliedCount, total.toMillis());
    }

    private void execute(Connection c, List<PreparedMigration> runList, HistoryTable.Shape shape, int backendPid,
            AdvisoryLock lockCheck, List<AppliedMigration> applied) throws SQLException {
        Executor executor = new Executor(c, history, shape, events, new Executor.Guards(config.ddlLockTimeout(),
                config.ddlLockRetries(), config.repairInvalidIndexes(), config.largeTableRows()), backendPid,
                lockCheck);
        executor.checkLargeTables(runList);
        try {
            if (config.transactionMode() == TransactionMode.ALL_IN_ONE) {
                applied.addAll(executor.applyAllInOne(runList));
            } else {
                for (PreparedMigration p : runList) {
                    applied.add(executor.apply(p, List.copyOf(applied)));
                }
            }
        } finally {
            executor.flush();
            if (executor.changedStatementTimeout()) {
                sessionReset.add("RESET statement_timeout");
            }
        }
    }

    /** Lints the migrations about to run (never applied history); logs findings, refuses in FAIL mode. */
    private void lint(LoadedFolder folder, List<PreparedMigration> runList, Map<String, PreparedMigration> prepared,
            StatusReport before, List<String> warnings) {
        if (config.lintMode() == LintMode.OFF || runList.isEmpty()) {
            return;
        }
        java.util.Set<String> tags = new java.util.HashSet<>();
        runList.forEach(p -> tags.add(p.tag()));
        LintReport report = FolderLinter.lintMigrations(folder, config.classLoader(), m -> tags.contains(m.tag()),
                m -> prepared.computeIfAbsent(m.tag(), t -> PreparedMigration.prepare(m)), LintConfig.defaults());
        for (LintFinding f : report.findings()) {
            if (f.severity() == Severity.INFO) {
                Log.LOG.info("lint: {}", f);
            } else {
                Log.LOG.warn("lint: {}", f);
            }
        }
        if (report.isEmpty()) {
            return;
        }
        if (config.lintMode() == LintMode.FAIL && report.hasErrors()) {
            throw new LintFailedException(report, before);
        }
        warnings.add("lint: " + report.summary() + " in the migrations applied by this run (see the log; rules in"
                + " docs/lint-rules.md)");
    }

    public StatusReport status() {
        FolderReadAhead read = FolderReadAhead.start(config.location(), config.classLoader());
        try (Session session = openSession(read)) {
            HistoryTable.Shape shape = history.shape(session.connection);
            List<HistoryRow> rows = history.read(session.connection, shape);
            LoadedFolder folder = read.join();
            requireUtf8(folder);
            Plan plan = Planner.plan(folder.migrations(), rows, folder.layout() == Layout.FOLDERS);
            StatusReport report = report(folder, plan, new HashMap<>(), true);
            events.publish(new MigrationEvent.StatusRead(report));
            return report;
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    public StatusReport validate() {
        FolderReadAhead read = FolderReadAhead.start(config.location(), config.classLoader());
        StatusReport report;
        Plan plan;
        try (Session session = openSession(read)) {
            HistoryTable.Shape shape = history.shape(session.connection);
            List<HistoryRow> rows = history.read(session.connection, shape);
            LoadedFolder folder = read.join();
            requireUtf8(folder);
            plan = Planner.plan(folder.migrations(), rows, folder.layout() == Layout.FOLDERS);
            report = report(folder, plan, new HashMap<>());
            events.publish(new MigrationEvent.StatusRead(report));
        } catch (SQLException e) {
            throw databaseError(e);
        }
        for (Plan.Entry e : plan.entries()) {
            if (e.row() == null) {
                PreparedMigration.prepare(e.migration()); // a pending file that cannot be delimited fails validation
            }
        }
        checkPolicies(plan, report, true);
        return report;
    }

    /**
     * {@code status} and {@code validate} report a file that is not UTF-8, applied or not (a migration run decodes only
     * what it applies, before applying anything).
     */
    private static void requireUtf8(LoadedFolder folder) {
        for (MigrationFile m : folder.migrations()) {
            m.sql();
        }
    }

    /** Applies the policies; returns the warnings, throws when a policy refuses. */
    private List<String> checkPolicies(Plan plan, StatusReport report, boolean pendingIsError) {
        List<String> warnings = new ArrayList<>();
        List<Plan.Entry> outOfOrder = plan.withState(MigrationState.OUT_OF_ORDER);
        if (!outOfOrder.isEmpty()) {
            HistoryRow newest = plan.newestApplied();
            String newestTag = plan.entries().stream().filter(e -> e.row() == newest).map(e -> e.migration().tag())
                    .findFirst().orElse(newest.name() != null ? newest.name() : "row id " + newest.id());
            String list = outOfOrder.stream().map(e -> e.migration().tag() + " (when " + e.migration().folderMillis()
                    + ")").collect(Collectors.joining(", "));
            String text = outOfOrder.size() + " migration" + (outOfOrder.size() == 1 ? " is" : "s are")
                    + " out of order: " + list + " " + (outOfOrder.size() == 1 ? "is" : "are") + " not applied but"
                    + " older than the newest applied migration " + newestTag + " (created_at "
                    + newest.createdAt() + "). drizzle's migrator would skip " + (outOfOrder.size() == 1 ? "it" : "them")
                    + " forever.";
            switch (config.outOfOrder()) {
                case FAIL -> throw new ValidationException(text + " Check that " + (outOfOrder.size() == 1 ? "it does"
                        : "they do") + " not conflict with the newer ones, then set outOfOrder to APPLY (or IGNORE to"
                        + " skip as drizzle does). Nothing was applied.", report);
                case APPLY -> {
                    Log.LOG.warn("{} Applying as outOfOrder=APPLY says.", text);
                    warnings.add(text + " Applied (outOfOrder=APPLY).");
                }
                case IGNORE -> {
                    Log.LOG.warn("{} Leaving unapplied as outOfOrder=IGNORE says.", text);
                    warnings.add(text + " Left unapplied (outOfOrder=IGNORE).");
                }
                default -> throw new IllegalStateException();
            }
        }
        List<Plan.Entry> edited = plan.withState(MigrationState.EDITED);
        if (!edited.isEmpty() && config.editedMigrations() != EditedMigrationPolicy.IGNORE) {
            String list = edited.stream().map(e -> e.migration().file()).collect(Collectors.joining(", "));
            String text = edited.size() + " applied migration file" + (edited.size() == 1 ? " was" : "s were")
                    + " edited after " + (edited.size() == 1 ? "it" : "they") + " ran (hash differs from the stored"
                    + " one): " + list + ". Edits to applied files are never applied.";
            if (config.editedMigrations() == EditedMigrationPolicy.FAIL) {
                throw new ValidationException(text + " Restore the files, or set editedMigrations to WARN. Nothing"
                        + " was applied.", report);
            }
            Log.LOG.warn(text);
            warnings.add(text);
        }
        if (!plan.unknownRows().isEmpty()) {
            String text = "The database has " + plan.unknownRows().size() + " applied migration"
                    + (plan.unknownRows().size() == 1 ? "" : "s") + " that this build's folder does not contain ("
                    + plan.unknownRows().stream().map(r -> r.name() != null ? r.name() : "created_at " + r.createdAt())
                    .collect(Collectors.joining(", ")) + "): it is ahead of this build (normal during a rollback"
                    + " of the application).";
            Log.LOG.info(text);
            warnings.add(text);
        }
        if (pendingIsError && !report.pending().isEmpty()) {
            throw new ValidationException(report.pending().size() + " migration" + (report.pending().size() == 1
                    ? " is" : "s are") + " pending: " + report.pending().stream().map(m -> m.tag())
                    .collect(Collectors.joining(", ")) + ". Run migrate.", report);
        }
        return warnings;
    }

    private StatusReport report(LoadedFolder folder, Plan plan, Map<String, PreparedMigration> prepared) {
        return report(folder, plan, prepared, false);
    }

    /**
     * The public report. Whether each migration runs in a transaction is found by lexing it; {@code migrate} lexes only
     * pending work (applied history is never re-parsed on startup), {@code status} lexes everything.
     */
    private StatusReport report(LoadedFolder folder, Plan plan, Map<String, PreparedMigration> prepared,
            boolean lexApplied) {
        return plan.report(config.location(), history.displayName(), new Transactional(prepared, lexApplied));
    }

    /**
     * Whether a migration of the report runs in a transaction (a class rather than a lambda: bootstrapping a lambda
     * costs a service's first start more).
     */
    private static final class Transactional implements Predicate<Plan.Entry> {

        private final Map<String, PreparedMigration> prepared;
        private final boolean lexApplied;

        Transactional(Map<String, PreparedMigration> prepared, boolean lexApplied) {
            this.prepared = prepared;
            this.lexApplied = lexApplied;
        }

        @Override
        public boolean test(Plan.Entry e) {
            if (e.row() != null && !lexApplied) {
                return true;
            }
            MigrationFile m = e.migration();
            try {
                PreparedMigration p = prepared.get(m.tag());
                if (p == null) {
                    p = PreparedMigration.prepare(m);
                    prepared.put(m.tag(), p);
                }
                return p.transactional();
            } catch (DrizzleMigratorException ex) {
                return true;
            }
        }
    }

    /**
     * Opens the run's connection while {@code read} reads the folder. When the connection cannot be opened or set up,
     * a problem with the folder is reported instead: it is what the user must fix first, and it was always found
     * before the database was touched.
     */
    private Session openSession(FolderReadAhead read) {
        Connection c;
        try {
            c = Connections.open(config.dataSource().orElse(null), config.url().orElse(null),
                    config.user().orElse(null), password);
        } catch (RuntimeException e) {
            read.join();
            throw e;
        }
        Session session = new Session(c);
        try {
            session.prepare();
        } catch (SQLException e) {
            session.close();
            read.join();
            throw databaseError(e);
        } catch (RuntimeException e) {
            session.close();
            read.join();
            throw e;
        }
        return session;
    }

    private DrizzleMigratorException databaseError(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return new DatabaseConnectionException("Lost the connection to the database: " + e.getMessage()
                    + " [SQLState " + state + "]. If a migration was running, the error above says what it left.", e);
        }
        return new DrizzleMigratorException("Database error while reading or writing " + history.displayName()
                + ": " + e.getMessage() + (state == null ? "" : " [SQLState " + state + "]"), e);
    }

    /** The run's connection: autocommit on, session settings applied; restored and closed at the end. */
    private final class Session implements AutoCloseable {

        final Connection connection;
        boolean restoreAutoCommit;
        int backendPid;
        String target = "the configured database";

        Session(Connection connection) {
            this.connection = connection;
        }

        void prepare() throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
                restoreAutoCommit = true;
            }
            // the configured URL holds no credentials (they are taken out of it); a DataSource's is asked for
            target = config.url().isPresent() ? config.url().get() : Connections.describe(connection);
            if (config.initSql().isPresent()) {
                sessionReset.add("RESET ALL");
            } else if (config.searchPath().isPresent()) {
                sessionReset.add("RESET search_path");
            }
            if (config.searchPath().isPresent()) {
                try (PreparedStatement ps = connection.prepareStatement("select set_config('search_path', ?, false)")) {
                    ps.setString(1, config.searchPath().get());
                    ps.execute();
                }
            }
            if (config.initSql().isPresent()) {
                List<SqlStatement> statements;
                try {
                    statements = SqlLexer.split(config.initSql().get());
                } catch (SqlSyntaxException e) {
                    throw new ConfigurationException("initSql cannot be delimited: " + e.getMessage());
                }
                try (Statement s = connection.createStatement()) {
                    for (SqlStatement st : statements) {
                        if (!st.isEmpty()) {
                            s.execute(st.text());
                        }
                    }
                } catch (SQLException e) {
                    throw new ConfigurationException("initSql failed: " + e.getMessage()
                            + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
                            + ". Nothing was applied.", e);
                }
            }
        }

        @Override
        public void close() {
            try (Statement s = connection.createStatement()) {
                for (String reset : sessionReset) {
                    s.execute(reset);
                }
            } catch (SQLException e) {
                Log.LOG.debug("Could not reset the migration session: {}", e.getMessage());
            }
            try {
                if (restoreAutoCommit && !connection.isClosed()) {
                    connection.setAutoCommit(false);
                }
            } catch (SQLException e) {
                Log.LOG.debug("Could not restore autocommit: {}", e.getMessage());
            }
            try {
                connection.close();
            } catch (SQLException e) {
                Log.LOG.debug("Could not close the migration connection: {}", e.getMessage());
            }
        }
    }
}
