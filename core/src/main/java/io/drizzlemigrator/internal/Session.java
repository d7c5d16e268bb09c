package io.drizzlemigrator.internal;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.Setting;
import io.drizzlemigrator.internal.jdbc.Connections;
import io.drizzlemigrator.internal.sql.SqlLexer;
import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's connection: autocommit on, the configured {@code searchPath} and {@code initSql} applied; on close what
 * the run changed in the session is reset, autocommit restored and the connection closed (given back to its pool).
 */
final class Session implements AutoCloseable {

    /** Initialised on first use, not with this class: see {@code Engine.Log}. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger("io.drizzlemigrator.DrizzleMigrator");
    }

    final Connection connection;
    /** The database, as logged: the configured URL (which holds no credentials) or what the driver says. */
    final String target;
    /** The backend that holds the migration lock, once taken. */
    int backendPid;
    /** What the run is doing on this connection, naming the statement, for an error the database answers with. */
    String activity = "setting up the session";
    private boolean restoreAutoCommit;
    /** Statements that undo what this run changed in the session, run before the connection is given back. */
    private final List<String> reset = new ArrayList<>();

    private Session(Connection connection, String target) {
        this.connection = connection;
        this.target = target;
    }

    /**
     * Opens the run's connection and sets the session up.
     *
     * @throws SQLException setting the search path failed (the connection is closed)
     * @throws ConfigurationException {@code initSql} cannot be delimited or failed (the connection is closed)
     */
    static Session open(MigratorConfiguration config, String password) throws SQLException {
        Connection c = Connections.open(config.dataSource().orElse(null), config.url().orElse(null),
                config.user().orElse(null), password);
        Session session = null;
        try {
            // the configured URL holds no credentials (they are taken out of it); a DataSource's is asked for
            session = new Session(c, config.url().isPresent() ? config.url().get() : Connections.describe(c));
            session.prepare(config);
            return session;
        } catch (SQLException | RuntimeException e) {
            if (session != null) {
                session.close();
            } else {
                closeQuietly(c);
            }
            throw e;
        }
    }

    private void prepare(MigratorConfiguration config) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
            restoreAutoCommit = true;
        }
        if (config.initSql().isPresent()) {
            reset.add("RESET ALL");
        } else if (config.searchPath().isPresent()) {
            reset.add("RESET search_path");
        }
        if (config.searchPath().isPresent()) {
            try (PreparedStatement ps = connection.prepareStatement("select set_config('search_path', ?, false)")) {
                ps.setString(1, config.searchPath().get());
                ps.execute();
            } catch (SQLException e) {
                if (e.getSQLState() == null || e.getSQLState().startsWith("08")) {
                    throw e;
                }
                throw new ConfigurationException("searchPath '" + config.searchPath().get() + "' was refused: "
                        + e.getMessage() + " [SQLState " + e.getSQLState() + "]. Give a comma-separated list of"
                        + " schema names (double-quoted where needed). Nothing was applied.", Setting.SEARCH_PATH, e);
            }
        }
        if (config.initSql().isPresent()) {
            runInitSql(config.initSql().get());
        }
    }

    private void runInitSql(String initSql) {
        List<SqlStatement> statements;
        try {
            statements = SqlLexer.split(initSql);
        } catch (SqlSyntaxException e) {
            throw new ConfigurationException("initSql cannot be delimited: " + e.getMessage(), Setting.INIT_SQL,
                    null);
        }
        try (Statement s = connection.createStatement()) {
            for (SqlStatement st : statements) {
                if (!st.isEmpty()) {
                    s.execute(st.text());
                }
            }
        } catch (SQLException e) {
            throw new ConfigurationException("initSql failed: " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
                    + ". Nothing was applied.", Setting.INIT_SQL, e);
        }
    }

    /** Adds a statement that undoes a session change of the run, run before the connection is given back. */
    void resetOnClose(String statement) {
        reset.add(statement);
    }

    @Override
    public void close() {
        try (Statement s = connection.createStatement()) {
            for (String statement : reset) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            Log.LOG.debug("Could not reset the migration session: {}", e.getMessage());
        }
        try {
            if (restoreAutoCommit && !connection.isClosed()) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            Log.LOG.debug("Could not restore autocommit: {}", e.getMessage());
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            Log.LOG.debug("Could not close the migration connection: {}", e.getMessage());
        }
    }
}
