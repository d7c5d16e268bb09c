package io.drizzlemigrator.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A call after the first reads the table's shape, rows and the lock's state in one round trip, guessing the shape
 * this JVM last found there; a guess that no longer holds (a column added, the table dropped) costs a second read and
 * never a wrong one.
 */
class HistoryTableSnapshotTest {

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("history_snapshot");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    /** How many statements the connection sent (each one round trip). */
    private static final class Counted {
        final AtomicInteger sent = new AtomicInteger();
        final Connection connection;

        Counted(Connection real) {
            this.connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(method, real, args);
                        if (result instanceof Statement st && method.getName().equals("createStatement")) {
                            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                                    (p, m, a) -> {
                                        if (m.getName().startsWith("execute")) {
                                            sent.incrementAndGet();
                                        }
                                        return invoke(m, st, a);
                                    });
                        }
                        return result;
                    });
        }

        private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Test
    void theSecondReadIsOneRoundTripAndAGuessThatNoLongerHoldsIsReadAgain() throws Exception {
        HistoryTable table = new HistoryTable("snap", "__drizzle_migrations");
        String target = "jdbc:postgresql://test/" + db.name();
        try (Connection real = db.server().connect(db.name())) {
            Counted c = new Counted(real);
            assertThat(table.snapshot(c.connection, target, "select false").shape().exists()).isFalse();
            assertThat(c.sent.getAndSet(0)).as("no table: only its shape was read").isEqualTo(1);

            db.execute("create schema snap; create table snap.__drizzle_migrations (id serial primary key,"
                    + " hash text not null, created_at bigint); insert into snap.__drizzle_migrations (hash, created_at)"
                    + " values ('h1', 1)");
            HistoryTable.Snapshot first = table.snapshot(c.connection, target, "select true");
            assertThat(c.sent.getAndSet(0)).as("first read of the table: shape, then rows and answer").isEqualTo(2);
            assertThat(first.rows().rows()).extracting(HistoryRow::hash).containsExactly("h1");
            assertThat(first.rows().answer()).isTrue();

            HistoryTable.Snapshot second = table.snapshot(c.connection, target, "select false");
            assertThat(c.sent.getAndSet(0)).as("the shape guessed: one round trip").isEqualTo(1);
            assertThat(second.rows().rows()).extracting(HistoryRow::hash).containsExactly("h1");
            assertThat(second.rows().answer()).isFalse();

            db.execute("alter table snap.__drizzle_migrations add column name text; update snap.__drizzle_migrations"
                    + " set name = 'first'");
            HistoryTable.Snapshot widened = table.snapshot(c.connection, target, "select true");
            assertThat(widened.shape().hasName()).isTrue();
            assertThat(widened.rows().rows()).extracting(HistoryRow::name).containsExactly("first");
            assertThat(c.sent.getAndSet(0)).as("a column added: the guess failed, read again").isEqualTo(3);

            db.execute("drop table snap.__drizzle_migrations");
            assertThat(table.snapshot(c.connection, target, "select true").shape().exists()).isFalse();
            assertThat(c.sent.getAndSet(0)).as("the table dropped: the guessed read refused, the shape read").isEqualTo(2);
            assertThat(real.getAutoCommit()).isTrue();
            try (Statement s = real.createStatement()) {
                assertThat(s.execute("select 1")).as("the connection is usable after the refused read").isTrue();
            }
        }
    }
}
