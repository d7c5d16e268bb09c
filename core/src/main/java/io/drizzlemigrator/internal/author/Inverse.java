package io.drizzlemigrator.internal.author;

/**
 * The inverse of one {@link Change}: a statement that undoes it, or why none can be derived.
 *
 * @param sql    the statement (with its {@code ;}), or null
 * @param manual why it must be written by hand, or null
 * @param change what it undoes
 */
record Inverse(String sql, String manual, Change change) {

    private static final String NOTHING = "-- Nothing to undo for: ";

    boolean derived() {
        return sql != null;
    }

    /** Whether the change did nothing: the object existed before (see {@link #existed}). */
    boolean noOp() {
        return sql != null && sql.startsWith(NOTHING);
    }

    /** The inverse of {@code c}, given what the folder said about the schema just before it. */
    static Inverse of(Change c, Known known) {
        Name t = c.table();
        Name n = c.name();
        String existed = existed(c, known);
        if (existed != null) {
            return sql(NOTHING + c.describe() + " (" + existed + ")", c);
        }
        return switch (c.kind()) {
            case CREATE_TABLE -> sql("DROP TABLE IF EXISTS " + t.sql() + ";", c);
            case CREATE_INDEX -> sql("DROP INDEX CONCURRENTLY IF EXISTS " + t.sibling(n).sql() + ";", c);
            case CREATE_TYPE -> sql("DROP TYPE IF EXISTS " + t.sql() + ";", c);
            case CREATE_VIEW -> sql("DROP " + (c.flag() ? "MATERIALIZED VIEW" : "VIEW") + " IF EXISTS " + t.sql()
                    + ";", c);
            case CREATE_FUNCTION -> c.flag()
                    ? manual("CREATE OR REPLACE may have replaced an earlier definition, which the migration does not "
                            + "contain", c)
                    : hasDefault(c.detail())
                            ? manual("the argument list has defaults; write DROP FUNCTION with the argument types", c)
                            : sql("DROP " + c.detail() + ";", c);
            case CREATE_POLICY -> sql("DROP POLICY IF EXISTS " + n.sql() + " ON " + t.sql() + ";", c);
            case CREATE_SEQUENCE -> sql("DROP SEQUENCE IF EXISTS " + t.sql() + ";", c);
            case CREATE_SCHEMA -> sql("DROP SCHEMA IF EXISTS " + t.sql() + ";", c);
            case CREATE_EXTENSION -> sql("DROP EXTENSION IF EXISTS " + t.sql() + ";", c);
            case ADD_COLUMN -> sql("ALTER TABLE " + t.sql() + " DROP COLUMN IF EXISTS " + n.sql() + ";", c);
            case ADD_CONSTRAINT -> sql("ALTER TABLE " + t.sql() + " DROP CONSTRAINT IF EXISTS " + n.sql() + ";", c);
            case SET_NOT_NULL -> alter(t, n, "DROP NOT NULL", c);
            case DROP_NOT_NULL -> alter(t, n, "SET NOT NULL", c);
            case SET_DEFAULT, DROP_DEFAULT -> {
                String before = known.defaultOf(t, n);
                if (before == null) {
                    yield manual("the earlier migrations of the folder do not say what the default of " + t + "." + n
                            + " was", c);
                }
                yield before.equals(Known.NONE) ? alter(t, n, "DROP DEFAULT", c)
                        : alter(t, n, "SET DEFAULT " + before, c);
            }
            case SET_TYPE -> {
                String before = known.type(t, n);
                yield before == null
                        ? manual("the earlier migrations of the folder do not say what the type of " + t + "." + n
                                + " was", c)
                        : alter(t, n, "SET DATA TYPE " + before + " USING " + n.sql() + "::" + before, c);
            }
            case RENAME_TABLE -> sql("ALTER TABLE " + t.sibling(new Name(java.util.List.of(c.detail()))).sql()
                    + " RENAME TO " + t.raw().get(t.raw().size() - 1) + ";", c);
            case RENAME_COLUMN -> sql("ALTER TABLE " + t.sql() + " RENAME COLUMN " + c.detail() + " TO " + n.sql()
                    + ";", c);
            case RENAME_CONSTRAINT -> sql("ALTER TABLE " + t.sql() + " RENAME CONSTRAINT " + c.detail() + " TO "
                    + n.sql() + ";", c);
            case ENABLE_RLS -> sql("ALTER TABLE " + t.sql() + " DISABLE ROW LEVEL SECURITY;", c);
            case DISABLE_RLS -> sql("ALTER TABLE " + t.sql() + " ENABLE ROW LEVEL SECURITY;", c);
            case ADD_ENUM_VALUE -> manual("PostgreSQL cannot remove a value from an enum (ALTER TYPE ... ADD VALUE is "
                    + "append-only); leave the value unused, or re-create the type", c);
            case DROP_COLUMN -> manual("the column's data is gone; re-adding the column restores its shape only", c);
            case DROP_TABLE -> manual("the table's definition and data are gone", c);
            case DROP_INDEX -> {
                String created = known.index(n);
                yield created == null
                        ? manual("the earlier migrations of the folder do not say how the index was defined", c)
                        : sql(Concurrently.create(created) + ";", c);
            }
            case DROP_CONSTRAINT -> {
                String added = known.constraint(t, n);
                yield added == null
                        ? manual("the earlier migrations of the folder do not say how the constraint was defined", c)
                        : sql("ALTER TABLE " + t.sql() + " " + added + ";", c);
            }
            case DROP_TYPE, DROP_OTHER -> manual("the dropped object's definition is not in this migration", c);
            case DATA -> manual("a data change cannot be undone from its statement", c);
            case OTHER -> manual("drizzle-migrator does not know the inverse of this statement", c);
        };
    }

    /**
     * Why the change did nothing, when the object existed before it: drizzle-kit's {@code IF NOT EXISTS} and its
     * {@code DO ... EXCEPTION WHEN duplicate_object} blocks leave an existing table, index or constraint as it was,
     * so dropping it would undo an earlier migration. Null when the change made something new.
     */
    private static String existed(Change c, Known known) {
        return switch (c.kind()) {
            case CREATE_TABLE -> known.table(c.table()) ? "an earlier migration created the table" : null;
            case CREATE_INDEX -> known.index(c.name()) != null ? "an earlier migration created the index" : null;
            case ADD_CONSTRAINT -> known.constraint(c.table(), c.name()) != null
                    ? "an earlier migration added the constraint" : null;
            default -> null;
        };
    }

    /** Whether a function's argument list gives a default ({@code DEFAULT} or {@code =}). */
    private static boolean hasDefault(String signature) {
        return Known.indexOfIgnoreCase(signature, " default ") >= 0 || signature.indexOf('=') >= 0;
    }

    private static Inverse alter(Name t, Name n, String action, Change c) {
        return sql("ALTER TABLE " + t.sql() + " ALTER COLUMN " + n.sql() + " " + action + ";", c);
    }

    private static Inverse sql(String sql, Change c) {
        return new Inverse(sql, null, c);
    }

    private static Inverse manual(String why, Change c) {
        return new Inverse(null, why, c);
    }
}
