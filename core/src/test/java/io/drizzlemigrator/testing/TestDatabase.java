package io.drizzlemigrator.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh database on the {@link TestServer}, dropped on {@link #close()}. */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestServer server;
    private final String name;

    private TestDatabase(TestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates an empty database named after {@code hint} (lowercased, cut to fit). */
    public static TestDatabase create(String hint) {
        TestServer server = TestServer.get();
        String base = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (base.length() > 40) {
            base = base.substring(base.length() - 40);
        }
        String name = "dmt_" + base + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server.origin()
                    + " (" + server.jdbcUrl("postgres") + "): " + e.getMessage()
                    + ". Is PostgreSQL running? .ci/run starts it.", e);
        }
        return new TestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public TestServer server() {
        return server;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** The URL as drizzle, psql and the CLI's DATABASE_URL take it (with credentials). */
    public String libpqUrl() {
        return server.libpqUrl(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {server.host()});
        ds.setPortNumbers(new int[] {server.port()});
        ds.setDatabaseName(name);
        ds.setUser(server.user());
        if (server.password() != null) {
            ds.setPassword(server.password());
        }
        return ds;
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Runs statements on a new autocommit connection. */
    public void execute(String... sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of the first row, or null. */
    public Object queryValue(String sql) {
        List<List<Object>> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public long queryLong(String sql) {
        Object v = queryValue(sql);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Every row, every column. */
    public List<List<Object>> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Whether a relation (table, index, view...) exists, by name as {@code to_regclass} takes it. */
    public boolean relationExists(String name) {
        return queryValue("select to_regclass('" + name.replace("'", "''") + "')::text") != null;
    }

    @Override
    public void close() {
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
