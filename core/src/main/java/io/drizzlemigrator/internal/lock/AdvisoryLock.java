package io.drizzlemigrator.internal.lock;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.LockTimeoutException;
import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.Setting;
import io.drizzlemigrator.internal.digest.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's session-level advisory lock, taken on the run's own connection with {@code pg_try_advisory_lock} and
 * polled with backoff (never a blocking {@code pg_advisory_lock}: a blocked waiter is an open transaction that a
 * {@code CREATE INDEX CONCURRENTLY} of the holder would wait for). PostgreSQL releases it when the session ends, so
 * a killed runner never leaves it behind.
 */
public final class AdvisoryLock {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    private static final long MIN_BACKOFF_MILLIS = 20;
    private static final long MAX_BACKOFF_MILLIS = 1000;

    private final long key;
    private int lockedByPid;

    public AdvisoryLock(long key) {
        this.key = key;
    }

    /** The last key derived, with its schema and table: a service derives the same one on every call. */
    private record Derived(String schema, String table, long key) {
    }

    private static volatile Derived lastDerived;

    /**
     * The derived key of drizzle's own table, {@code drizzle.__drizzle_migrations} (what nearly every service uses),
     * written out: a start then computes no digest before it connects (AdvisoryLockKeyTest checks it is the
     * derivation's).
     */
    static final long DEFAULT_TABLE_KEY = 0x745e436842d08aedL;

    /** The key used for schema and table when none is configured: stable across versions and processes. */
    public static long deriveKey(String schema, String table) {
        if (MigratorDefaults.SCHEMA.equals(schema) && MigratorDefaults.TABLE.equals(table)) {
            return DEFAULT_TABLE_KEY;
        }
        Derived last = lastDerived;
        if (last != null && last.schema.equals(schema) && last.table.equals(table)) {
            return last.key;
        }
        byte[] d = new Sha256().digest(("drizzle-migrator:" + schema + "." + table).getBytes(StandardCharsets.UTF_8));
        long k = 0;
        for (int i = 0; i < 8; i++) {
            k = (k << 8) | (d[i] & 0xff);
        }
        lastDerived = new Derived(schema, table, k);
        return k;
    }

    public long key() {
        return key;
    }

    /**
     * Takes the lock, waiting up to {@code timeout}. Every {@code reportEvery} while waiting, logs who holds it and
     * tells {@code onWait} (time waited, holder).
     *
     * @return how long it waited
     */
    public Duration acquire(Connection connection, Duration timeout, Duration reportEvery,
            BiConsumer<Duration, String> onWait) throws SQLException {
        long start = System.nanoTime();
        if (tryLock(connection)) {
            return Duration.ZERO;
        }
        long deadline = start + timeout.toNanos();
        long nextReport = start;
        long backoff = MIN_BACKOFF_MILLIS;
        while (true) {
            long now = System.nanoTime();
            if (now - nextReport >= 0) {
                String holder = describeHolder(connection);
                Duration waited = Duration.ofNanos(now - start);
                LOG.info("Waiting for the migration lock (key {}), held by {}; waited {} s of lockTimeout {} s",
                        key, holder, waited.toSeconds(), timeout.toSeconds());
                onWait.accept(waited, holder);
                nextReport = now + reportEvery.toNanos();
            }
            if (now - deadline >= 0) {
                String holder = describeHolder(connection);
                Duration waited = Duration.ofNanos(now - start);
                throw new LockTimeoutException("Timed out after " + format(waited) + " waiting for the migration"
                        + " lock (advisory lock " + key + "), held by " + holder + ". Another runner is migrating this"
                        + " database; raise lockTimeout (now " + format(timeout) + ") if its migrations take longer,"
                        + " or check that process. Nothing was applied by this runner.", waited, holder,
                        Setting.LOCK_TIMEOUT);
            }
            long sleep = Math.min(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1),
                    Math.max(1, (deadline - now) / 1_000_000L));
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockTimeoutException("Interrupted while waiting for the migration lock (advisory lock "
                        + key + "); nothing was applied by this runner.", Duration.ofNanos(System.nanoTime() - start),
                        describeHolder(connection));
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            if (tryLock(connection)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
    }

    /**
     * The lock queries are plain statements with the key as a literal (a number: nothing to escape): a service's
     * first query then needs none of the driver's parameter-binding code, which is slow to load before the JIT.
     */
    private boolean tryLock(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + key + "), pg_backend_pid()")) {
            rs.next();
            lockedByPid = rs.getInt(2);
            return rs.getBoolean(1);
        }
    }

    /** The backend pid that took the lock (0 before it is taken). */
    public int lockedByPid() {
        return lockedByPid;
    }

    /**
     * Checks that the backend now serving the connection holds the lock just taken, and returns its pid. Through a
     * transaction-pooling proxy (PgBouncer {@code pool_mode = transaction}) consecutive statements may reach different
     * backends, so a session lock would guard nothing: that is refused.
     */
    public int verifyHeldBySession(Connection connection, int lockedByPid) throws SQLException {
        String sql = "select pg_backend_pid(), exists (" + grantedLocks() + " and l.pid = pg_backend_pid())";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            int pid = rs.getInt(1);
            if (!rs.getBoolean(2) || (lockedByPid != 0 && pid != lockedByPid)) {
                throw pooled(lockedByPid, pid);
            }
            return pid;
        }
    }

    /**
     * A query of one boolean: whether some session holds the lock now (a runner that has not taken it asks: is a run
     * in progress?).
     */
    public String heldQuery() {
        return "select exists (" + grantedLocks() + ")";
    }

    /**
     * The rows of {@code pg_locks} for this key in this database that are granted (a bigint key is classid, objid,
     * objsubid 1). Advisory locks belong to a database: the same key held in another database of the server is
     * another runner's lock on another table.
     */
    private String grantedLocks() {
        return "select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.database = (select oid"
                + " from pg_database where datname = current_database()) and l.classid = " + (key >>> 32)
                + "::bigint::oid and l.objid = " + (key & 0xffffffffL) + "::bigint::oid and l.objsubid = 1";
    }

    /** The error for a connection whose backend changed between transactions. */
    public ConfigurationException pooled(int lockedByPid, int nowPid) {
        return new ConfigurationException("The migration connection does not keep its server"
                + " session: the advisory lock was taken on backend pid " + lockedByPid + " but the next statement ran"
                + " on pid " + nowPid + ". A transaction-pooling proxy (PgBouncer pool_mode=transaction, or a cloud"
                + " pooler in that mode) sits between the service and PostgreSQL, and session advisory locks do not"
                + " work through it. Point the migration at a direct or session-pooled connection (a dedicated"
                + " migration URL). The lock may stay held by pid " + lockedByPid + " until the proxy closes that"
                + " server connection (select pg_terminate_backend(" + lockedByPid + ") frees it). No statement was"
                + " sent after the change was seen.", Setting.URL, null);
    }

    /** Releases the lock; returns false (and logs) if it was not held or the connection is gone. */
    public boolean release(Connection connection) {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select pg_advisory_unlock(" + key + ")")) {
            rs.next();
            boolean released = rs.getBoolean(1);
            if (!released) {
                LOG.warn("The migration lock (key {}) was not held by this session when releasing it", key);
            }
            return released;
        } catch (SQLException e) {
            LOG.warn("Could not release the migration lock (key {}): {}. PostgreSQL releases it when the session"
                    + " ends.", key, e.getMessage());
            return false;
        }
    }

    /** "pid 123 (application 'svc', client 10.0.0.5, connected since ..., state active for 12 s)" or "unknown". */
    public String describeHolder(Connection connection) {
        String sql = "select a.pid, a.application_name, a.client_addr::text, a.backend_start, a.state,"
                + " extract(epoch from (now() - coalesce(a.xact_start, a.query_start, a.backend_start)))::bigint"
                + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database"
                + " where datname = current_database()) and l.classid = ?::bigint::oid and l.objid = ?::bigint::oid"
                + " and l.objsubid = 1 limit 1";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "nobody any more (it was just released)";
                }
                String app = rs.getString(2);
                String client = rs.getString(3);
                return "pid " + rs.getInt(1)
                        + " (application '" + (app == null ? "" : app) + "'"
                        + ", client " + (client == null ? "local socket" : client)
                        + ", connected since " + rs.getTimestamp(4).toInstant()
                        + ", " + rs.getString(5) + " for " + rs.getLong(6) + " s)";
            }
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String format(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : d.toSeconds() + " s";
    }
}
