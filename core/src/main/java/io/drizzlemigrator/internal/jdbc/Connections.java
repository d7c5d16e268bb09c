package io.drizzlemigrator.internal.jdbc;

import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.Setting;
import java.net.UnknownHostException;
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
                UnknownHostException unknown = unknownHost(e);
                throw new DatabaseConnectionException("Cannot get a connection from the DataSource ("
                        + dataSource.getClass().getSimpleName() + "): " + (unknown != null ? "unknown host "
                        + unknown.getMessage() + " (the name does not resolve)" : redactMessage(e.getMessage(),
                        password)) + sqlState(e) + ". Nothing was applied.", sanitized(e, password));
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
            UnknownHostException unknown = unknownHost(e);
            if (unknown != null) {
                throw new DatabaseConnectionException("Cannot connect to " + PostgresUrl.redact(url) + ": unknown host "
                        + unknown.getMessage() + " (the name does not resolve)" + sqlState(e) + ". Check the host of"
                        + " the URL; nothing was applied.", Setting.URL, sanitized(e, password));
            }
            throw new DatabaseConnectionException("Cannot connect to " + PostgresUrl.redact(url)
                    + (user != null ? " as " + user : "") + ": " + redactMessage(e.getMessage(), password)
                    + sqlState(e) + ". Check the URL, user and password settings; nothing was applied.",
                    Setting.URL, sanitized(e, password));
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

    /** The host that did not resolve, when that is why the connection failed. */
    private static UnknownHostException unknownHost(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof UnknownHostException u) {
                return u;
            }
        }
        return null;
    }

    /**
     * The cause without any chance of carrying the password in its message: the driver's exception and its causes
     * copied with their messages redacted, so that a verbose report still shows the chain (an unknown host, a
     * refused connection, a TLS failure).
     */
    private static SQLException sanitized(SQLException e, String password) {
        SQLException copy = new SQLException(redactMessage(e.getMessage(), password), e.getSQLState(),
                e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        Throwable cause = e.getCause();
        Throwable last = copy;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            Throwable c = cause instanceof UnknownHostException ? new UnknownHostException(redactMessage(
                    cause.getMessage(), password)) : new RedactedCause(cause.getClass().getName(),
                    redactMessage(cause.getMessage(), password));
            c.setStackTrace(cause.getStackTrace());
            last.initCause(c);
            last = c;
        }
        return copy;
    }

    /** A cause of a connection failure, its type named and its message redacted. */
    private static final class RedactedCause extends Exception {

        private static final long serialVersionUID = 1L;

        private final String type;

        RedactedCause(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String toString() {
            return getMessage() == null || getMessage().isEmpty() ? type : type + ": " + getMessage();
        }
    }
}
