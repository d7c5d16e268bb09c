package io.drizzlemigrator;

import io.drizzlemigrator.internal.jdbc.Identifiers;
import io.drizzlemigrator.internal.jdbc.PostgresUrl;
import java.util.Objects;

/**
 * One target of a {@link FanOut}: a schema in the database of the base configuration (schema-per-tenant), or a
 * database of its own, given by URL (database-per-tenant, on one server or many). Two targets are equal when they
 * name the same schema, or the same database URL (credentials aside).
 */
public final class FanOutTarget {

    /** What a target is. */
    public enum Kind {
        /** A schema in the base configuration's database; its bookkeeping table lives in it. */
        SCHEMA,
        /** A database of its own; its bookkeeping table is where the base configuration puts it. */
        DATABASE
    }

    private final Kind kind;
    /** The schema, or the JDBC URL without credentials: what messages, logs and reports show. */
    private final String name;
    private final String user;
    private final String password;

    private FanOutTarget(Kind kind, String name, String user, String password) {
        this.kind = kind;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /**
     * A tenant schema. Names that need double quotes ({@code Acme-EU}) are quoted wherever they are used.
     *
     * @throws ConfigurationException a name holding quotes, spaces, {@code ;} or other punctuation: no schema name
     *         needs them, and they are how SQL would be smuggled in
     */
    public static FanOutTarget schema(String schema) {
        Objects.requireNonNull(schema, "schema");
        try {
            Identifiers.requireValid("schema", schema);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("Target " + e.getMessage(), e.setting().orElse(null), null);
        }
        return new FanOutTarget(Kind.SCHEMA, schema, null, null);
    }

    /**
     * A database, as {@code postgresql://user:password@host:5432/db} or {@code jdbc:postgresql://...}. Credentials in
     * the URL are used for it and never shown; without them, the base configuration's are used.
     */
    public static FanOutTarget database(String url) {
        PostgresUrl parsed = PostgresUrl.parse(Objects.requireNonNull(url, "url"));
        return new FanOutTarget(Kind.DATABASE, parsed.jdbcUrl(), parsed.user(), parsed.password());
    }

    /**
     * A line of a targets file or list, or a value of a targets query: a database URL ({@code postgresql://},
     * {@code postgres://}, {@code jdbc:postgresql:}), else a schema name. Surrounding whitespace is ignored.
     */
    public static FanOutTarget parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        if (t.startsWith("postgresql://") || t.startsWith("postgres://") || t.startsWith("jdbc:postgresql:")) {
            return database(t);
        }
        return schema(t);
    }

    public Kind kind() {
        return kind;
    }

    /** The schema, or the database's JDBC URL without credentials. */
    public String name() {
        return name;
    }

    /** The user the target's URL names, or null (the base configuration's then applies). */
    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FanOutTarget t && t.kind == kind && t.name.equals(name);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + name.hashCode();
    }

    /** The schema name, or the JDBC URL without credentials. */
    @Override
    public String toString() {
        return name;
    }
}
