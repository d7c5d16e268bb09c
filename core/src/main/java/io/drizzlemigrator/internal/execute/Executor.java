package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.MigrationListener;
import io.drizzlemigrator.internal.history.HistoryTable;
import io.drizzlemigrator.internal.jdbc.ConnectionFactory;
import io.drizzlemigrator.internal.lock.AdvisoryLock;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.StatementKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the run's migrations on its connection (autocommit on; transactions are explicit {@code BEGIN} /
 * {@code COMMIT} statements, as drizzle sends them, so that a file's own {@code COMMIT;} behaves as with drizzle).
 *
 * <p>A transactional migration runs in one transaction with its bookkeeping row. Its commit is asynchronous
 * ({@code SET LOCAL synchronous_commit = off}): atomicity is unchanged (the migration and its row commit together or
 * not at all), only the WAL flush is deferred; {@link #flush} forces it once at the end of the run, before the run
 * reports success. A migration with a statement PostgreSQL refuses in a transaction block runs statement by
 * statement in autocommit, its row written after its last statement.
 *
 * <p>Each migration is an {@link Attempt} (tried again after a lock timeout as {@link LockRetry} decides); a failed
 * one is described by {@link FailureDescription}. Each statement of a file is watched from a second connection
 * ({@link StatementWatch}): who blocks it while it waits for a lock, how far a long one has come.
 */
public final class Executor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final Connection connection;
    private final HistoryTable history;
    private final HistoryTable.Shape shape;
    private final MigrationListener events;
    private final SessionState txState;
    private final Guards guards;
    private final LockRetry lockRetry;
    private final FailureDescription failures;
    private final int backendPid;
    private final AdvisoryLock lock;
    private final StatementWatch watch;
    private boolean unflushed;
    private boolean statementTimeoutCleared;

    /**
     * The runtime guards' settings.
     *
     * @param ddlLockTimeout {@code lock_timeout} inside transactional migrations (zero: leave the session's)
     * @param ddlLockRetries retries of a transactional migration after a lock timeout
     * @param repairInvalidIndexes drop an INVALID index before its concurrent build runs again
     * @param terminateBlockers terminate the sessions that kept a retried migration's DDL from its lock
     * @param progressInterval how often a long statement's progress is read
     */
    public record Guards(Duration ddlLockTimeout, int ddlLockRetries, boolean repairInvalidIndexes,
            boolean terminateBlockers, Duration progressInterval) {
    }

    /**
     * @param events where the migration events go
     * @param backendPid the backend that holds the migration lock: each migration checks it still talks to it
     * @param lock the lock, for the error when the backend changed (a transaction-pooling proxy)
     * @param connections where the watcher's second connection comes from
     */
    public Executor(Connection connection, HistoryTable history, HistoryTable.Shape shape, MigrationListener events,
            Guards guards, int backendPid, AdvisoryLock lock, ConnectionFactory connections) {
        this.connection = connection;
        this.history = history;
        this.shape = shape;
        this.events = events;
        this.guards = guards;
        this.backendPid = backendPid;
        this.lock = lock;
        this.txState = SessionState.of(connection);
        this.lockRetry = new LockRetry(guards.ddlLockTimeout(), guards.ddlLockRetries());
        this.failures = new FailureDescription(connection, history.displayName(), guards.repairInvalidIndexes());
        this.watch = new StatementWatch(connections, backendPid, events, guards.ddlLockTimeout(),
                guards.progressInterval());
    }

    /** Applies all migrations in one transaction, like drizzle's migrator (none may be non-transactional). */
    public List<AppliedMigration> applyAllInOne(List<ToApply> migrations) {
        List<AppliedMigration> applied = new ArrayList<>(migrations.size());
        if (migrations.isEmpty()) {
            return applied;
        }
        Attempt attempt = new Attempt(connection, txState, backendPid, lock, null, true, watch);
        long start = System.nanoTime();
        try {
            attempt.exec("BEGIN", null);
            for (ToApply m : migrations) {
                long mStart = System.nanoTime();
                MDC.put(DrizzleMigrator.MDC_MIGRATION, m.tag());
                events.onEvent(new MigrationEvent.MigrationStarted(m.tag(), true));
                attempt.current = m;
                for (PreparedMigration.Step step : m.statements()) {
                    attempt.step(step);
                }
                attempt.exec(history.insertSql(m.file(), shape), null);
                applied.add(new AppliedMigration(m.tag(), Duration.ofNanos(System.nanoTime() - mStart), true,
                        m.statements().size()));
                MDC.remove(DrizzleMigrator.MDC_MIGRATION);
            }
            attempt.exec("COMMIT", null);
        } catch (SQLException e) {
            ToApply failed = attempt.current;
            gaveUp(e, attempt, failed == null ? "<begin>" : failed.tag());
            MigrationFailedException error = failures.describe(e, attempt,
                    "the whole run was one transaction (transactionMode ALL_IN_ONE)", List.of());
            events.onEvent(new MigrationEvent.MigrationFailed(failed == null ? "<begin>" : failed.tag(), true,
                    Duration.ofNanos(System.nanoTime() - start), error));
            throw error;
        } finally {
            MDC.remove(DrizzleMigrator.MDC_MIGRATION);
        }
        for (AppliedMigration a : applied) {
            LOG.info("Applied {} in {} ms (in the run's single transaction)", a.tag(), a.duration().toMillis());
            events.onEvent(new MigrationEvent.MigrationApplied(a));
        }
        return applied;
    }

    /**
     * Applies one migration in its own transaction, or outside one when it must; a transactional one that hit
     * {@code lock_timeout} is tried again as {@link LockRetry} says.
     *
     * @param appliedBefore what this run applied before it (named in the error if it fails)
     */
    public AppliedMigration apply(ToApply m, List<AppliedMigration> appliedBefore) {
        int retries = 0;
        while (true) {
            try {
                return applyOnce(m, appliedBefore, retries);
            } catch (LockTimeoutRetry retry) {
                retries++;
                long backoff = lockRetry.backoffMillis(retries);
                StatementWatch.Watched w = retry.watched;
                LOG.warn("{} could not get a lock within lock_timeout {} ms at {}:{} ({}); {}; rolled back, retry {}"
                        + " of {} in {} ms", m.tag(), guards.ddlLockTimeout().toMillis(), m.fileName(),
                        retry.step.line(), retry.step.excerpt(), w.describeBlockers(), retries,
                        guards.ddlLockRetries(), backoff);
                events.onEvent(new MigrationEvent.DdlLockWait(m.tag(), w.line, w.duration(),
                        MigrationEvent.DdlLockWaitOutcome.RETRIED, w.blockers()));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw retry.error;
                }
                if (guards.terminateBlockers()) {
                    // after the backoff, right before the retry: a blocker that finished meanwhile is left alone
                    watch.terminateBlockers(w);
                }
            }
        }
    }

    /** A lock timeout in a transactional migration that rolled back cleanly and may be retried. */
    private static final class LockTimeoutRetry extends RuntimeException {

        final transient PreparedMigration.Step step;
        final transient StatementWatch.Watched watched;
        final MigrationFailedException error;

        LockTimeoutRetry(PreparedMigration.Step step, StatementWatch.Watched watched, MigrationFailedException error) {
            super(null, null, false, false);
            this.step = step;
            this.watched = watched;
            this.error = error;
        }
    }

    private AppliedMigration applyOnce(ToApply m, List<AppliedMigration> appliedBefore, int previousRetries) {
        boolean transactional = m.transactional();
        long start = System.nanoTime();
        MDC.put(DrizzleMigrator.MDC_MIGRATION, m.tag());
        events.onEvent(new MigrationEvent.MigrationStarted(m.tag(), transactional));
        Attempt attempt = new Attempt(connection, txState, backendPid, lock, m, transactional, watch);
        try {
            if (transactional) {
                runInTransaction(m, attempt);
            } else {
                runOutsideTransaction(m, attempt);
            }
        } catch (SQLException e) {
            PreparedMigration.Step failedStep = attempt.step();
            MigrationFailedException error = failures.describe(e, attempt, null, appliedBefore);
            if (lockRetry.shouldRetry(e, attempt, previousRetries)) {
                throw new LockTimeoutRetry(failedStep, attempt.watched(), error);
            }
            gaveUp(e, attempt, m.tag());
            events.onEvent(new MigrationEvent.MigrationFailed(m.tag(), transactional,
                    Duration.ofNanos(System.nanoTime() - start), error));
            throw error;
        } finally {
            MDC.remove(DrizzleMigrator.MDC_MIGRATION);
        }
        AppliedMigration applied = new AppliedMigration(m.tag(), Duration.ofNanos(System.nanoTime() - start),
                transactional, m.statements().size());
        LOG.info("Applied {} in {} ms{}", m.tag(), applied.duration().toMillis(),
                transactional ? "" : " (outside a transaction)");
        events.onEvent(new MigrationEvent.MigrationApplied(applied));
        return applied;
    }

    private void runInTransaction(ToApply m, Attempt attempt) throws SQLException {
        attempt.begin("BEGIN; SET LOCAL synchronous_commit TO off" + (guards.ddlLockTimeout().isZero() ? ""
                : "; SET LOCAL lock_timeout TO " + guards.ddlLockTimeout().toMillis()) + "; SELECT pg_backend_pid()");
        for (PreparedMigration.Step step : m.statements()) {
            attempt.step(step);
        }
        attempt.exec(history.insertSql(m.file(), shape) + "; COMMIT", StatementKind.COMMIT);
        unflushed = true;
    }

    private void runOutsideTransaction(ToApply m, Attempt attempt) throws SQLException {
        if (m.statements().isEmpty()) {
            throw new IllegalStateException("a non-transactional migration has no statements");
        }
        attempt.checkBackend("SELECT pg_backend_pid()");
        LOG.info("{} runs outside a transaction: {} (line {}) cannot run in a transaction block", m.tag(),
                m.firstNonTransactional().classification().description(), m.firstNonTransactional().line());
        for (PreparedMigration.Step step : m.statements()) {
            boolean nonTransactional = step.kind() == StatementKind.NON_TRANSACTIONAL;
            if (nonTransactional && !statementTimeoutCleared) {
                // a concurrent build or VACUUM may take long: never cut it with a role's statement_timeout
                attempt.exec("SET statement_timeout TO 0", null);
                statementTimeoutCleared = true;
            }
            IndexStatement index = nonTransactional ? IndexStatement.parse(step.statement()) : null;
            if (index != null && index.concurrent() && guards.repairInvalidIndexes()) {
                IndexGuards.dropIfInvalid(connection, index);
            }
            attempt.step(step);
        }
        String insert = history.insertSql(m.file(), shape);
        if (attempt.transactionOpen()) {
            // the file ended inside its own BEGIN: record in that transaction and commit it, as drizzle does
            attempt.exec(insert + "; COMMIT", StatementKind.COMMIT);
        } else {
            attempt.exec(insert, null);
        }
    }

    /** A lock timeout that is not retried: who blocked the statement, at WARN and as an event. */
    private void gaveUp(SQLException e, Attempt attempt, String tag) {
        StatementWatch.Watched w = attempt.watched();
        if (!LockRetry.LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || w == null || attempt.step() == null) {
            return;
        }
        LOG.warn("{} line {} could not get a lock within lock_timeout and is not tried again; {}", tag, w.line,
                w.describeBlockers());
        events.onEvent(new MigrationEvent.DdlLockWait(tag, w.line, w.duration(),
                MigrationEvent.DdlLockWaitOutcome.GAVE_UP, w.blockers()));
    }

    /** Stops watching statements: the watcher's thread and second connection. */
    @Override
    public void close() {
        watch.close();
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
}
