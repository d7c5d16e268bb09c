package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.LockBlocker;
import io.drizzlemigrator.StatementProgress;
import io.drizzlemigrator.internal.sql.LiteralMask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the watcher asks PostgreSQL on its second connection about the migrating backend: who blocks it
 * ({@code pg_blocking_pids}), how far its long statement has come (the progress views), and, with
 * {@code terminateBlockers}, the termination of a blocker still in the transaction it was seen in.
 */
final class WatchQueries {

    /** A blocker as seen, with what identifies its session and transaction for a later termination. */
    record Seen(LockBlocker blocker, Timestamp backendStart, Timestamp transactionStart) {
    }

    /** The progress view a statement reports in. */
    enum View {
        CREATE_INDEX("select phase, blocks_done, blocks_total, tuples_done, tuples_total"
                + " from pg_stat_progress_create_index where pid = ?"),
        // VACUUM FULL reports in pg_stat_progress_cluster, like CLUSTER
        VACUUM("select phase, case when phase = 'vacuuming heap' then heap_blks_vacuumed else heap_blks_scanned end,"
                + " heap_blks_total, -1, -1 from pg_stat_progress_vacuum where pid = ?"
                + " union all select phase, heap_blks_scanned, heap_blks_total, heap_tuples_scanned, -1"
                + " from pg_stat_progress_cluster where pid = ?");

        final String sql;

        View(String sql) {
            this.sql = sql;
        }

        /** The view a statement of this description reports in, or null when it reports in none we read. */
        static View of(String description) {
            if (description.startsWith("CREATE INDEX") || description.startsWith("CREATE UNIQUE INDEX")
                    || description.startsWith("REINDEX")) {
                return CREATE_INDEX;
            }
            if (description.startsWith("VACUUM") || description.startsWith("CLUSTER")) {
                return VACUUM;
            }
            return null;
        }
    }

    private static final String BLOCKERS = "select a.pid, coalesce(a.application_name, ''), host(a.client_addr),"
            + " a.state, (extract(epoch from clock_timestamp() - a.xact_start) * 1000)::bigint, a.query,"
            + " a.wait_event_type = 'Lock', a.backend_start, a.xact_start"
            + " from pg_stat_activity a where a.pid = any(pg_blocking_pids(?)) order by a.xact_start nulls last, a.pid";

    // only a session still in the transaction it was seen in, and not itself queued for a lock
    private static final String TERMINATE = "select pg_terminate_backend(pid) from pg_stat_activity"
            + " where pid = ? and backend_start = ? and xact_start is not distinct from ?"
            + " and wait_event_type is distinct from 'Lock'";

    private WatchQueries() {
    }

    /** The sessions blocking {@code pid} now, oldest transaction first; empty when it waits for nothing. */
    static List<Seen> blockers(Connection c, int pid) throws SQLException {
        List<Seen> seen = new ArrayList<>(2);
        try (PreparedStatement ps = c.prepareStatement(BLOCKERS)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ageMillis = rs.getLong(5);
                    Duration age = rs.wasNull() ? null : Duration.ofMillis(Math.max(0, ageMillis));
                    LockBlocker b = new LockBlocker(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), age, LiteralMask.mask(rs.getString(6), LockBlocker.MAX_QUERY_LENGTH),
                            rs.getBoolean(7));
                    seen.add(new Seen(b, rs.getTimestamp(8), rs.getTimestamp(9)));
                }
            }
        }
        return seen;
    }

    /** How far {@code pid}'s statement has come, or null when the view has no row for it (yet, or any more). */
    static StatementProgress progress(Connection c, int pid, View view, String command) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(view.sql)) {
            ps.setInt(1, pid);
            if (view == View.VACUUM) {
                ps.setInt(2, pid);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new StatementProgress(command, rs.getString(1), count(rs, 2), count(rs, 3), count(rs, 4),
                        count(rs, 5));
            }
        }
    }

    /** Terminates the blocker if it is still in the transaction it was seen in; true when it was terminated. */
    static boolean terminate(Connection c, Seen seen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TERMINATE)) {
            ps.setInt(1, seen.blocker().pid());
            ps.setTimestamp(2, seen.backendStart());
            ps.setTimestamp(3, seen.transactionStart());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static long count(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? -1 : v;
    }
}
