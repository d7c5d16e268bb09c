package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.internal.lock.AdvisoryLock;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.StatementKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at applying a migration (or, in {@code ALL_IN_ONE} mode, the run's single transaction): sends its
 * statements and keeps what a failure message must say: the statement that was running, how far the file got, what
 * its own {@code COMMIT;} made permanent, whether a transaction is open.
 */
final class Attempt {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final Connection connection;
    private final SessionState txState;
    private final int backendPid;
    private final AdvisoryLock lock;
    private final boolean transactional;
    private final StatementWatch watch;

    /** The migration being applied. */
    ToApply current;
    /** The statement being sent, or null between statements. */
    private PreparedMigration.Step step;
    private boolean inTransaction;
    /** The number of the file's last own {@code COMMIT}, or 0. */
    private int lastCommitted;
    /** The number of the last statement that completed, or 0. */
    private int executed;
    /** The last statement of the file sent, as the watch saw it: who blocked it. */
    private StatementWatch.Watched watched;

    /**
     * @param backendPid the backend that holds the migration lock (0: not checked)
     * @param lock the lock, for the error when the backend changed (a transaction-pooling proxy)
     * @param transactional whether the migration runs in one transaction with its row
     * @param watch watches each statement of the file while it runs
     */
    Attempt(Connection connection, SessionState txState, int backendPid, AdvisoryLock lock, ToApply current,
            boolean transactional, StatementWatch watch) {
        this.connection = connection;
        this.txState = txState;
        this.backendPid = backendPid;
        this.lock = lock;
        this.current = current;
        this.transactional = transactional;
        this.watch = watch;
    }

    void step(PreparedMigration.Step s) throws SQLException {
        step = s;
        StatementWatch.Watched w = watch.begin(current == null ? "<begin>" : current.tag(), s);
        watched = w;
        boolean succeeded = false;
        try {
            exec(s.sql(), s.kind());
            succeeded = true;
        } finally {
            watch.end(w, succeeded);
        }
        executed = s.number();
        if (s.kind() == StatementKind.COMMIT) {
            lastCommitted = s.number();
        }
        step = null;
    }

    /** Sends our BEGIN batch, whose last statement returns the backend pid, and checks it. */
    void begin(String sql) throws SQLException {
        checkBackend(sql);
        inTransaction = true;
    }

    /** Runs SQL whose last result is {@code pg_backend_pid()}, and refuses if the backend changed. */
    void checkBackend(String sql) throws SQLException {
        int pid = 0;
        try (Statement s = connection.createStatement()) {
            boolean isResult = s.execute(sql);
            while (true) {
                if (isResult) {
                    try (ResultSet rs = s.getResultSet()) {
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
        } else if (kind == StatementKind.COMMIT || kind == StatementKind.ROLLBACK) {
            inTransaction = false;
        }
    }

    /** Whether the server has a transaction open on the connection (the tracked state when the driver is hidden). */
    boolean transactionOpen() {
        return txState.isOpen(inTransaction);
    }

    /** Rolls back the open transaction; true when it did. */
    boolean rollback() throws SQLException {
        if (!transactionOpen()) {
            return false;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
            return true;
        }
    }

    boolean transactional() {
        return transactional;
    }

    PreparedMigration.Step step() {
        return step;
    }

    int lastCommitted() {
        return lastCommitted;
    }

    int executed() {
        return executed;
    }

    /** The last statement of the file sent, as watched (who was seen blocking it), or null before the first. */
    StatementWatch.Watched watched() {
        return watched;
    }

    private static void logWarnings(SQLWarning warning) {
        while (warning != null) {
            LOG.debug("PostgreSQL said: [{}] {}", warning.getSQLState(), warning.getMessage());
            warning = warning.getNextWarning();
        }
    }
}
