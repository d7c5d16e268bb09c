package io.drizzlemigrator.internal.author;

/**
 * The verification query of a {@link Change}: one read-only {@code SELECT} returning one boolean, true when the change
 * is in place. Names go through {@code to_regclass}/{@code to_regtype}, which return NULL instead of failing, so that
 * a query is false (not an error) before the migration.
 */
final class Checks {

    private Checks() {
    }

    /** The query for {@code c}, or null when the change has none worth checking. */
    static String of(Change c) {
        Name t = c.table();
        Name n = c.name();
        return switch (c.kind()) {
            case CREATE_TABLE, CREATE_VIEW, CREATE_SEQUENCE -> "SELECT to_regclass(" + t.literal() + ") IS NOT NULL;";
            case CREATE_TYPE -> "SELECT to_regtype(" + t.literal() + ") IS NOT NULL;";
            case CREATE_INDEX -> "SELECT EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass("
                    + t.sibling(n).literal() + ") AND indisvalid);";
            case CREATE_POLICY -> "SELECT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = to_regclass(" + t.literal()
                    + ") AND polname = " + Name.literal(n.last()) + ");";
            case CREATE_SCHEMA -> "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = "
                    + Name.literal(t.last()) + ");";
            case CREATE_EXTENSION -> "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = "
                    + Name.literal(t.last()) + ");";
            case ADD_COLUMN, SET_TYPE -> c.detail() == null ? column(t, n.last(), "") : column(t, n.last(), type(c.detail()));
            case SET_NOT_NULL -> column(t, n.last(), " AND attnotnull");
            case DROP_NOT_NULL -> column(t, n.last(), " AND NOT attnotnull");
            case DROP_COLUMN -> "SELECT to_regclass(" + t.literal() + ") IS NOT NULL AND NOT"
                    + column(t, n.last(), "").substring("SELECT".length());
            case RENAME_COLUMN -> column(t, Name.value(c.detail()), "");
            case RENAME_TABLE -> "SELECT to_regclass(" + t.sibling(new Name(java.util.List.of(c.detail())))
                    .literal() + ") IS NOT NULL;";
            case ADD_CONSTRAINT -> "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass("
                    + t.literal() + ") AND conname = " + Name.literal(n.last()) + (c.flag() ? "" : " AND convalidated")
                    + foreignKeyActions(c.text()) + ");";
            case DROP_CONSTRAINT -> "SELECT to_regclass(" + t.literal() + ") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass("
                    + t.literal() + ") AND conname = " + Name.literal(n.last()) + ");";
            case ENABLE_RLS -> "SELECT EXISTS (SELECT 1 FROM pg_class WHERE oid = to_regclass(" + t.literal()
                    + ") AND relrowsecurity);";
            case DISABLE_RLS -> "SELECT EXISTS (SELECT 1 FROM pg_class WHERE oid = to_regclass(" + t.literal()
                    + ") AND NOT relrowsecurity);";
            case ADD_ENUM_VALUE -> "SELECT EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype(" + t.literal()
                    + ") AND enumlabel = " + escapeString(c.detail()) + ");";
            case DROP_TABLE -> "SELECT to_regclass(" + t.literal() + ") IS NULL;";
            case DROP_INDEX -> "SELECT to_regclass(" + n.literal() + ") IS NULL;";
            case DROP_TYPE -> "SELECT to_regtype(" + t.literal() + ") IS NULL;";
            default -> null;
        };
    }

    /**
     * The value as an escape string ({@code E'paused'}): the query reads {@code enumlabel} as text, which is safe in
     * the transaction that added the value, and this spelling keeps the {@code enum-value-used-in-same-transaction}
     * rule (which looks for the plain literal) from calling it a use of the new value.
     */
    static String escapeString(String literal) {
        return literal.startsWith("'") ? "E" + literal.replace("\\", "\\\\") : literal;
    }

    private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile(
            "(?i)\\bON\\s+(DELETE|UPDATE)\\s+(CASCADE|SET\\s+NULL|SET\\s+DEFAULT|RESTRICT|NO\\s+ACTION)\\b");
    /** Types whose modifier {@code format_type} writes at the end (not {@code timestamp(3) with time zone}). */
    private static final java.util.Set<String> MODIFIED_AT_END = java.util.Set.of("varchar", "character varying",
            "char", "character", "bpchar", "numeric", "decimal", "bit", "varbit", "bit varying");
    private static final java.util.regex.Pattern TYPMOD = java.util.regex.Pattern.compile(
            "([A-Za-z][A-Za-z ]*?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    /**
     * The condition on a column's type: the type itself, and its modifier where it ends the name ({@code varchar(64)},
     * {@code numeric(10,2)}), so that a length change is seen.
     */
    private static String type(String type) {
        String regtype = regtype(type);
        String condition = " AND atttypid = to_regtype(" + Name.literal(regtype) + ")";
        java.util.regex.Matcher m = TYPMOD.matcher(regtype);
        if (m.matches() && MODIFIED_AT_END.contains(m.group(1).strip().toLowerCase(java.util.Locale.ROOT))) {
            String mod = "(" + m.group(2) + (m.group(3) == null ? "" : "," + m.group(3)) + ")";
            condition += " AND format_type(atttypid, atttypmod) = format_type(atttypid, NULL) || "
                    + Name.literal(mod);
        }
        return condition;
    }

    /**
     * A foreign key's ON DELETE / ON UPDATE actions as {@code pg_constraint} stores them, so that a key dropped and
     * added again with another action is checked for the new one.
     */
    static String foreignKeyActions(String text) {
        if (Known.indexOfIgnoreCase(text, "FOREIGN KEY") < 0) {
            return "";
        }
        char delete = 'a';
        char update = 'a';
        java.util.regex.Matcher m = ACTION.matcher(text);
        while (m.find()) {
            String action = m.group(2).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            char code = switch (action) {
                case "cascade" -> 'c';
                case "set null" -> 'n';
                case "set default" -> 'd';
                case "restrict" -> 'r';
                default -> 'a';
            };
            if (m.group(1).equalsIgnoreCase("DELETE")) {
                delete = code;
            } else {
                update = code;
            }
        }
        return " AND confdeltype = '" + delete + "' AND confupdtype = '" + update + "'";
    }

    /**
     * Which object a change is about, so that only the last change of each object is checked: a constraint dropped and
     * added again is there after the migration, a column added and then made NOT NULL is checked for NOT NULL.
     */
    static String object(Change c) {
        Name t = c.table();
        return switch (c.kind()) {
            case CREATE_INDEX, DROP_INDEX -> "index " + c.name().last();
            case ADD_COLUMN, DROP_COLUMN, SET_NOT_NULL, DROP_NOT_NULL, SET_TYPE, SET_DEFAULT, DROP_DEFAULT ->
                "column " + t.key() + "." + c.name().last();
            case RENAME_COLUMN -> "column " + t.key() + "." + Name.value(c.detail());
            case ADD_CONSTRAINT, DROP_CONSTRAINT -> "constraint " + t.key() + "." + c.name().last();
            case CREATE_POLICY -> "policy " + t.key() + "." + c.name().last();
            case RENAME_CONSTRAINT -> "constraint " + t.key() + "." + Name.value(c.detail());
            case RENAME_TABLE -> "table " + Name.value(c.detail());
            case CREATE_TABLE, DROP_TABLE -> "table " + t.key();
            case ENABLE_RLS, DISABLE_RLS -> "rls " + t.key();
            case ADD_ENUM_VALUE -> "enum " + t.key() + " " + c.detail();
            default -> t == null ? null : c.kind() + " " + t.key();
        };
    }

    private static String column(Name t, String column, String condition) {
        return "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(" + t.literal()
                + ") AND attname = " + Name.literal(column) + " AND NOT attisdropped" + condition + ");";
    }

    /** A column type as {@code to_regtype} reads it: the serial pseudo-types are their integer types. */
    static String regtype(String type) {
        String lower = type.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case "serial", "serial4" -> "integer";
            case "bigserial", "serial8" -> "bigint";
            case "smallserial", "serial2" -> "smallint";
            default -> type.strip();
        };
    }
}
