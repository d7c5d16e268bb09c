package io.drizzlemigrator.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.health.Poll;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the watcher asks the server, against the real one: the progress views, and the termination rule. */
@FreshDatabasePerTest
class WatchQueriesTest {

    private final TestDatabase db;

    WatchQueriesTest(TestDatabase db) {
        this.db = db;
    }

    private static WatchQueries.View viewOf(String sql) throws SqlSyntaxException {
        return WatchQueries.View.of(PreparedMigration.prepare(sql).statements().get(0).classification().description());
    }

    @Test
    void indexBuildsReindexVacuumAndClusterAreReadInTheViewPostgresReportsThemIn() throws Exception {
        assertThat(viewOf("CREATE INDEX CONCURRENTLY i ON t (a);")).isEqualTo(WatchQueries.View.CREATE_INDEX);
        assertThat(viewOf("CREATE UNIQUE INDEX i ON t (a);")).isEqualTo(WatchQueries.View.CREATE_INDEX);
        assertThat(viewOf("REINDEX TABLE t;")).isEqualTo(WatchQueries.View.CREATE_INDEX);
        assertThat(viewOf("REINDEX INDEX CONCURRENTLY i;")).isEqualTo(WatchQueries.View.CREATE_INDEX);
        assertThat(viewOf("VACUUM (ANALYZE) t;")).isEqualTo(WatchQueries.View.VACUUM);
        assertThat(viewOf("VACUUM FULL t;")).isEqualTo(WatchQueries.View.VACUUM);
        assertThat(viewOf("CLUSTER t USING i;")).isEqualTo(WatchQueries.View.VACUUM);
        assertThat(viewOf("ALTER TABLE t ADD COLUMN b int;")).isNull();
    }

    @Test
    void everyProgressQueryRunsOnThisServerAndFindsNothingForAnIdleBackend() throws Exception {
        try (Connection c = db.connect()) {
            int idle = pid(c);
            for (WatchQueries.View view : WatchQueries.View.values()) {
                assertThat(WatchQueries.progress(c, idle, view, "X")).as(view.name()).isNull();
            }
        }
    }

    @Test
    void aBlockerThatLeftTheTransactionItWasSeenInIsNotTerminated() throws Exception {
        db.execute("CREATE TABLE busy (id int)");
        try (Connection holder = db.connect(); Connection waiter = db.connect(); Connection watch = db.connect()) {
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            int holderPid = pid(holder);
            int waiterPid = pid(waiter);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE busy IN ACCESS SHARE MODE");
            }
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> exec(waiter,
                    "LOCK TABLE busy IN ACCESS EXCLUSIVE MODE"));
            Poll.until("the waiter is blocked", () -> !blockers(watch, waiterPid).isEmpty(), waiting);
            List<WatchQueries.Seen> seen = blockers(watch, waiterPid);
            assertThat(seen).extracting(x -> x.blocker().pid()).containsExactly(holderPid);
            assertThat(seen.get(0).blocker().state()).isEqualTo("idle in transaction");

            holder.commit(); // the waiter gets its lock; the holder goes on in a new transaction
            waiting.get(30, TimeUnit.SECONDS);
            waiter.commit();
            exec(holder, "SELECT 1");

            assertThat(WatchQueries.terminate(watch, seen.get(0))).isFalse();
            assertThat(holder.isValid(5)).isTrue();
            holder.rollback();
        }
    }

    private static List<WatchQueries.Seen> blockers(Connection c, int pid) {
        try {
            return WatchQueries.blockers(c, pid);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void exec(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
