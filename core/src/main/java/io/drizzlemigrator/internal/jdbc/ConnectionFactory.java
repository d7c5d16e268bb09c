package io.drizzlemigrator.internal.jdbc;

import java.sql.Connection;
import javax.sql.DataSource;

/**
 * Opens more connections to the run's database, the way the run's own was opened: from the DataSource, or from the
 * URL and credentials. Used for the watcher's second connection, which is opened only when a statement runs long.
 */
public final class ConnectionFactory {

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;

    public ConnectionFactory(DataSource dataSource, String url, String user, String password) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A new connection; failures as {@link Connections#open} describes them (never with the password). */
    public Connection open() {
        return Connections.open(dataSource, url, user, password);
    }

    @Override
    public String toString() {
        return "ConnectionFactory[" + (dataSource != null ? dataSource.getClass().getSimpleName()
                : PostgresUrl.redact(url)) + "]";
    }
}
