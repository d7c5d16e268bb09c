package io.drizzlemigrator;

import io.drizzlemigrator.internal.jdbc.PostgresUrl;

/**
 * A database URL as drizzle.config.ts, psql and Node take it ({@code postgresql://user:password@host:5432/db}, also
 * {@code postgres://}), or a JDBC one ({@code jdbc:postgresql://host:5432/db?user=u}), split into what a connection
 * pool takes: a JDBC URL without credentials, the user and the password. The same reading as
 * {@code DrizzleMigrator.configure().dataSource(url, null, null)}, for a service whose pool is built from the same
 * {@code DATABASE_URL}:
 *
 * <pre>{@code
 * DatabaseUrl url = DatabaseUrl.parse(System.getenv("DATABASE_URL"));
 * HikariDataSource dataSource = new HikariDataSource();
 * dataSource.setJdbcUrl(url.jdbcUrl());
 * dataSource.setUsername(url.user());
 * dataSource.setPassword(url.password());
 * }</pre>
 */
public final class DatabaseUrl {

    private final PostgresUrl url;

    private DatabaseUrl(PostgresUrl url) {
        this.url = url;
    }

    /**
     * Reads a URL; percent-encoded characters in the user and password are decoded.
     *
     * @throws ConfigurationException the URL is empty or not a PostgreSQL one; the message never shows the password
     */
    public static DatabaseUrl parse(String url) {
        return new DatabaseUrl(PostgresUrl.parse(url));
    }

    /** The JDBC URL, with the URL's other parameters ({@code sslmode}...) but without user or password. */
    public String jdbcUrl() {
        return url.jdbcUrl();
    }

    /** The user the URL names, or null (the driver's default then applies). */
    public String user() {
        return url.user();
    }

    /** The password the URL holds, or null. */
    public String password() {
        return url.password();
    }

    /** The JDBC URL and the user; never the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + url.jdbcUrl() + ", user=" + url.user() + ", password="
                + (url.password() == null ? "none" : "***") + "]";
    }
}
