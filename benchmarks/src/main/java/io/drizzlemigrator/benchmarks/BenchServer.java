package io.drizzlemigrator.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server measured, as the tests find it: {@code DRIZZLE_TEST_DATABASE_URL} (a JDBC URL of a database
 * the user may create databases from, with {@code DRIZZLE_TEST_DATABASE_USER}/{@code _PASSWORD}), else
 * {@code 127.0.0.1:5432} as user {@code postgres}. Every measured run gets a fresh database of its own.
 */
final class BenchServer {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String host;
    final int port;
    final String adminDatabase;
    final String user;
    final String password;

    private BenchServer(String host, int port, String adminDatabase, String user, String password) {
        this.host = host;
        this.port = port;
        this.adminDatabase = adminDatabase;
        this.user = user;
        this.password = password;
    }

    static BenchServer fromEnvironment() {
        String url = System.getenv("DRIZZLE_TEST_DATABASE_URL");
        String user = System.getenv("DRIZZLE_TEST_DATABASE_USER");
        String password = System.getenv("DRIZZLE_TEST_DATABASE_PASSWORD");
        if (url == null || url.isBlank()) {
            return new BenchServer("127.0.0.1", 5432, "postgres", "postgres", null);
        }
        Matcher m = JDBC.matcher(url.trim());
        if (!m.matches()) {
            throw new IllegalStateException("DRIZZLE_TEST_DATABASE_URL must look like "
                    + "jdbc:postgresql://host:5432/postgres");
        }
        return new BenchServer(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3),
                user == null || user.isBlank() ? "postgres" : user, password);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL as node-postgres, drizzle-kit and psql take it (with credentials: never print it). */
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
                + e.getMessage() + ". Start it (.ci/run does) or set DRIZZLE_TEST_DATABASE_URL.", e);
    }
}
