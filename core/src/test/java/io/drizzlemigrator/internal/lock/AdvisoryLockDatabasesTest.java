package io.drizzlemigrator.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Advisory locks belong to a database: a runner migrating database B holds the same key as one that would migrate
 * database A (same schema and table), and a start with nothing to apply in A must not take it for a run of its own.
 */
class AdvisoryLockDatabasesTest {

    private final AdvisoryLock lock = new AdvisoryLock(AdvisoryLock.deriveKey("drizzle", "__drizzle_migrations"));

    @Test
    void theLockHeldInAnotherDatabaseIsNotSeenAsHeldHere() throws Exception {
        try (TestDatabase a = TestDatabase.create("lock_db_a"); TestDatabase b = TestDatabase.create("lock_db_b");
                Connection inA = a.server().connect(a.name()); Connection holderInB = b.server().connect(b.name())) {
            take(holderInB);
            assertThat(granted(inA)).as("the key is granted on the server (to the session in B)").isTrue();

            assertThat(held(inA)).as("held, asked from database A while only B's runner holds it").isFalse();
            assertThat(lock.describeHolder(inA)).startsWith("nobody");
        }
    }

    @Test
    void theLockHeldInTheSameDatabaseIsSeenAsHeld() throws Exception {
        try (TestDatabase a = TestDatabase.create("lock_db_same");
                Connection asker = a.server().connect(a.name()); Connection holder = a.server().connect(a.name())) {
            take(holder);

            assertThat(held(asker)).isTrue();
            assertThat(lock.describeHolder(asker)).startsWith("pid ");
        }
    }

    private void take(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + lock.key() + ")");
        }
    }

    private boolean held(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(lock.heldQuery())) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Whether the key is granted to anyone on the server, in any database. */
    private boolean granted(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select exists (select 1 from pg_locks"
                + " where locktype = 'advisory' and granted and classid = " + (lock.key() >>> 32) + "::bigint::oid"
                + " and objid = " + (lock.key() & 0xffffffffL) + "::bigint::oid and objsubid = 1)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
