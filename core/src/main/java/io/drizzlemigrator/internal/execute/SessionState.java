package io.drizzlemigrator.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;

/**
 * Whether the server has a transaction open on the run's connection, read from pgjdbc's protocol state (it tracks
 * the ReadyForQuery status), so that a file's own {@code BEGIN;} / {@code COMMIT;} are seen as they are.
 */
final class SessionState {

    private final BaseConnection pg;
    private final int majorVersion;

    private SessionState(BaseConnection pg, int majorVersion) {
        this.pg = pg;
        this.majorVersion = majorVersion;
    }

    static SessionState of(Connection connection) {
        BaseConnection pg = null;
        int major = 15;
        try {
            if (connection.isWrapperFor(BaseConnection.class)) {
                pg = connection.unwrap(BaseConnection.class);
            }
            major = connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            // a wrapper that hides the driver: fall back to the state tracked from statement kinds
        }
        return new SessionState(pg, major);
    }

    /** The server's word if the driver is reachable, else {@code tracked}. */
    boolean isOpen(boolean tracked) {
        if (pg == null) {
            return tracked;
        }
        return pg.getTransactionState() != org.postgresql.core.TransactionState.IDLE;
    }

    int serverMajorVersion() {
        return majorVersion;
    }
}
