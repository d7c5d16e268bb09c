package io.drizzlemigrator.internal.history;

import io.drizzlemigrator.internal.jdbc.Identifiers;
import io.drizzlemigrator.internal.source.MigrationFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * drizzle's bookkeeping table, {@code "drizzle"."__drizzle_migrations"} by default: created with drizzle's DDL,
 * read in id order, one row written per applied migration. Nothing but drizzle's columns is ever stored in it.
 */
public final class HistoryTable {

    private final String schema;
    private final String table;
    private final String qualified;

    /** @throws io.drizzlemigrator.ConfigurationException a name that is not a plain SQL name */
    public HistoryTable(String schema, String table) {
        this.schema = Identifiers.requireValid("schema", schema);
        this.table = Identifiers.requireValid("table", table);
        this.qualified = Identifiers.qualified(schema, table);
    }

    /** {@code "schema"."table"}, quoted. */
    public String qualifiedName() {
        return qualified;
    }

    /** {@code schema.table}, for messages. */
    public String displayName() {
        return schema + "." + table;
    }

    /** The table's columns as found in the database; {@link Shape#ABSENT} when it does not exist. */
    public Shape shape(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(shapeSql())) {
            return shapeOf(rs);
        }
    }

    /**
     * The columns' query: pg_attribute rather than information_schema (this runs on every start, and the view is
     * slow); the table is found by to_regclass (an index lookup, null when absent) and named by a literal (validated
     * plain names: nothing to escape), as for the lock, to keep the first start light.
     */
    private String shapeSql() {
        return "select a.attname from pg_attribute a where a.attrelid = to_regclass(" + literal(qualified)
                + ") and a.attnum > 0 and not a.attisdropped and (select c.relkind from pg_class c where c.oid ="
                + " a.attrelid) in ('r', 'p')";
    }

    private static Shape shapeOf(ResultSet rs) throws SQLException {
        boolean any = false;
        boolean name = false;
        boolean appliedAt = false;
        while (rs.next()) {
            any = true;
            String column = rs.getString(1);
            name |= "name".equals(column);
            appliedAt |= "applied_at".equals(column);
        }
        return any ? new Shape(true, name, appliedAt) : Shape.ABSENT;
    }

    /**
     * The shape this JVM last found the table in, per database and table: {@link #snapshot}'s guess. A few hundred
     * bytes per database; a process that reaches ever new ones drops them all past {@link #MAX_SHAPES}.
     */
    private static final ConcurrentHashMap<String, Shape> LAST_SHAPES = new ConcurrentHashMap<>();
    static final int MAX_SHAPES = 10_000;

    /**
     * The table's shape and, when it exists, its rows followed by the answer of {@code booleanQuery} (as of after the
     * rows were read). In one round trip when the table has the shape this JVM last found it in on {@code target}
     * (a service's every call after its first): the shape is read in that same round trip, so a guess that no
     * longer holds costs a second read, never a wrong one; else in two, as {@link #shape} then {@link #readThen}.
     *
     * @param target the database, as the run names it (no credentials): the guess is kept per database
     */
    public Snapshot snapshot(Connection connection, String target, String booleanQuery) throws SQLException {
        String key = target + '\n' + qualified;
        Shape guess = LAST_SHAPES.get(key);
        if (guess != null) {
            Snapshot read = readGuessing(connection, guess, booleanQuery);
            if (read != null) {
                return read;
            }
        }
        Shape shape = shape(connection);
        if (LAST_SHAPES.size() >= MAX_SHAPES) {
            LAST_SHAPES.clear();
        }
        if (shape.exists()) {
            LAST_SHAPES.put(key, shape);
            return new Snapshot(shape, readThen(connection, shape, booleanQuery));
        }
        LAST_SHAPES.remove(key);
        return new Snapshot(shape, null);
    }

    /** The snapshot in one round trip, or null when the table no longer has the {@code guess}ed shape. */
    private Snapshot readGuessing(Connection connection, Shape guess, String booleanQuery) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(shapeSql() + ";\n" + selectRows(guess) + ";\n" + booleanQuery);
            Shape shape;
            try (ResultSet rs = s.getResultSet()) {
                shape = shapeOf(rs);
            }
            // compared field by field: a record's equals() is bootstrapped on first use, a cost on a cold call
            boolean same = shape.exists() == guess.exists() && shape.hasName() == guess.hasName()
                    && shape.hasAppliedAt() == guess.hasAppliedAt();
            if (!same || !s.getMoreResults()) {
                return null; // a column was added since (drizzle 1.0's): read again with the shape found
            }
            RowsThen read = rowsThen(s, guess, booleanQuery);
            return new Snapshot(shape, read);
        } catch (SQLException e) {
            // the table or a column guessed is gone (dropped by hand): the server refused the rows' select, and
            // with it the batch; read it as on a first call
            if ("42P01".equals(e.getSQLState()) || "42703".equals(e.getSQLState())) {
                return null;
            }
            throw e;
        }
    }

    /** The table's shape, and its rows then a query's answer when it exists (null when it does not). */
    public record Snapshot(Shape shape, RowsThen rows) {
    }

    /**
     * Creates schema and table if missing, with drizzle's DDL (0.x columns; drizzle 1.0 adds its columns itself
     * when it first runs, and {@code withV1Columns} creates them directly for drizzle-kit 1.0 folders).
     * Existence is checked first so that a role without CREATE rights on the database works once the table exists.
     */
    public Shape ensureExists(Connection connection, boolean withV1Columns) throws SQLException {
        Shape shape = shape(connection);
        if (shape.exists()) {
            return shape;
        }
        try (Statement s = connection.createStatement()) {
            if (!schemaExists(connection)) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + qualified + " (\n"
                    + "\t\t\tid SERIAL PRIMARY KEY,\n"
                    + "\t\t\thash text NOT NULL,\n"
                    + "\t\t\tcreated_at bigint"
                    + (withV1Columns ? ",\n\t\t\tname text,\n\t\t\tapplied_at timestamp with time zone DEFAULT now()" : "")
                    + "\n\t\t)");
        }
        return shape(connection);
    }

    /**
     * The {@code GRANT}s the connected role lacks to read the table (USAGE on its schema, SELECT) and, with
     * {@code write}, to create it (CREATE on the database when the schema is missing, else on the schema) and record
     * in it (INSERT, and the id sequence); asked of the catalog after the server refused with 42501.
     */
    public List<String> missingGrants(Connection connection, boolean write) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("select current_user, current_database(),"
                + " has_database_privilege(current_database(), 'CREATE'), n.oid is not null,"
                + " coalesce(has_schema_privilege(n.oid, 'USAGE'), false),"
                + " coalesce(has_schema_privilege(n.oid, 'CREATE'), false), t.oid is not null,"
                + " coalesce(has_table_privilege(t.oid, 'SELECT'), false),"
                + " coalesce(has_table_privilege(t.oid, 'INSERT'), false)"
                + " from (select 1) one left join pg_namespace n on n.nspname = ?"
                + " left join pg_class t on t.relnamespace = n.oid and t.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return grants;
                }
                String to = " TO " + Identifiers.quoteIfNeeded(rs.getString(1));
                boolean schemaExists = rs.getBoolean(4);
                boolean tableExists = rs.getBoolean(7);
                if (!schemaExists) {
                    if (write && !rs.getBoolean(3)) {
                        grants.add("GRANT CREATE ON DATABASE " + Identifiers.quote(rs.getString(2)) + to);
                    }
                    return grants;
                }
                if (!rs.getBoolean(5)) {
                    grants.add("GRANT USAGE ON SCHEMA " + Identifiers.quote(schema) + to);
                }
                if (!tableExists) {
                    if (write && !rs.getBoolean(6)) {
                        grants.add("GRANT CREATE ON SCHEMA " + Identifiers.quote(schema) + to);
                    }
                    return grants;
                }
                if (!rs.getBoolean(8) || write && !rs.getBoolean(9)) {
                    grants.add("GRANT SELECT" + (write ? ", INSERT" : "") + " ON " + qualified + to);
                }
                if (write && !rs.getBoolean(9)) {
                    grants.add("GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + Identifiers.quote(schema) + to);
                }
            }
        }
        return grants;
    }

    private boolean schemaExists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every row, in id order. */
    public List<HistoryRow> read(Connection connection, Shape shape) throws SQLException {
        if (!shape.exists()) {
            return new ArrayList<>();
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(selectRows(shape))) {
            return rows(rs, shape);
        }
    }

    /**
     * Every row, in id order, then the answer of {@code booleanQuery}, in one round trip. The two statements run in
     * this order, each on its own snapshot: the answer is as of after the rows were read.
     */
    public RowsThen readThen(Connection connection, Shape shape, String booleanQuery) throws SQLException {
        if (!shape.exists()) {
            throw new IllegalStateException(displayName() + " does not exist");
        }
        try (Statement s = connection.createStatement()) {
            s.execute(selectRows(shape) + ";\n" + booleanQuery);
            return rowsThen(s, shape, booleanQuery);
        }
    }

    /** Reads the rows (the statement's current result) and the answer after them. */
    private static RowsThen rowsThen(Statement s, Shape shape, String booleanQuery) throws SQLException {
        List<HistoryRow> rows;
        try (ResultSet rs = s.getResultSet()) {
            rows = rows(rs, shape);
        }
        if (!s.getMoreResults()) {
            throw new SQLException("no answer to " + booleanQuery);
        }
        try (ResultSet rs = s.getResultSet()) {
            rs.next();
            return new RowsThen(rows, rs.getBoolean(1));
        }
    }

    private String selectRows(Shape shape) {
        return "select id, hash, created_at" + (shape.hasName() ? ", name" : "")
                + (shape.hasAppliedAt() ? ", applied_at" : "") + " from " + qualified + " order by id";
    }

    private static List<HistoryRow> rows(ResultSet rs, Shape shape) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        while (rs.next()) {
            long createdAt = rs.getLong(3);
            Long created = rs.wasNull() ? null : createdAt;
            String name = shape.hasName() ? rs.getString("name") : null;
            Timestamp applied = shape.hasAppliedAt() ? rs.getTimestamp("applied_at") : null;
            rows.add(new HistoryRow(rs.getLong(1), rs.getString(2), created, name,
                    applied == null ? null : applied.toInstant()));
        }
        return rows;
    }

    /** The rows, and the answer of the query read after them. */
    public record RowsThen(List<HistoryRow> rows, boolean answer) {
    }

    /**
     * The SQL recording one migration, as drizzle writes it ({@code hash}, {@code created_at}, and {@code name} when
     * the table has it: never a NULL name in such a table). Values are literals so that it can travel in one round
     * trip with the commit; they are safe: a hex hash, a number, and a name that was checked to be a plain file name.
     */
    public String insertSql(MigrationFile migration, Shape shape) {
        StringBuilder sql = new StringBuilder("insert into ").append(qualified).append(" (\"hash\", \"created_at\"");
        if (shape.hasName()) {
            sql.append(", \"name\"");
        }
        sql.append(") values (").append(literal(migration.hash())).append(", ").append(migration.folderMillis());
        if (shape.hasName()) {
            sql.append(", ").append(literal(migration.name()));
        }
        return sql.append(')').toString();
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Which of drizzle's columns the table has. */
    public record Shape(boolean exists, boolean hasName, boolean hasAppliedAt) {
        public static final Shape ABSENT = new Shape(false, false, false);
    }
}
