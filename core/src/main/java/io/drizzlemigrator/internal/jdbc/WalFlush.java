package io.drizzlemigrator.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits until what a session has read is durable. A run defers its WAL flush to its end (each migration commits with
 * {@code synchronous_commit} off, and one flush follows the last), so while a run is in progress another session can
 * see a migration's row a moment before it is on disk; PostgreSQL's WAL writer flushes it within a few
 * {@code wal_writer_delay} (200 ms by default) in any case.
 */
public final class WalFlush {

    private static final long POLL_MILLIS = 10;

    private WalFlush() {
    }

    /**
     * Waits until the server has flushed its WAL past every commit this session could have seen so far.
     *
     * @return true once it has; false on a standby (it has no WAL insert position of its own), when {@code max}
     *         passes first, or when the thread is interrupted (the interrupt is kept)
     */
    public static boolean awaitFlushed(Connection connection, Duration max) throws SQLException {
        long deadline = System.nanoTime() + max.toNanos();
        String target;
        // A transaction is visible only once its commit record is in the WAL: the insert position now is past the
        // commit of everything this session has read before.
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select case when"
                + " pg_is_in_recovery() then null else pg_current_wal_insert_lsn()::text end")) {
            rs.next();
            target = rs.getString(1);
        }
        if (target == null) {
            return false;
        }
        try (PreparedStatement flushed = connection.prepareStatement(
                "select pg_current_wal_flush_lsn() >= ?::pg_lsn")) {
            flushed.setString(1, target);
            while (true) {
                try (ResultSet rs = flushed.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }
}
