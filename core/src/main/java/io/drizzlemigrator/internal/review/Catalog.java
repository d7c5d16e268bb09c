package io.drizzlemigrator.internal.review;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the derivation knows of the schema: the target's relations, indexes, foreign keys and column types as read
 * from its catalog (read-only), then changed statement by statement as the plan's statements would change them, so
 * that a later statement of the plan finds the table an earlier one created. Names are {@code schema.name} as
 * PostgreSQL stores them (unquoted, case kept).
 */
public final class Catalog {

    /** A table, view or other relation: its kind ({@code pg_class.relkind}) and, when it exists now, its size. */
    public record Relation(String name, char kind, Long rows, Long totalBytes) {

        /** Whether it exists in the target now (not only created by an earlier statement of the plan). */
        public boolean live() {
            return totalBytes != null;
        }
    }

    /** A foreign key: the constraint, its table and columns, the referenced table. */
    record ForeignKey(String name, String table, List<String> columns, String referenced, List<String> refColumns) {
    }

    private static final String USER_NAMESPACES = "n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'";

    private final String defaultSchema;
    /** Whether the session's TimeZone is UTC: timestamp and timestamptz then convert without a rewrite. */
    private boolean utcSession;
    private final Map<String, Relation> relations = new HashMap<>();
    /** The relations as the target holds them now, unchanged by the plan's statements. */
    private final Map<String, Relation> live = new HashMap<>();
    /** Unqualified name to qualified name, for the relations a name without schema finds (the search path). */
    private final Map<String, String> visible = new HashMap<>();
    private final Map<String, String> indexTable = new HashMap<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    /** Every constraint, as {@code schema.table|name}. */
    private final Set<String> constraints = new HashSet<>();
    /** {@code schema.table.column} to its type, as {@link Types#normalize} spells it. */
    private final Map<String, String> columnTypes = new HashMap<>();

    Catalog(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    /** An empty schema whose unqualified names go to {@code defaultSchema}. */
    public static Catalog empty(String defaultSchema) {
        return new Catalog(defaultSchema);
    }

    /** Reads the target's user relations, indexes, foreign keys and column types (plain SELECTs on the catalog). */
    public static Catalog read(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            String schema;
            boolean utc;
            // the session's zone, as the migration session has it (the driver sets it from the JVM's)
            try (ResultSet rs = s.executeQuery("select coalesce(current_schema(), 'public'), (select utc_offset ="
                    + " interval '0' and not is_dst from pg_timezone_names where name = current_setting('TimeZone')"
                    + " union all select utc_offset = interval '0' and not is_dst from pg_timezone_abbrevs where"
                    + " abbrev = current_setting('TimeZone') limit 1)")) {
                rs.next();
                schema = rs.getString(1);
                utc = rs.getBoolean(2);
            }
            Catalog catalog = new Catalog(schema);
            catalog.utcSession = utc;
            try (ResultSet rs = s.executeQuery("select n.nspname, c.relname, c.relkind, c.reltuples::bigint,"
                    + " case when c.relkind in ('r', 'p', 'm') then pg_total_relation_size(c.oid) else 0 end,"
                    + " pg_table_is_visible(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where c.relkind in ('r', 'p', 'v', 'm', 'f') and " + USER_NAMESPACES)) {
                while (rs.next()) {
                    String name = rs.getString(1) + "." + rs.getString(2);
                    Relation r = new Relation(name, rs.getString(3).charAt(0), rs.getLong(4), rs.getLong(5));
                    catalog.relations.put(name, r);
                    catalog.live.put(name, r);
                    if (rs.getBoolean(6)) {
                        catalog.visible.put(rs.getString(2), name);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("select ni.nspname, ci.relname, nt.nspname, ct.relname"
                    + " from pg_index x join pg_class ci on ci.oid = x.indexrelid"
                    + " join pg_namespace ni on ni.oid = ci.relnamespace join pg_class ct on ct.oid = x.indrelid"
                    + " join pg_namespace nt on nt.oid = ct.relnamespace join pg_namespace n on n.oid = ct.relnamespace"
                    + " where " + USER_NAMESPACES)) {
                while (rs.next()) {
                    catalog.indexTable.put(rs.getString(1) + "." + rs.getString(2),
                            rs.getString(3) + "." + rs.getString(4));
                }
            }
            try (ResultSet rs = s.executeQuery("select k.conname, n.nspname || '.' || c.relname,"
                    + " (select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a"
                    + "   where a.attrelid = k.conrelid and a.attnum = any (k.conkey)),"
                    + " rn.nspname || '.' || r.relname,"
                    + " (select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a"
                    + "   where a.attrelid = k.confrelid and a.attnum = any (k.confkey))"
                    + " from pg_constraint k join pg_class c on c.oid = k.conrelid"
                    + " join pg_namespace n on n.oid = c.relnamespace join pg_class r on r.oid = k.confrelid"
                    + " join pg_namespace rn on rn.oid = r.relnamespace where k.contype = 'f' and " + USER_NAMESPACES)) {
                while (rs.next()) {
                    catalog.foreignKeys.add(new ForeignKey(rs.getString(1), rs.getString(2),
                            List.of(rs.getString(3).split(",")), rs.getString(4), List.of(rs.getString(5).split(","))));
                }
            }
            try (ResultSet rs = s.executeQuery("select n.nspname || '.' || c.relname || '|' || k.conname"
                    + " from pg_constraint k join pg_class c on c.oid = k.conrelid"
                    + " join pg_namespace n on n.oid = c.relnamespace where " + USER_NAMESPACES)) {
                while (rs.next()) {
                    catalog.constraints.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select n.nspname || '.' || c.relname || '.' || a.attname,"
                    + " format_type(a.atttypid, a.atttypmod) from pg_attribute a join pg_class c on c.oid = a.attrelid"
                    + " join pg_namespace n on n.oid = c.relnamespace where a.attnum > 0 and not a.attisdropped"
                    + " and c.relkind in ('r', 'p') and " + USER_NAMESPACES)) {
                while (rs.next()) {
                    catalog.columnTypes.put(rs.getString(1), Types.normalize(rs.getString(2)));
                }
            }
            return catalog;
        }
    }

    /** The qualified name a possibly unqualified name finds: a visible relation, else one of the default schema. */
    String qualify(String schema, String name) {
        if (schema != null) {
            return schema + "." + name;
        }
        String found = visible.get(name);
        return found != null ? found : defaultSchema + "." + name;
    }

    /** The relation as the plan's statements so far left it (null when absent). */
    Relation relation(String qualified) {
        return relations.get(qualified);
    }

    /** The relation as it exists in the target now, with its size (null when absent). */
    public Relation live(String qualified) {
        return live.get(qualified);
    }

    boolean exists(String qualified) {
        return relations.containsKey(qualified);
    }

    /** Whether the relation is one whose lock the plan reports (a table, view, materialized view, foreign table). */
    static boolean reported(char relkind) {
        return relkind == 'r' || relkind == 'p' || relkind == 'v' || relkind == 'm' || relkind == 'f';
    }

    String tableOfIndex(String qualifiedIndex) {
        return indexTable.get(qualifiedIndex);
    }

    boolean utcSession() {
        return utcSession;
    }

    String columnType(String table, String column) {
        return columnTypes.get(table + "." + column);
    }

    List<ForeignKey> foreignKeysOf(String table) {
        List<ForeignKey> out = new ArrayList<>();
        for (ForeignKey fk : foreignKeys) {
            if (fk.table().equals(table)) {
                out.add(fk);
            }
        }
        return out;
    }

    List<ForeignKey> foreignKeysTo(String table) {
        List<ForeignKey> out = new ArrayList<>();
        for (ForeignKey fk : foreignKeys) {
            if (fk.referenced().equals(table)) {
                out.add(fk);
            }
        }
        return out;
    }

    ForeignKey foreignKey(String table, String name) {
        for (ForeignKey fk : foreignKeys) {
            if (fk.table().equals(table) && fk.name().equals(name)) {
                return fk;
            }
        }
        return null;
    }

    // ---- changes as the plan's statements make them

    void created(String qualified, char kind) {
        if (!relations.containsKey(qualified)) {
            relations.put(qualified, new Relation(qualified, kind, null, null));
        }
        String unqualified = qualified.substring(qualified.indexOf('.') + 1);
        visible.putIfAbsent(unqualified, qualified);
    }

    void dropped(String qualified) {
        relations.remove(qualified);
        visible.values().removeIf(qualified::equals);
        indexTable.values().removeIf(qualified::equals);
        foreignKeys.removeIf(fk -> fk.table().equals(qualified) || fk.referenced().equals(qualified));
        columnTypes.keySet().removeIf(k -> k.startsWith(qualified + "."));
        constraints.removeIf(k -> k.startsWith(qualified + "|"));
    }

    void renamed(String from, String to) {
        Relation r = relations.remove(from);
        if (r != null) {
            relations.put(to, new Relation(to, r.kind(), r.rows(), r.totalBytes()));
        }
        visible.values().removeIf(from::equals);
        visible.putIfAbsent(to.substring(to.indexOf('.') + 1), to);
        indexTable.replaceAll((i, t) -> t.equals(from) ? to : t);
        foreignKeys.replaceAll(fk -> new ForeignKey(fk.name(), fk.table().equals(from) ? to : fk.table(),
                fk.columns(), fk.referenced().equals(from) ? to : fk.referenced(), fk.refColumns()));
        Map<String, String> moved = new HashMap<>();
        columnTypes.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(from + ".")) {
                moved.put(to + e.getKey().substring(from.length()), e.getValue());
                return true;
            }
            return false;
        });
        columnTypes.putAll(moved);
        Set<String> movedConstraints = new HashSet<>();
        constraints.removeIf(k -> k.startsWith(from + "|") && movedConstraints.add(to + k.substring(from.length())));
        constraints.addAll(movedConstraints);
    }

    void index(String qualifiedIndex, String table) {
        indexTable.put(qualifiedIndex, table);
    }

    void indexDropped(String qualifiedIndex) {
        indexTable.remove(qualifiedIndex);
    }

    void column(String table, String column, String type) {
        columnTypes.put(table + "." + column, type);
    }

    void columnDropped(String table, String column) {
        columnTypes.remove(table + "." + column);
        foreignKeys.removeIf(fk -> fk.table().equals(table) && fk.columns().contains(column)
                || fk.referenced().equals(table) && fk.refColumns().contains(column));
    }

    void columnRenamed(String table, String from, String to) {
        String type = columnTypes.remove(table + "." + from);
        if (type != null) {
            columnTypes.put(table + "." + to, type);
        }
        foreignKeys.replaceAll(fk -> new ForeignKey(fk.name(), fk.table(),
                fk.table().equals(table) ? rename(fk.columns(), from, to) : fk.columns(), fk.referenced(),
                fk.referenced().equals(table) ? rename(fk.refColumns(), from, to) : fk.refColumns()));
    }

    private static List<String> rename(List<String> columns, String from, String to) {
        return columns.stream().map(c -> c.equals(from) ? to : c).toList();
    }

    void foreignKey(ForeignKey fk) {
        foreignKeys.add(fk);
        constraint(fk.table(), fk.name());
    }

    /** Whether the table has a constraint of that name. */
    boolean hasConstraint(String table, String name) {
        return constraints.contains(table + "|" + name);
    }

    /** Whether a constraint of that name exists on any table (names are unique per schema for indexes only). */
    boolean hasConstraint(String name) {
        for (String c : constraints) {
            if (c.endsWith("|" + name)) {
                return true;
            }
        }
        return false;
    }

    void constraint(String table, String name) {
        if (name != null && !name.isEmpty()) {
            constraints.add(table + "|" + name);
        }
    }

    void constraintDropped(String table, String name) {
        foreignKeys.removeIf(fk -> fk.table().equals(table) && fk.name().equals(name));
        constraints.remove(table + "|" + name);
    }

    void constraintRenamed(String table, String from, String to) {
        if (constraints.remove(table + "|" + from)) {
            constraints.add(table + "|" + to);
        }
        foreignKeys.replaceAll(fk -> fk.table().equals(table) && fk.name().equals(from)
                ? new ForeignKey(to, fk.table(), fk.columns(), fk.referenced(), fk.refColumns()) : fk);
    }
}
