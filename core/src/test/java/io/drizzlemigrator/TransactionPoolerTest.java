package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PgBouncer in transaction-pooling mode in front of the test server: session advisory locks do not work
 * through it, and a run must refuse rather than "lock" nothing. (.ci/run installs Debian's pgbouncer.)
 */
@FreshDatabasePerTest
class TransactionPoolerTest {

    private static final Path PGBOUNCER = Path.of("/usr/sbin/pgbouncer");

    @TempDir
    Path dir;

    private final TestDatabase db;
    Process bouncer;
    int port;

    TransactionPoolerTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void startPgBouncer() throws Exception {
        assertThat(Files.isExecutable(PGBOUNCER)).as("pgbouncer is not installed at " + PGBOUNCER
                + ": install it with `apt-get install -y pgbouncer` (.ci/run does)").isTrue();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("pgbouncer.ini");
        Files.writeString(dir.resolve("users.txt"), "\"" + db.user() + "\" \"\"\n");
        Files.writeString(conf, "[databases]\n* = host=" + db.server().host() + " port=" + db.server().port() + "\n"
                + "[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = " + port + "\nunix_socket_dir =\n"
                + "auth_type = trust\nauth_file = " + dir.resolve("users.txt") + "\npool_mode = transaction\n"
                + "server_round_robin = 1\ndefault_pool_size = 4\nignore_startup_parameters = extra_float_digits\n"
                + "logfile = " + dir.resolve("pgbouncer.log") + "\n");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        for (Path p : List.of(conf, dir.resolve("users.txt"))) {
            p.toFile().setReadable(true, false);
        }
        dir.toFile().setWritable(true, false);
        List<String> cmd = new ArrayList<>(List.of(PGBOUNCER.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "postgres"));
        }
        cmd.add(conf.toString());
        bouncer = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                assertThat(bouncer.isAlive()).as("pgbouncer running: %s", log()).isTrue();
                assertThat(System.nanoTime()).as("pgbouncer listening").isLessThan(deadline);
                LockSupport.parkNanos(20_000_000L);
            }
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("stdout.txt"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (bouncer != null) {
            bouncer.destroy();
            bouncer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String bouncerUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db.name() + "?prepareThreshold=0";
    }

    /** Opens several server connections at once so that the pool has more than one backend to rotate through. */
    private void warmPool() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Connection c = DriverManager.getConnection(bouncerUrl(), db.user(), null);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                held.add(c);
            }
        } finally {
            for (Connection c : held) {
                c.commit();
                c.close();
            }
        }
    }

    @Test
    void refusesToMigrateThroughATransactionPoolingProxy() throws Exception {
        warmPool();
        Path folder = TestFolder.in(dir.resolve("m")).migration("0000_a", "CREATE TABLE a (id int);").write();
        PGSimpleDataSource pooled = new PGSimpleDataSource();
        pooled.setURL(bouncerUrl());
        pooled.setUser(db.user());

        assertThatThrownBy(() -> DrizzleMigrator.configure().dataSource(pooled).location(folder.toString())
                .load().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("transaction-pooling")
                .hasMessageContaining("direct or session-pooled");
        assertThat(db.relationExists("a")).isFalse();

        // the lock taken through the proxy stays with its server connection until the proxy closes it
        bouncer.destroy();
        assertThat(bouncer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (advisoryLocksInTestDatabase() > 0) {
            assertThat(System.nanoTime()).as("advisory lock freed with the proxy's sessions").isLessThan(deadline);
            LockSupport.parkNanos(20_000_000L);
        }
    }

    private long advisoryLocksInTestDatabase() {
        return db.queryLong("select count(*) from pg_locks where locktype = 'advisory' and database ="
                + " (select oid from pg_database where datname = current_database())");
    }

    /** A start with nothing to apply takes no lock, so the proxy breaks nothing it needs: it succeeds. */
    @Test
    void aStartWithNothingToApplySucceedsThroughTheProxy() throws Exception {
        Path folder = TestFolder.in(dir.resolve("m")).migration("0000_a", "CREATE TABLE a (id int);").write();
        DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString()).load().migrate();
        warmPool();
        PGSimpleDataSource pooled = new PGSimpleDataSource();
        pooled.setURL(bouncerUrl());
        pooled.setUser(db.user());

        MigrateResult result = DrizzleMigrator.configure().dataSource(pooled).location(folder.toString()).load()
                .migrate();

        assertThat(result.appliedCount()).isZero();
        assertThat(result.status().isUpToDate()).isTrue();
        assertThat(advisoryLocksInTestDatabase()).isZero();
    }

    @Test
    void migratesThroughADirectConnectionToTheSameServer() {
        Path folder = TestFolder.in(dir.resolve("m")).migration("0000_a", "CREATE TABLE a (id int);").write();

        assertThat(DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString()).load()
                .migrate().appliedCount()).isEqualTo(1);
    }
}
