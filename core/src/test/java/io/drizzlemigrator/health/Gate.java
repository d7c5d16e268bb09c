package io.drizzlemigrator.health;

import io.drizzlemigrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A table the test keeps locked (ACCESS EXCLUSIVE, in an open transaction) so that a migration touching it blocks, for
 * as long as the test wants, while its runner holds the migration lock. {@link #MIGRATION} blocks on it outside a
 * transaction, so no {@code lock_timeout} of the runner applies.
 */
public final class Gate implements AutoCloseable {

    /** A migration that waits for the gate: a concurrent index build needs a lock the test holds. */
    public static final String MIGRATION = "CREATE INDEX CONCURRENTLY IF NOT EXISTS gate_id_idx ON gate (id);";

    private final TestDatabase db;
    private final Connection connection;

    private Gate(TestDatabase db, Connection connection) {
        this.db = db;
        this.connection = connection;
    }

    /** Creates the table {@code gate} and locks it. */
    public static Gate closed(TestDatabase db) throws SQLException {
        db.execute("create table gate (id int)");
        Connection c = db.connect();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("lock table gate in access exclusive mode");
        }
        return new Gate(db, c);
    }

    /** Whether a session waits for the gate's lock. */
    public boolean hasWaiter() {
        return db.queryLong("select count(*) from pg_locks where not granted and relation = 'gate'::regclass") > 0;
    }

    /** Lets the blocked migration go on. */
    public void open() throws SQLException {
        if (!connection.isClosed()) {
            connection.rollback();
            connection.close();
        }
    }

    @Override
    public void close() throws SQLException {
        open();
    }
}
