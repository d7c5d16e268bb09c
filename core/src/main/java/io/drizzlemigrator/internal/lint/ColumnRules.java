package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.Set;

/**
 * The column rules of {@code ALTER TABLE}: a column added NOT NULL without a default, with a default that rewrites
 * the table or with a constraint that locks it; a type changed, NOT NULL set, a column dropped. Also the column types
 * that {@code CREATE TABLE} and {@code ADD COLUMN} define, which tell whether a later type change rewrites.
 */
final class ColumnRules {

    /** Functions whose value differs per row: a default calling one fills every existing row with a rewrite. */
    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval",
            "gen_random_bytes", "txid_current");

    /** Words that end a column's type in a column definition. */
    private static final Set<String> COLUMN_CONSTRAINT = Set.of("not", "null", "default", "primary", "unique",
            "references", "check", "generated", "collate", "constraint", "using", "identity");

    private final RuleContext m;

    ColumnRules(RuleContext m) {
        this.m = m;
    }

    /** A column definition of {@code CREATE TABLE}, tokens {@code [from, to)} starting at the column's name. */
    void columnDefinition(Words w, String table, int from, int to) {
        String column = Words.identifier(w.at(from));
        ColumnType type = ColumnType.parse(w, from + 1, typeEnd(w, from + 1, to));
        if (type != null) {
            m.columnTypes.put(table + "." + column, type);
        }
    }

    /** Where a column's type ends: at the first constraint word at depth 0, or {@code to}. */
    private static int typeEnd(Words w, int from, int to) {
        return w.topLevel(from, to, k -> w.at(k).type() == TokenType.WORD
                && COLUMN_CONSTRAINT.contains(Words.lower(w.at(k).text())));
    }

    /** What the constraints of a column definition say, read word by word at depth 0. */
    private static final class Constraints {
        boolean notNull;
        boolean primaryKey;
        boolean unique;
        boolean hasDefault;
        String rewrite;
        boolean references;
        boolean check;
        Token checkAt;

        Constraints(ColumnType type) {
            hasDefault = type != null && type.isSerial();
            rewrite = type != null && type.isSerial() ? "its " + type.base() + " type (a nextval() default)" : null;
        }

        /** Notes the word at {@code i} of a definition ending at {@code e}. */
        void read(Words w, int i, int e) {
            if (w.is(i, "NOT") && w.is(i + 1, "NULL")) {
                notNull = true;
            } else if (w.is(i, "PRIMARY") && w.is(i + 1, "KEY")) {
                primaryKey = true;
                notNull = true;
            } else if (w.is(i, "UNIQUE")) {
                unique = true;
            } else if (w.is(i, "REFERENCES")) {
                references = true;
            } else if (w.is(i, "CHECK")) {
                check = true;
                checkAt = w.at(i);
            } else if (w.is(i, "DEFAULT")) {
                hasDefault = true;
                String call = volatileCall(w, i + 1, e);
                if (call != null && rewrite == null) {
                    rewrite = "its default " + call + "()";
                }
            } else if (w.is(i, "GENERATED")) {
                hasDefault = true;
                int as = i + 1;
                while (w.has(as) && !w.is(as, "AS")) {
                    as++;
                }
                if (rewrite == null) {
                    rewrite = w.is(as + 1, "IDENTITY") ? "its identity (GENERATED ... AS IDENTITY)"
                            : "its generated expression (GENERATED ALWAYS AS ... STORED)";
                }
            }
        }
    }

    /** {@code ADD [COLUMN] [IF NOT EXISTS] name type [constraints]}; k at the column name. */
    void addColumn(Words w, int s, int k, int e, String table, String tableText, boolean fresh) {
        k = w.skipIfNotExists(k);
        if (!w.isName(k)) {
            return;
        }
        String column = Words.identifier(w.at(k));
        String columnText = w.at(k).text();
        String key = table + "." + column;
        m.columns.add(key);
        m.headline("add_" + table + "_" + column);
        int typeEnd = typeEnd(w, k + 1, e);
        ColumnType type = ColumnType.parse(w, k + 1, typeEnd);
        if (type != null) {
            m.columnTypes.put(key, type);
        }
        if (fresh) {
            return;
        }
        Constraints c = new Constraints(type);
        int depth = 0;
        for (int i = typeEnd; i < e; i++) {
            if (w.op(i, "(")) {
                depth++;
            } else if (w.op(i, ")")) {
                depth--;
            } else if (depth <= 0) { // after a stray ")" too, unlike Words.topLevel
                c.read(w, i, e);
            }
        }
        if (c.notNull && !c.hasDefault) {
            m.emit(Rule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT, w.at(s),
                    "Adding NOT NULL column " + columnText + " without a default to existing table " + tableText
                            + " fails as soon as the table has a row, and breaks running instances that insert "
                            + "without it",
                    "Add it nullable, backfill, then constrain it (see set-not-null):\nALTER TABLE " + tableText
                            + " ADD COLUMN " + columnText + " " + (type != null ? type : "<type>") + ";\n"
                            + "then UPDATE " + tableText + " SET " + columnText + " = ... WHERE " + columnText
                            + " IS NULL (in batches), and in a later migration the NOT NULL sequence. Or give it a "
                            + "constant DEFAULT (PostgreSQL 11+ adds it without rewriting).");
        }
        if (c.rewrite != null) {
            m.emit(Rule.ADD_COLUMN_VOLATILE_DEFAULT, w.at(s),
                    "Adding column " + columnText + " with " + c.rewrite + " rewrites all of " + tableText
                            + " under an ACCESS EXCLUSIVE lock (each existing row needs its own value)",
                    "Add the column without the default (or with a constant one), set the default for new rows with "
                            + "ALTER TABLE " + tableText + " ALTER COLUMN " + columnText + " SET DEFAULT ..., then "
                            + "backfill existing rows in batches. now() and CURRENT_TIMESTAMP are fine (stable).");
        }
        if (c.unique || c.primaryKey) {
            m.altering(w.at(s), "adds a constraint to " + tableText);
            m.emit(Rule.ADD_UNIQUE_CONSTRAINT, w.at(s),
                    "Adding column " + columnText + " with " + (c.primaryKey ? "PRIMARY KEY" : "UNIQUE")
                            + " builds its index under an ACCESS EXCLUSIVE lock on " + tableText,
                    "Add the column plain; build the index in a migration of its own: CREATE UNIQUE INDEX "
                            + "CONCURRENTLY IF NOT EXISTS <index> ON " + tableText + " (" + columnText + "); then "
                            + "ALTER TABLE " + tableText + " ADD CONSTRAINT <name> "
                            + (c.primaryKey ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX <index>;");
        }
        if (c.check) {
            m.altering(w.at(s), "adds a constraint to " + tableText);
            m.emit(Rule.CHECK_WITHOUT_NOT_VALID, c.checkAt,
                    "Adding column " + columnText + " with a CHECK checks every row of " + tableText
                            + " under an ACCESS EXCLUSIVE lock",
                    "Add the column plain, then ALTER TABLE " + tableText + " ADD CONSTRAINT <name> CHECK (...) NOT "
                            + "VALID; and ALTER TABLE " + tableText + " VALIDATE CONSTRAINT <name>; (the validation "
                            + "takes only a SHARE UPDATE EXCLUSIVE lock).");
        }
        if (c.references && c.hasDefault) {
            m.altering(w.at(s), "adds a constraint to " + tableText);
            m.emit(Rule.FOREIGN_KEY_WITHOUT_NOT_VALID, w.at(s),
                    "Adding column " + columnText + " with a default and REFERENCES validates every row of "
                            + tableText + " while both tables are locked against writes",
                    "Add the column without REFERENCES, then ALTER TABLE " + tableText + " ADD CONSTRAINT <name> "
                            + "FOREIGN KEY (" + columnText + ") REFERENCES ... NOT VALID; and VALIDATE CONSTRAINT "
                            + "<name> in a separate statement.");
        }
    }

    /**
     * The first volatile function called in a DEFAULT expression starting at {@code from} (which ends at the next
     * constraint word at depth 0), or null.
     */
    private static String volatileCall(Words w, int from, int e) {
        int end = typeEnd(w, from, e);
        for (int i = from; i < end; i++) {
            if (w.at(i).type() == TokenType.WORD && w.op(i + 1, "(")
                    && VOLATILE.contains(Words.lower(w.at(i).text()))) {
                return Words.lower(w.at(i).text());
            }
        }
        return null;
    }

    void dropColumn(Words w, int s, int k, String table, String tableText, boolean fresh) {
        String key = table + "." + Words.identifier(w.at(k));
        m.columnTypes.remove(key);
        if (fresh || m.columns.contains(key)) {
            return;
        }
        String column = w.at(k).text();
        m.headline("drop_" + table + "_" + Words.identifier(w.at(k)));
        m.altering(w.at(s), "drops column " + tableText + "." + column);
        m.emit(Rule.DROP_COLUMN, w.at(s),
                "Dropping column " + tableText + "." + column + " breaks the running instances that still read or "
                        + "write it (drizzle names every column in its queries) and loses its data",
                "Zero-downtime, over two releases: release 1 removes the column from the drizzle schema and the code "
                        + "(do not generate the migration yet); release 2 drops it in a later migration. When that is "
                        + "what this migration is, say so: -- drizzle-migrator:ignore drop-column <reason>.");
    }

    void changeType(Words w, int s, int k, int e, String key, String tableText, String columnText,
            boolean newColumn) {
        int end = w.topLevel(k, e, i -> w.is(i, "USING") || w.is(i, "COLLATE"));
        boolean using = false;
        for (int i = end; i < e; i++) {
            if (w.is(i, "USING")) {
                using = true;
            }
        }
        ColumnType to = ColumnType.parse(w, k, end);
        ColumnType from = m.columnTypes.get(key);
        if (to != null) {
            m.columnTypes.put(key, to);
        }
        if (newColumn || to == null) {
            return;
        }
        m.altering(w.at(s), "changes the type of " + tableText + "." + columnText);
        if (!using && ColumnType.keepsStorage(from, to)) {
            return;
        }
        String fromText = from != null ? " from " + from : "";
        m.emit(Rule.CHANGE_COLUMN_TYPE, w.at(s),
                "Changing the type of " + tableText + "." + columnText + fromText + " to " + to
                        + (using ? " with USING" : "") + " rewrites the whole table under an ACCESS EXCLUSIVE lock, "
                        + "and breaks running instances that expect the old type",
                "Zero-downtime: add a new column of the new type, write both and backfill in batches, switch reads, "
                        + "then drop the old column in a later release. Changes that keep the stored values need no "
                        + "rewrite: varchar → text, varchar(n) → varchar(m ≥ n), numeric(p,s) → numeric(q ≥ p,s)"
                        + (from == null ? "; the linter did not see the column's current type (defined in an "
                        + "earlier migration): if it is one of those, suppress with that reason" : "") + ".");
    }

    void setNotNull(Words w, int s, String key, String tableText, String columnText, boolean newColumn) {
        if (newColumn) {
            return;
        }
        m.altering(w.at(s), "sets NOT NULL on " + tableText + "." + columnText);
        if (m.notNullValidated.contains(key)) {
            return;
        }
        String check = constraintName(key);
        m.emit(Rule.SET_NOT_NULL, w.at(s),
                "SET NOT NULL on existing column " + tableText + "." + columnText + " scans the whole table under "
                        + "an ACCESS EXCLUSIVE lock, and fails (or breaks running instances) while rows or inserts "
                        + "still lack a value",
                "Zero-downtime, over two releases: release 1 makes the code always write the column, sets the default "
                        + "(ALTER TABLE " + tableText + " ALTER COLUMN " + columnText + " SET DEFAULT ...) and "
                        + "backfills (UPDATE " + tableText + " SET " + columnText + " = ... WHERE " + columnText
                        + " IS NULL, in batches); release 2, in a later migration (PostgreSQL 12+):\n"
                        + "ALTER TABLE " + tableText + " ADD CONSTRAINT " + check + " CHECK (" + columnText
                        + " IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE " + tableText + " VALIDATE CONSTRAINT " + check + ";\n"
                        + "ALTER TABLE " + tableText + " ALTER COLUMN " + columnText + " SET NOT NULL;\n"
                        + "ALTER TABLE " + tableText + " DROP CONSTRAINT " + check + ";");
    }

    private static String constraintName(String key) {
        return key.replace('.', '_').replaceAll("[^A-Za-z0-9_]", "_") + "_not_null";
    }
}
