package io.drizzlemigrator.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server tests run against, found the way a user's machine would: an explicit URL from the
 * environment ({@code DRIZZLE_TEST_DATABASE_URL}, a JDBC URL of a database the user may create databases from,
 * with {@code DRIZZLE_TEST_DATABASE_USER}/{@code _PASSWORD}), else Testcontainers when a Docker engine answers,
 * else {@code 127.0.0.1:5432} as user {@code postgres} when something accepts connections there, else an embedded
 * PostgreSQL started from Maven artifacts ({@link EmbeddedServer}). The choice is logged once per JVM.
 */
public final class TestServer {

    private static volatile TestServer instance;

    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String user;
    private final String password;
    private final String origin;

    private TestServer(String host, int port, String adminDatabase, String user, String password, String origin) {
        this.host = host;
        this.port = port;
        this.adminDatabase = adminDatabase;
        this.user = user;
        this.password = password;
        this.origin = origin;
    }

    public static TestServer get() {
        TestServer s = instance;
        if (s == null) {
            synchronized (TestServer.class) {
                s = instance;
                if (s == null) {
                    s = discover();
                    LoggerFactory.getLogger(TestServer.class).info("Test server: {} at {}:{}", s.origin, s.host,
                            s.port);
                    instance = s;
                }
            }
        }
        return s;
    }

    private static TestServer discover() {
        String url = System.getenv("DRIZZLE_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(url.trim());
            if (!m.matches()) {
                throw new IllegalStateException("DRIZZLE_TEST_DATABASE_URL must look like "
                        + "jdbc:postgresql://host:5432/postgres, was " + url);
            }
            return new TestServer(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3),
                    envOr("DRIZZLE_TEST_DATABASE_USER", "postgres"), System.getenv("DRIZZLE_TEST_DATABASE_PASSWORD"),
                    "DRIZZLE_TEST_DATABASE_URL");
        }
        TestServer container = ContainerServer.startIfDockerAvailable();
        if (container != null) {
            return container;
        }
        if (acceptsConnections("127.0.0.1", 5432)) {
            return new TestServer("127.0.0.1", 5432, "postgres", "postgres", null, "localhost:5432");
        }
        return EmbeddedServer.start();
    }

    private static boolean acceptsConnections(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static TestServer of(String host, int port, String adminDatabase, String user, String password, String origin) {
        return new TestServer(host, port, adminDatabase, user, password, origin);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String origin() {
        return origin;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A libpq/drizzle-style URL, as Node and psql take it. */
    public String libpqUrl(String database) {
        String auth = user + (password == null ? "" : ":" + password);
        return "postgresql://" + auth + "@" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "drizzle-migrator-tests");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    public Connection connectAdmin() throws SQLException {
        return connect(adminDatabase);
    }
}
