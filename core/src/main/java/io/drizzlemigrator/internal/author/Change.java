package io.drizzlemigrator.internal.author;

/**
 * One change a statement makes to the schema, as far as {@link Ddl} reads it. An {@code ALTER TABLE} with several
 * actions gives one change per action.
 *
 * @param kind   what it does
 * @param table  the table (or for types, views and the like, the object) it is about; null when none
 * @param name   the column, index, constraint or policy it names; null when none
 * @param detail the new name (renames), the type (columns), the default expression, the enum value or the function's
 *               argument list; null when none
 * @param flag   NOT VALID for constraints, UNIQUE for indexes, MATERIALIZED for views, OR REPLACE for functions
 * @param text   the statement's text, for messages and MANUAL blocks
 */
record Change(Kind kind, Name table, Name name, String detail, boolean flag, String text) {

    enum Kind {
        CREATE_TABLE, CREATE_INDEX, CREATE_TYPE, CREATE_VIEW, CREATE_FUNCTION, CREATE_POLICY, CREATE_SEQUENCE,
        CREATE_SCHEMA, CREATE_EXTENSION,
        ADD_COLUMN, DROP_COLUMN, ADD_CONSTRAINT, DROP_CONSTRAINT, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT,
        DROP_DEFAULT, SET_TYPE, RENAME_TABLE, RENAME_COLUMN, RENAME_CONSTRAINT, ENABLE_RLS, DISABLE_RLS,
        ADD_ENUM_VALUE,
        DROP_TABLE, DROP_INDEX, DROP_TYPE, DROP_OTHER,
        /** Data changes (INSERT, UPDATE, DELETE): nothing schema-wise to undo or check. */
        DATA,
        /** Anything else: grants, comments, unrecognised syntax. */
        OTHER
    }

    /** A section title for the kind, for the PART comments. */
    String section() {
        return switch (kind) {
            case CREATE_TYPE, ADD_ENUM_VALUE, DROP_TYPE -> "Types";
            case CREATE_TABLE, RENAME_TABLE, DROP_TABLE -> "Tables";
            case CREATE_INDEX, DROP_INDEX -> "Indexes";
            case ADD_COLUMN, DROP_COLUMN, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT, SET_TYPE,
                    RENAME_COLUMN -> "Columns";
            case ADD_CONSTRAINT, DROP_CONSTRAINT, RENAME_CONSTRAINT -> "Constraints";
            case ENABLE_RLS, DISABLE_RLS, CREATE_POLICY -> "Row level security";
            case CREATE_VIEW -> "Views";
            case CREATE_FUNCTION -> "Functions";
            case CREATE_SEQUENCE, CREATE_SCHEMA, CREATE_EXTENSION, DROP_OTHER -> "Other objects";
            case DATA -> "Data";
            case OTHER -> "Other statements";
        };
    }

    /** One line of the header's "Implements" list. */
    String describe() {
        return switch (kind) {
            case CREATE_TABLE -> "Create table " + table;
            case CREATE_INDEX -> "Create " + (flag ? "unique index " : "index ") + name + " on " + table;
            case CREATE_TYPE -> "Create type " + table;
            case CREATE_VIEW -> "Create " + (flag ? "materialized view " : "view ") + table;
            case CREATE_FUNCTION -> "Create function " + table;
            case CREATE_POLICY -> "Create policy " + name + " on " + table;
            case CREATE_SEQUENCE -> "Create sequence " + table;
            case CREATE_SCHEMA -> "Create schema " + table;
            case CREATE_EXTENSION -> "Create extension " + table;
            case ADD_COLUMN -> "Add column " + table + "." + name + " (" + detail + ")";
            case DROP_COLUMN -> "Drop column " + table + "." + name;
            case ADD_CONSTRAINT -> "Add constraint " + name + " on " + table;
            case DROP_CONSTRAINT -> "Drop constraint " + name + " on " + table;
            case SET_NOT_NULL -> "Set " + table + "." + name + " NOT NULL";
            case DROP_NOT_NULL -> "Drop NOT NULL on " + table + "." + name;
            case SET_DEFAULT -> "Set the default of " + table + "." + name + " to " + detail;
            case DROP_DEFAULT -> "Drop the default of " + table + "." + name;
            case SET_TYPE -> "Change the type of " + table + "." + name + " to " + detail;
            case RENAME_TABLE -> "Rename table " + table + " to " + Name.value(detail);
            case RENAME_COLUMN -> "Rename column " + table + "." + name + " to " + Name.value(detail);
            case RENAME_CONSTRAINT -> "Rename constraint " + name + " on " + table + " to " + Name.value(detail);
            case ENABLE_RLS -> "Enable row level security on " + table;
            case DISABLE_RLS -> "Disable row level security on " + table;
            case ADD_ENUM_VALUE -> "Add value " + detail + " to enum " + table;
            case DROP_TABLE -> "Drop table " + table;
            case DROP_INDEX -> "Drop index " + name;
            case DROP_TYPE -> "Drop type " + table;
            case DROP_OTHER -> "Drop " + detail;
            case DATA, OTHER -> excerpt(text);
        };
    }

    /** The first line of a statement, cut short. */
    static String excerpt(String text) {
        String s = text.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl).strip() + " ...";
        return s.length() > 100 ? s.substring(0, 100) + " ..." : s;
    }
}
