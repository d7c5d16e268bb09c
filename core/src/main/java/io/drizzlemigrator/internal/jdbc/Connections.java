package io.drizzlemigrator.internal.jdbc;

import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.MigratorDefaults;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.jdbc.PgConnection;

/** Opens the run's connection, turning failures into a message that names the target and never the password. */
public final class Connections {

    private Connections() {
    }

    public static Connection open(DataSource dataSource, String url, String user, String password) {
        if (dataSource != null) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new DatabaseConnectionException("Cannot get a connection from the DataSource ("
                        + dataSource.getClass().getSimpleName() + "): " + redactMessage(e.getMessage(), password)
                        + sqlState(e) + ". Nothing was applied.", sanitized(e, password));
            }
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", MigratorDefaults.APPLICATION_NAME);
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new DatabaseConnectionException("Cannot connect to " + PostgresUrl.redact(url)
                    + (user != null ? " as " + user : "") + ": " + redactMessage(e.getMessage(), password)
                    + sqlState(e) + ". Check the URL, user and password settings; nothing was applied.",
                    sanitized(e, password));
        }
    }

    /** A human description of where a connection points: its URL without credentials. */
    public static String describe(Connection connection) {
        try {
            // pgjdbc's own URL when the connection is (or wraps) one: loading its DatabaseMetaData class costs a
            // service's first start more than everything else this method does
            String url = connection.isWrapperFor(PgConnection.class) ? connection.unwrap(PgConnection.class).getURL()
                    : connection.getMetaData().getURL();
            return PostgresUrl.redact(PostgresUrl.parse(url).jdbcUrl());
        } catch (SQLException | RuntimeException e) {
            return "the configured database";
        }
    }

    private static String sqlState(SQLException e) {
        return e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
    }

    static String redactMessage(String message, String password) {
        if (message == null) {
            return "";
        }
        String out = PostgresUrl.redact(message);
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "***");
        }
        return out;
    }

    /** The cause without any chance of carrying the password in its message. */
    private static SQLException sanitized(SQLException e, String password) {
        SQLException copy = new SQLException(redactMessage(e.getMessage(), password), e.getSQLState(),
                e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
