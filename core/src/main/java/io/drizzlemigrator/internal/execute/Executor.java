package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.internal.Events;
import io.drizzlemigrator.internal.history.HistoryTable;
import io.drizzlemigrator.internal.sql.StatementKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs prepared migrations on the run's connection (autocommit on; transactions are explicit {@code BEGIN} /
 * {@code COMMIT} statements, as drizzle sends them, so that a file's own {@code COMMIT;} behaves as with drizzle).
 *
 * <p>A transactional migration runs in one transaction with its bookkeeping row. Its commit is asynchronous
 * ({@code SET LOCAL synchronous_commit = off}): atomicity is unchanged (the migration and its row commit together or
 * not at all), only the WAL flush is deferred; {@link #flush} forces it once at the end of the run, before the run
 * reports success. A migration with a statement PostgreSQL refuses in a transaction block runs statement by
 * statement in autocommit, its row written after its last statement.
 */
public final class Executor {

    /** The MDC key holding the tag of the migration being applied. */
    public static final String MDC_KEY = "drizzle.migration";

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final Connection connection;
    private final HistoryTable history;
    private final HistoryTable.Shape shape;
    private final Events events;
    private final SessionState txState;
    private final Guards guards;
    private boolean unflushed;
    private boolean statementTimeoutCleared;

    /**
     * The runtime guards' settings.
     *
     * @param ddlLockTimeout {@code lock_timeout} inside transactional migrations (zero: leave the session's)
     * @param ddlLockRetries retries of a transactional migration after a lock timeout
     * @param repairInvalidIndexes drop an INVALID index before its concurrent build runs again
     * @param largeTableRows refuse a plain CREATE INDEX on a bigger existing table (0: off)
     */
    public record Guards(Duration ddlLockTimeout, int ddlLockRetries, boolean repairInvalidIndexes,
            long largeTableRows) {
    }

    private final int backendPid;
    private final io.drizzlemigrator.internal.lock.AdvisoryLock lock;

    /**
     * @param backendPid the backend that holds the migration lock: each migration checks it still talks to it
     * @param lock the lock, for the error when the backend changed (a transaction-pooling proxy)
     */
    public Executor(Connection connection, HistoryTable history, HistoryTable.Shape shape, Events events,
            Guards guards, int backendPid, io.drizzlemigrator.internal.lock.AdvisoryLock lock) {
        this.backendPid = backendPid;
        this.lock = lock;
        this.connection = connection;
        this.history = history;
        this.shape = shape;
        this.events = events;
        this.guards = guards;
        this.txState = SessionState.of(connection);
    }

    /**
     * The large-table rule, checked for every migration of the run before any is applied: a plain
     * {@code CREATE INDEX} on an existing table with more estimated rows than the threshold blocks writes for the
     * whole build, so it is refused before it takes a lock.
     */
    public void checkLargeTables(List<PreparedMigration> migrations) {
        if (guards.largeTableRows() <= 0) {
            return;
        }
        record PlainBuild(PreparedMigration migration, int line, IndexStatement index) {
        }
        java.util.Map<String, Long> rows = new java.util.LinkedHashMap<>();
        List<PlainBuild> plain = new ArrayList<>();
        for (PreparedMigration m : migrations) {
            for (PreparedMigration.Step step : m.statements()) {
                IndexStatement index = step.isIndexBuild() ? IndexStatement.parse(step.statement()) : null;
                if (index != null && !index.concurrent()) {
                    rows.put(index.table(), -1L);
                    plain.add(new PlainBuild(m, step.line(), index));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // one round trip for every table of the run (a thousand-migration history has thousands of index builds)
        try {
            IndexGuards.estimatedRows(connection, rows, guards.largeTableRows());
        } catch (SQLException e) {
            LOG.debug("Could not estimate table sizes for the large-table rule: {}", e.getMessage());
            return;
        }
        for (PlainBuild build : plain) {
            IndexStatement index = build.index();
            long estimate = rows.getOrDefault(index.table(), -1L);
            if (estimate > guards.largeTableRows()) {
                PreparedMigration m = build.migration();
                int line = build.line();
                String msg = "Migration " + m.tag() + " refused at " + m.migration().file() + ":" + line
                        + ": CREATE INDEX without CONCURRENTLY on " + index.table() + ", which has about "
                        + estimate + " rows (more than largeTableRows " + guards.largeTableRows() + "), would"
                        + " block writes to it for the whole build. Build it with CREATE INDEX CONCURRENTLY IF NOT"
                        + " EXISTS in a migration of its own (it then runs outside a transaction), or raise"
                        + " largeTableRows. State left behind: nothing of this run was applied.";
                throw new MigrationFailedException(msg, m.tag(), m.migration().file(), line, null,
                        "nothing of this run was applied", List.of(), null);
            }
        }
    }

    /** Applies all migrations in one transaction, like drizzle's migrator (none may be non-transactional). */
    public List<AppliedMigration> applyAllInOne(List<PreparedMigration> migrations) {
        List<AppliedMigration> applied = new ArrayList<>(migrations.size());
        if (migrations.isEmpty()) {
            return applied;
        }
        Run run = new Run();
        long start = System.nanoTime();
        try {
            run.exec("BEGIN", null);
            for (PreparedMigration m : migrations) {
                long mStart = System.nanoTime();
                MDC.put(MDC_KEY, m.tag());
                events.publish(new MigrationEvent.MigrationStarted(m.tag(), true));
                run.current = m;
                for (PreparedMigration.Step step : m.statements()) {
                    run.step(step);
                }
                run.exec(history.insertSql(m.migration(), shape), null);
                applied.add(new AppliedMigration(m.tag(), Duration.ofNanos(System.nanoTime() - mStart), true,
                        m.statements().size()));
                MDC.remove(MDC_KEY);
            }
            run.exec("COMMIT", null);
        } catch (SQLException e) {
            PreparedMigration failed = run.current;
            MigrationFailedException error = run.failure(e, true,
                    "the whole run was one transaction (transactionMode ALL_IN_ONE)", List.of());
            events.publish(new MigrationEvent.MigrationFailed(failed == null ? "<begin>" : failed.tag(), true,
                    Duration.ofNanos(System.nanoTime() - start), error));
            throw error;
        } finally {
            MDC.remove(MDC_KEY);
        }
        for (AppliedMigration a : applied) {
            LOG.info("Applied {} in {} ms (in the run's single transaction)", a.tag(), a.duration().toMillis());
            events.publish(new MigrationEvent.MigrationApplied(a));
        }
        return applied;
    }

    /**
     * Applies one migration in its own transaction, or outside one when it must.
     *
     * @param appliedBefore what this run applied before it (named in the error if it fails)
     */
    public AppliedMigration apply(PreparedMigration m, List<AppliedMigration> appliedBefore) {
        int attempt = 0;
        while (true) {
            try {
                return applyOnce(m, appliedBefore, attempt);
            } catch (LockTimeoutRetry retry) {
                attempt++;
                long backoff = Math.min(30_000L, 500L << Math.min(attempt, 6));
                LOG.warn("{} could not get a lock within lock_timeout {} ms at {}:{} ({}); rolled back, retry {} of {}"
                        + " in {} ms", m.tag(), guards.ddlLockTimeout().toMillis(), m.migration().file(),
                        retry.step.line(), retry.step.excerpt(), attempt, guards.ddlLockRetries(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw retry.error;
                }
            }
        }
    }

    /** A lock timeout in a transactional migration that rolled back cleanly and may be retried. */
    private static final class LockTimeoutRetry extends RuntimeException {

        final transient PreparedMigration.Step step;
        final MigrationFailedException error;

        LockTimeoutRetry(PreparedMigration.Step step, MigrationFailedException error) {
            super(null, null, false, false);
            this.step = step;
            this.error = error;
        }
    }

    private AppliedMigration applyOnce(PreparedMigration m, List<AppliedMigration> appliedBefore, int attempt) {
        boolean transactional = m.transactional();
        long start = System.nanoTime();
        MDC.put(MDC_KEY, m.tag());
        events.publish(new MigrationEvent.MigrationStarted(m.tag(), transactional));
        Run run = new Run();
        run.current = m;
        try {
            if (transactional) {
                run.begin("BEGIN; SET LOCAL synchronous_commit TO off" + (guards.ddlLockTimeout().isZero() ? ""
                        : "; SET LOCAL lock_timeout TO " + guards.ddlLockTimeout().toMillis())
                        + "; SELECT pg_backend_pid()");
                for (PreparedMigration.Step step : m.statements()) {
                    run.step(step);
                }
                run.exec(history.insertSql(m.migration(), shape) + "; COMMIT", StatementKind.COMMIT);
                unflushed = true;
            } else {
                if (m.statements().isEmpty()) {
                    throw new IllegalStateException("a non-transactional migration has statements");
                }
                run.checkBackend("SELECT pg_backend_pid()");
                LOG.info("{} runs outside a transaction: {} (line {}) cannot run in a transaction block", m.tag(),
                        m.firstNonTransactional().classification().description(), m.firstNonTransactional().line());
                for (PreparedMigration.Step step : m.statements()) {
                    IndexStatement index = step.kind() == StatementKind.NON_TRANSACTIONAL
                            ? IndexStatement.parse(step.statement()) : null;
                    if (step.kind() == StatementKind.NON_TRANSACTIONAL && !statementTimeoutCleared) {
                        // a concurrent build or VACUUM may take long: never cut it with a role's statement_timeout
                        run.exec("SET statement_timeout TO 0", null);
                        statementTimeoutCleared = true;
                    }
                    if (index != null && index.concurrent() && guards.repairInvalidIndexes()) {
                        IndexGuards.dropIfInvalid(connection, index);
                    }
                    run.step(step);
                }
                String insert = history.insertSql(m.migration(), shape);
                if (txState.isOpen(run.inTransaction)) {
                    // the file ended inside its own BEGIN: record in that transaction and commit it, as drizzle does
                    run.exec(insert + "; COMMIT", StatementKind.COMMIT);
                } else {
                    run.exec(insert, null);
                }
            }
        } catch (SQLException e) {
            MigrationFailedException error = run.failure(e, transactional, null, appliedBefore);
            if (transactional && "55P03".equals(e.getSQLState()) && run.lastCommitted == 0
                    && attempt < guards.ddlLockRetries() && run.step != null) {
                throw new LockTimeoutRetry(run.step, error);
            }
            events.publish(new MigrationEvent.MigrationFailed(m.tag(), transactional,
                    Duration.ofNanos(System.nanoTime() - start), error));
            throw error;
        } finally {
            MDC.remove(MDC_KEY);
        }
        AppliedMigration applied = new AppliedMigration(m.tag(), Duration.ofNanos(System.nanoTime() - start),
                transactional, m.statements().size());
        LOG.info("Applied {} in {} ms{}", m.tag(), applied.duration().toMillis(),
                transactional ? "" : " (outside a transaction)");
        events.publish(new MigrationEvent.MigrationApplied(applied));
        return applied;
    }

    /** Whether this executor changed the session's {@code statement_timeout} (to be reset before the connection goes back). */
    public boolean changedStatementTimeout() {
        return statementTimeoutCleared;
    }

    /**
     * Makes every asynchronously committed migration durable before the run reports: a synchronous commit of a
     * transaction with an id flushes the WAL up to it, and so every earlier commit.
     */
    public void flush() {
        if (!unflushed) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute(txState.serverMajorVersion() >= 13 ? "select pg_current_xact_id()" : "select txid_current()");
            unflushed = false;
        } catch (SQLException e) {
            LOG.warn("Could not force the final WAL flush ({}); PostgreSQL's WAL writer flushes within a moment",
                    e.getMessage());
        }
    }

    /** The state of one migration's execution, for the error message. */
    private final class Run {

        PreparedMigration current;
        PreparedMigration.Step step;
        boolean inTransaction;
        boolean ourTransaction;
        int ranOutside;
        int lastCommitted;
        int executed;

        void step(PreparedMigration.Step s) throws SQLException {
            step = s;
            exec(s.sql(), s.kind());
            executed = s.number();
            if (!inTransaction && s.kind() != StatementKind.COMMIT && s.kind() != StatementKind.ROLLBACK) {
                ranOutside = s.number();
            }
            if (s.kind() == StatementKind.COMMIT) {
                lastCommitted = s.number();
            }
            step = null;
        }

        /** Sends our BEGIN batch, whose last statement returns the backend pid, and checks it. */
        void begin(String sql) throws SQLException {
            checkBackend(sql);
            inTransaction = true;
            ourTransaction = true;
        }

        /** Runs SQL whose last result is {@code pg_backend_pid()}, and refuses if the backend changed. */
        void checkBackend(String sql) throws SQLException {
            int pid = 0;
            try (Statement s = connection.createStatement()) {
                boolean isResult = s.execute(sql);
                while (true) {
                    if (isResult) {
                        try (java.sql.ResultSet rs = s.getResultSet()) {
                            if (rs.next()) {
                                pid = rs.getInt(1);
                            }
                        }
                    } else if (s.getUpdateCount() == -1) {
                        break;
                    }
                    isResult = s.getMoreResults();
                }
            }
            if (backendPid != 0 && pid != backendPid) {
                if (txState.isOpen(true)) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // the error below is what matters
                    }
                }
                throw lock.pooled(backendPid, pid);
            }
        }

        void exec(String sql, StatementKind kind) throws SQLException {
            try (Statement s = connection.createStatement()) {
                // sent as written, as drizzle's migrator sends it: no JDBC escapes ({fn ...}, {d ...}) rewritten
                s.setEscapeProcessing(false);
                s.execute(sql);
                logWarnings(s.getWarnings());
            }
            if (kind == StatementKind.BEGIN) {
                inTransaction = true;
                if (step == null) {
                    ourTransaction = true;
                }
            } else if (kind == StatementKind.COMMIT || kind == StatementKind.ROLLBACK) {
                inTransaction = false;
            }
        }

        MigrationFailedException failure(SQLException e, boolean transactional, String allInOneNote,
                List<AppliedMigration> appliedBefore) {
            PreparedMigration m = current;
            String tag = m == null ? "<none>" : m.tag();
            String file = m == null ? "<none>" : m.migration().file();
            boolean connectionLost = isConnectionLost(e);
            boolean rolledBack = false;
            if (!connectionLost && txState.isOpen(inTransaction)) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK");
                    rolledBack = true;
                } catch (SQLException rollbackError) {
                    e.addSuppressed(rollbackError);
                }
            }
            int line = step == null ? 0 : step.line();
            String where;
            if (step != null) {
                line = lineOfError(e, step);
                where = file + ":" + line + " (statement " + step.number() + " of " + m.statements().size() + ": "
                        + step.excerpt() + ")";
            } else {
                where = file + " (while recording it in " + history.displayName() + ")";
            }
            String state = leftBehind(transactional, connectionLost, rolledBack, allInOneNote);
            if (step != null && !connectionLost && step.kind() == StatementKind.NON_TRANSACTIONAL) {
                IndexStatement index = IndexStatement.parse(step.statement());
                if (index != null && index.concurrent()) {
                    try {
                        IndexGuards.ExistingIndex left = IndexGuards.find(connection, index);
                        if (left != null && !left.valid()) {
                            state += "; the failed concurrent build left the INVALID index " + left.qualifiedName()
                                    + " (ignored by queries but maintained on every write"
                                    + (guards.repairInvalidIndexes() ? "; the next run drops and rebuilds it)"
                                    : "; drop it with DROP INDEX CONCURRENTLY before retrying)");
                        }
                    } catch (SQLException lookup) {
                        e.addSuppressed(lookup);
                    }
                }
            }
            String sqlState = e.getSQLState();
            StringBuilder msg = new StringBuilder("Migration ").append(tag).append(" failed at ").append(where)
                    .append(": ").append(sqlState != null ? "[" + sqlState + "] " : "").append(serverMessage(e))
                    .append(". State left behind: ").append(state).append('.');
            if (!appliedBefore.isEmpty()) {
                msg.append(' ').append(appliedBefore.size()).append(appliedBefore.size() == 1 ? " earlier migration"
                        : " earlier migrations").append(" of this run applied and recorded.");
            }
            msg.append(" Fix the migration (or the database) and run again.");
            return new MigrationFailedException(msg.toString(), tag, file, line, sqlState, state, appliedBefore, e);
        }

        private String leftBehind(boolean transactional, boolean connectionLost, boolean rolledBack, String note) {
            String notRecorded = "not recorded in " + history.displayName() + ", so the next run retries it";
            if (note != null) {
                return (connectionLost ? "connection lost, PostgreSQL rolls the transaction back" : "rolled back")
                        + ": nothing of this run is applied or recorded (" + note + ")";
            }
            if (transactional) {
                String base = connectionLost
                        ? "the connection was lost; PostgreSQL rolls back the open transaction"
                        : rolledBack || lastCommitted == 0 ? "rolled back" : "the file's own transaction state was kept";
                if (lastCommitted > 0) {
                    return base + "; but statements 1-" + lastCommitted + " were committed by the file's own COMMIT"
                            + " and are not undone; " + notRecorded;
                }
                return base + ", nothing recorded";
            }
            String failing = "";
            if (step != null && connectionLost && step.kind() == StatementKind.NON_TRANSACTIONAL) {
                IndexStatement index = IndexStatement.parse(step.statement());
                if (index != null && index.concurrent()) {
                    failing = "; the interrupted " + step.classification().description() + " may have left an"
                            + " INVALID index" + (index.indexName() == null ? "" : " " + index.indexName())
                            + (guards.repairInvalidIndexes() ? ", which the next run drops and rebuilds"
                            : "; drop it with DROP INDEX CONCURRENTLY before retrying");
                }
            }
            if (executed == 0) {
                return (connectionLost ? "the connection was lost; " : "") + "none of its statements completed"
                        + failing + "; " + notRecorded;
            }
            return (connectionLost ? "the connection was lost; " : "") + "statements 1-" + executed
                    + " ran outside a transaction and are not undone" + failing + "; " + notRecorded;
        }
    }

    private static int lineOfError(SQLException e, PreparedMigration.Step step) {
        if (e instanceof PSQLException pe) {
            ServerErrorMessage sem = pe.getServerErrorMessage();
            if (sem != null && sem.getPosition() > 0) {
                String sql = step.sql();
                int end = Math.min(sem.getPosition() - 1, sql.length());
                int extra = 0;
                for (int i = 0; i < end; i++) {
                    if (sql.charAt(i) == '\n') {
                        extra++;
                    }
                }
                return step.line() + extra;
            }
        }
        return step.line();
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            ServerErrorMessage sem = pe.getServerErrorMessage();
            String text = sem.getMessage();
            if (sem.getDetail() != null) {
                text += " (" + sem.getDetail() + ")";
            }
            if (sem.getHint() != null) {
                text += " Hint: " + sem.getHint();
            }
            return text;
        }
        return String.valueOf(e.getMessage());
    }

    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"))) {
            return true;
        }
        return false;
    }

    private static void logWarnings(SQLWarning warning) {
        while (warning != null) {
            LOG.debug("PostgreSQL said: [{}] {}", warning.getSQLState(), warning.getMessage());
            warning = warning.getNextWarning();
        }
    }
}
