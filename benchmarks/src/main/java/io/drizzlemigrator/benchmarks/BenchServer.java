package io.drizzlemigrator.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server measured. By default the harness starts its own ({@link #startOwn}): a fresh cluster made by
 * {@code initdb --auth=scram-sha-256} in a temporary folder, on a port of its own, reached over TCP with a password,
 * as a production database is; nothing depends on the machine's {@code pg_hba.conf}. With {@code --server external}
 * it uses the server the tests use: {@code DRIZZLE_TEST_DATABASE_URL} (a JDBC URL of a database the user may create
 * databases from, with {@code DRIZZLE_TEST_DATABASE_USER}/{@code _PASSWORD}), else {@code 127.0.0.1:5432} as user
 * {@code postgres}. Every measured run gets a fresh database of its own.
 */
final class BenchServer implements AutoCloseable {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String host;
    final int port;
    final String adminDatabase;
    final String user;
    final String password;
    /** The cluster this harness started and stops; null for an external server. */
    private final OwnCluster own;

    private BenchServer(String host, int port, String adminDatabase, String user, String password, OwnCluster own) {
        this.host = host;
        this.port = port;
        this.adminDatabase = adminDatabase;
        this.user = user;
        this.password = password;
        this.own = own;
    }

    /**
     * Starts a PostgreSQL cluster of the harness's own under {@code work}: {@code initdb} with scram-sha-256 for every
     * connection and a random password for its one role, {@code pg_ctl start} on a free port listening on 127.0.0.1
     * only. Its binaries come from {@code BENCH_PG_BIN}, else {@code /usr/lib/postgresql/15/bin}. Run as root, the
     * cluster runs as the {@code postgres} user (initdb refuses root).
     */
    static BenchServer startOwn(Path work, ProcessRunner runner) throws IOException {
        String env = System.getenv("BENCH_PG_BIN");
        Path bin = Path.of(env != null && !env.isBlank() ? env : "/usr/lib/postgresql/15/bin");
        if (!Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IllegalStateException("No initdb/pg_ctl in " + bin + ": install PostgreSQL 15 (apt-get install"
                    + " postgresql-15), set BENCH_PG_BIN to the folder holding initdb, or pass --server external");
        }
        Path dir = Files.createTempDirectory(work, "pg-");
        String password = randomPassword();
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            java.nio.file.attribute.UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(pwfile, postgres);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        OwnCluster cluster = new OwnCluster(bin, dir, root, runner);
        cluster.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", OWN_USER,
                "--auth=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        Files.delete(pwfile);
        cluster.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + dir
                + " -c listen_addresses=127.0.0.1", "start"));
        cluster.started = true;
        return new BenchServer("127.0.0.1", port, "postgres", OWN_USER, password, cluster);
    }

    /** The one role of the harness's own cluster (its superuser). */
    static final String OWN_USER = "bench";

    /**
     * What the results record about the server: whose it is, how the tools reach it and how they authenticate
     * (read from the server's own pg_hba rules when the role may read them).
     */
    String description() {
        String auth = hbaMethods();
        return (own != null ? "the harness's own cluster (initdb in a temporary folder, port " + port + ")"
                : "external server " + host + ":" + port) + "; TCP, user " + user + ", "
                + (password != null ? "password" : "no password") + "; pg_hba methods: " + auth;
    }

    private String hbaMethods() {
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select string_agg(distinct auth_method, ', ' order by auth_method)"
                        + " from pg_hba_file_rules where type = 'host'")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getSQLState() + ")";
        }
    }

    /** Stops the harness's own cluster and deletes its folder; nothing for an external server. */
    @Override
    public void close() throws IOException {
        if (own != null) {
            own.stop();
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** initdb and pg_ctl of the harness's own cluster, run as {@code postgres} when the harness runs as root. */
    private static final class OwnCluster {

        private final Path bin;
        private final Path dir;
        private final boolean root;
        private final ProcessRunner runner;
        private boolean started;

        OwnCluster(Path bin, Path dir, boolean root, ProcessRunner runner) {
            this.bin = bin;
            this.dir = dir;
            this.root = root;
            this.runner = runner;
        }

        void run(List<String> command) throws IOException {
            List<String> cmd = new ArrayList<>();
            if (root) {
                cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            cmd.addAll(command);
            ProcessRunner.Outcome o = runner.run(cmd, Map.of(), dir);
            if (!o.ok()) {
                throw new IOException(String.join(" ", command) + " failed with exit code " + o.exitCode()
                        + "; its output is in the run log" + (Files.isRegularFile(dir.resolve("server.log"))
                        ? " and " + dir.resolve("server.log") : ""));
            }
        }

        void stop() throws IOException {
            if (started) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast",
                        "-w", "stop"));
                started = false;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static BenchServer fromEnvironment() {
        String url = System.getenv("DRIZZLE_TEST_DATABASE_URL");
        String user = System.getenv("DRIZZLE_TEST_DATABASE_USER");
        String password = System.getenv("DRIZZLE_TEST_DATABASE_PASSWORD");
        if (url == null || url.isBlank()) {
            return new BenchServer("127.0.0.1", 5432, "postgres", "postgres", null, null);
        }
        Matcher m = JDBC.matcher(url.trim());
        if (!m.matches()) {
            throw new IllegalStateException("DRIZZLE_TEST_DATABASE_URL must look like "
                    + "jdbc:postgresql://host:5432/postgres");
        }
        return new BenchServer(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3),
                user == null || user.isBlank() ? "postgres" : user, password, null);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL as node-postgres, drizzle-kit and the CLI take it (with credentials: never print it). */
    String libpqUrl(String database) {
        String auth = user + (password == null ? "" : ":" + password);
        return "postgresql://" + auth + "@" + host + ":" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "drizzle-migrator-benchmarks");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Creates an empty database and returns its name. */
    String createDatabase(String hint) {
        String base = hint.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (base.length() > 30) {
            base = base.substring(0, 30);
        }
        String name = "dmb_" + base + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet();
        admin("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)", "CREATE DATABASE \"" + name + "\"");
        return name;
    }

    void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    String serverVersion() {
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private void admin(String... sql) {
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private IllegalStateException unreachable(SQLException e) {
        return new IllegalStateException("PostgreSQL at " + jdbcUrl(adminDatabase) + " (user " + user + "): "
                + e.getMessage() + (own != null ? ". The harness's own cluster logs to its server.log"
                : ". Start it (.ci/run does) or set DRIZZLE_TEST_DATABASE_URL."), e);
    }
}
