package io.drizzlemigrator.internal.author;

import java.util.HashMap;
import java.util.Map;

/**
 * What the earlier migrations of the folder say about the schema: each column's type and default, and the definition
 * of each index and constraint added by name. A rollback uses it to restore a previous default or type, or to create
 * again what a migration drops. Names are unqualified, as PostgreSQL stores them.
 */
final class Known {

    /** No default (as opposed to an unknown one, which is absent from {@link #defaults}). */
    static final String NONE = "\u0000none";

    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> defaults = new HashMap<>();
    private final Map<String, String> indexes = new HashMap<>();
    private final Map<String, String> constraints = new HashMap<>();
    private final java.util.Set<String> tables = new java.util.HashSet<>();

    /** Whether an earlier migration created the table (and none dropped it). */
    boolean table(Name table) {
        return tables.contains(table.key());
    }

    private static String key(Name table, String column) {
        return table.key() + "." + column;
    }

    String type(Name table, Name column) {
        return types.get(key(table, column.last()));
    }

    /** The column's default expression, {@link #NONE}, or null when the folder does not say. */
    String defaultOf(Name table, Name column) {
        return defaults.get(key(table, column.last()));
    }

    /** The statement that created the index, or null. */
    String index(Name index) {
        return indexes.get(index.last());
    }

    /** The {@code ADD CONSTRAINT ...} action that added the constraint to the table, or null. */
    String constraint(Name table, Name constraint) {
        return constraints.get(table.key() + "." + constraint.last());
    }

    /** Takes in one statement. */
    void learn(Ddl statement) {
        for (Ddl.Column c : statement.columns()) {
            String k = key(c.table(), c.name());
            if (c.type() != null) {
                types.put(k, c.type());
            }
            defaults.put(k, c.defaultValue() == null ? NONE : c.defaultValue());
        }
        for (Change c : statement.changes()) {
            switch (c.kind()) {
                case CREATE_TABLE -> tables.add(c.table().key());
                case CREATE_INDEX -> indexes.put(c.name().last(), c.text());
                case DROP_INDEX -> indexes.remove(c.name().last());
                case ADD_CONSTRAINT -> {
                    int at = indexOfIgnoreCase(c.text(), "ADD CONSTRAINT");
                    if (at >= 0 && statement.changes().size() == 1) {
                        constraints.put(c.table().key() + "." + c.name().last(), c.text().substring(at));
                    }
                }
                case DROP_CONSTRAINT -> constraints.remove(c.table().key() + "." + c.name().last());
                case SET_DEFAULT -> defaults.put(key(c.table(), c.name().last()), c.detail());
                case DROP_DEFAULT -> defaults.put(key(c.table(), c.name().last()), NONE);
                case SET_TYPE -> types.put(key(c.table(), c.name().last()), c.detail());
                case DROP_COLUMN -> {
                    types.remove(key(c.table(), c.name().last()));
                    defaults.remove(key(c.table(), c.name().last()));
                }
                case RENAME_COLUMN -> {
                    String from = key(c.table(), c.name().last());
                    String to = key(c.table(), Name.value(c.detail()));
                    move(types, from, to);
                    move(defaults, from, to);
                }
                case RENAME_TABLE, DROP_TABLE -> {
                    forget(c.table().key() + ".");
                    tables.remove(c.table().key());
                    if (c.kind() == Change.Kind.RENAME_TABLE) {
                        tables.add(Name.value(c.detail()));
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void move(Map<String, String> map, String from, String to) {
        String v = map.remove(from);
        if (v != null) {
            map.put(to, v);
        }
    }

    private void forget(String prefix) {
        types.keySet().removeIf(k -> k.startsWith(prefix));
        defaults.keySet().removeIf(k -> k.startsWith(prefix));
        constraints.keySet().removeIf(k -> k.startsWith(prefix));
    }

    static int indexOfIgnoreCase(String s, String what) {
        return s.toLowerCase(java.util.Locale.ROOT).indexOf(what.toLowerCase(java.util.Locale.ROOT));
    }
}
