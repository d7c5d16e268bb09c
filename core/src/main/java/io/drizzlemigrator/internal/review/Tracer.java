package io.drizzlemigrator.internal.review;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.StatementKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures locks on a scratch database: the migrations the target has applied are replayed there as the executor
 * would run them, then each statement of the pending ones runs on its own and its locks are read from
 * {@code pg_locks}:
 * <ul>
 * <li>a statement that may run in a transaction runs in one of its own, and its backend's relation locks are read
 * before the commit;</li>
 * <li>one that may not ({@code CREATE INDEX CONCURRENTLY}, ...) runs in autocommit while a second connection watches
 * its backend's locks; a third one holds ShareUpdateExclusiveLock on every table until the statement is seen waiting,
 * so that a statement that finishes in a millisecond is still seen asking for its first lock.</li>
 * </ul>
 * A rewrite is a table whose {@code relfilenode} changed. The scratch database is the caller's to create and drop.
 */
public final class Tracer {

    private static final Logger LOG = LoggerFactory.getLogger(Tracer.class);

    /** The relations of the user's schemas, by oid: name, kind, file. */
    private static final String RELATIONS = "select c.oid, n.nspname || '.' || c.relname, c.relkind, c.relfilenode"
            + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'v', 'm',"
            + " 'f') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'"
            + " and n.nspname not like 'pg\\_temp%'";
    private static final String LOCKS = "select relation, mode, granted from pg_locks where pid = ? and locktype ="
            + " 'relation'";
    /** How long the watcher waits for a non-transactional statement to be seen waiting before it lets it go. */
    private static final long HOLD_MILLIS = 3000;

    /** A migration to replay or trace. */
    public record Replay(String tag, String file, PreparedMigration prepared) {
    }

    /** Opens a new connection to the scratch database. */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector scratch;
    /** The scratch database's relations before the next statement (what the previous one left). */
    private Map<Long, String[]> relations;

    public Tracer(Connector scratch) {
        this.scratch = scratch;
    }

    /**
     * Replays {@code applied}, then traces {@code pending}; by tag, the trace of each statement (by its number in the
     * migration, {@link PreparedMigration.Step#number()}).
     *
     * @throws DrizzleMigratorException an applied migration cannot be replayed (naming its file and line)
     */
    public Map<String, Map<Integer, Traced>> trace(List<Replay> applied, List<Replay> pending) {
        try (Connection c = scratch.open()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = 0");
                s.execute("SET synchronous_commit = off"); // a scratch database: durability buys nothing
                for (Replay m : applied) {
                    replay(s, m);
                }
                Map<String, Map<Integer, Traced>> out = new LinkedHashMap<>();
                int pid = pid(s);
                relations = relations(c);
                for (Replay m : pending) {
                    Map<Integer, Traced> steps = new HashMap<>();
                    for (PreparedMigration.Step step : m.prepared().statements()) {
                        if (isTransactionControl(step.kind())) {
                            continue;
                        }
                        steps.put(step.number(), step.kind() == StatementKind.NON_TRANSACTIONAL
                                ? watched(c, pid, step) : inTransaction(s, pid, step));
                    }
                    out.put(m.tag(), steps);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new DrizzleMigratorException("Tracing on the scratch database failed: " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
                    + ". The target was not touched.", e);
        }
    }

    private static boolean isTransactionControl(StatementKind kind) {
        return kind == StatementKind.BEGIN || kind == StatementKind.COMMIT || kind == StatementKind.ROLLBACK
                || kind == StatementKind.EMPTY;
    }

    /** Runs an applied migration as the executor does (its transaction, or autocommit statement by statement). */
    private static void replay(Statement s, Replay m) {
        boolean tx = m.prepared().transactional();
        PreparedMigration.Step current = null;
        try {
            if (tx) {
                s.execute("BEGIN");
            }
            for (PreparedMigration.Step step : m.prepared().statements()) {
                current = step;
                s.execute(step.sql());
            }
            // a file may leave its own BEGIN open (the executor commits it with the row); without one, PostgreSQL
            // answers with a warning, not an error
            s.execute("COMMIT");
        } catch (SQLException e) {
            rollbackQuietly(s);
            throw new DrizzleMigratorException("Replaying the applied migration " + m.file() + " on the scratch"
                    + " database failed" + (current == null ? "" : " at line " + current.line()) + ": "
                    + e.getMessage() + ". The trace needs the folder's applied migrations to replay on an empty"
                    + " database (give --scratch-url of a database prepared for them otherwise). The target was not"
                    + " touched.", e);
        }
    }

    private static int pid(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The statement in a transaction of its own; its backend's locks read before the commit. */
    private Traced inTransaction(Statement s, int pid, PreparedMigration.Step step) throws SQLException {
        Map<Long, String[]> before = relations;
        s.execute("BEGIN");
        try {
            s.execute(step.sql());
        } catch (SQLException e) {
            rollbackQuietly(s);
            LOG.debug("Statement at line {} failed on the scratch database: {}", step.line(), e.getMessage());
            return new Traced(Map.of(), false, e.getMessage());
        }
        Map<Long, EnumSet<LockMode>> held = new HashMap<>();
        readLocks(s.getConnection(), pid, held);
        relations = relations(s.getConnection());
        s.execute("COMMIT");
        return result(held, before, relations, null);
    }

    /**
     * The statement in autocommit on {@code c}, watched from a second connection while a third holds every table
     * until the statement is seen asking for a lock (or {@link #HOLD_MILLIS} passed).
     */
    private Traced watched(Connection c, int pid, PreparedMigration.Step step) throws SQLException {
        Map<Long, String[]> before = relations;
        Map<Long, EnumSet<LockMode>> held = new HashMap<>();
        String[] failure = new String[1];
        try (Connection watcher = scratch.open(); Connection holder = scratch.open();
                Statement hold = holder.createStatement()) {
            watcher.setAutoCommit(true);
            holder.setAutoCommit(true);
            List<String> tables = new ArrayList<>();
            for (String[] r : before.values()) {
                if (r[1].equals("r") || r[1].equals("p") || r[1].equals("m")) {
                    tables.add(quote(r[0]));
                }
            }
            hold.execute("BEGIN");
            if (!tables.isEmpty()) {
                hold.execute("LOCK TABLE " + String.join(", ", tables) + " IN SHARE UPDATE EXCLUSIVE MODE");
            }
            Thread run = new Thread(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute(step.sql());
                } catch (SQLException e) {
                    failure[0] = e.getMessage();
                }
            }, "drizzle-migrator-trace");
            run.start();
            long start = System.nanoTime();
            boolean holding = true;
            while (run.isAlive()) {
                boolean waiting = readLocks(watcher, pid, held);
                if (holding && (waiting || System.nanoTime() - start > HOLD_MILLIS * 1_000_000L)) {
                    hold.execute("COMMIT");
                    holding = false;
                }
                try {
                    run.join(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DrizzleMigratorException("Interrupted while tracing line " + step.line(), e);
                }
            }
            if (holding) {
                hold.execute("COMMIT");
            }
        }
        relations = relations(c);
        return result(held, before, relations, failure[0]);
    }

    /** Adds the backend's relation locks to {@code held}; whether it is waiting for one. */
    private static boolean readLocks(Connection c, int pid, Map<Long, EnumSet<LockMode>> held) throws SQLException {
        boolean waiting = false;
        try (PreparedStatement ps = c.prepareStatement(LOCKS)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LockMode mode = LockMode.ofPgName(rs.getString(2));
                    if (mode != null) {
                        held.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(LockMode.class)).add(mode);
                    }
                    waiting |= !rs.getBoolean(3);
                }
            }
        }
        return waiting;
    }

    private static Map<Long, String[]> relations(Connection c) throws SQLException {
        Map<Long, String[]> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(RELATIONS)) {
            while (rs.next()) {
                out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return out;
    }

    private static Traced result(Map<Long, EnumSet<LockMode>> held, Map<Long, String[]> before,
            Map<Long, String[]> after, String error) {
        Map<String, Set<LockMode>> locks = new LinkedHashMap<>();
        held.forEach((oid, modes) -> {
            // named as the statement found it (a renamed table by its old name, as the derivation names it)
            String[] r = before.containsKey(oid) ? before.get(oid) : after.get(oid);
            if (r != null) {
                locks.put(r[0], LockMode.strongest(modes));
            }
        });
        boolean rewrite = false;
        for (Map.Entry<Long, String[]> e : before.entrySet()) {
            String[] now = after.get(e.getKey());
            rewrite |= now != null && !now[2].equals("0") && !now[2].equals(e.getValue()[2]);
        }
        return new Traced(locks, rewrite, error);
    }

    private static String quote(String qualified) {
        int dot = qualified.indexOf('.');
        return "\"" + qualified.substring(0, dot).replace("\"", "\"\"") + "\".\""
                + qualified.substring(dot + 1).replace("\"", "\"\"") + "\"";
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("Rollback on the scratch database failed: {}", e.getMessage());
        }
    }
}
