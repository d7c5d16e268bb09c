package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.TokenType;
import java.util.Set;

/**
 * {@code CREATE TABLE} (the table is new, its column types are learnt) and {@code ALTER TABLE}: renames are findings
 * here, and each action of the comma-separated list goes to the {@link ColumnRules} or the {@link ConstraintRules}.
 */
final class TableRules {

    private static final Set<String> TABLE_CONSTRAINT = Set.of("constraint", "primary", "unique", "foreign", "check",
            "exclude", "like");

    private final RuleContext m;
    private final ColumnRules columnRules;
    private final ConstraintRules constraintRules;

    TableRules(RuleContext m) {
        this.m = m;
        this.columnRules = new ColumnRules(m);
        this.constraintRules = new ConstraintRules(m);
    }

    /** {@code CREATE ... TABLE [IF NOT EXISTS] name ( columns and constraints )}; i after TABLE. */
    void createTable(Words w, int i) {
        i = w.skipIfNotExists(i);
        int end = w.nameEnd(i);
        String table = w.name(i, end);
        m.tables.add(table);
        m.headline("create_" + table);
        if (!w.op(end, "(")) {
            return;
        }
        w.list(end + 1, w.close(end), (from, to) -> {
            if (w.isName(from) && !(w.at(from).type() == TokenType.WORD
                    && TABLE_CONSTRAINT.contains(Words.lower(w.at(from).text())))) {
                columnRules.columnDefinition(w, table, from, to);
            }
            return true;
        });
    }

    void alterTable(Words w) {
        int i = w.skipIfExists(2);
        if (w.is(i, "ONLY")) {
            i++;
        }
        if (w.is(i, "ALL")) {
            m.altering(w.at(0), "moves tables to another tablespace");
            return;
        }
        int end = w.nameEnd(i);
        String table = w.name(i, end);
        String tableText = w.text(i, end);
        boolean fresh = m.tables.contains(table);
        int j = end;
        if (w.op(j, "*")) {
            j++;
        }
        if (w.is(j, "RENAME")) {
            renameInTable(w, j, table, tableText, fresh);
            m.headline("rename_in_" + table);
            return;
        }
        w.list(j, w.end, (from, to) -> {
            if (to > from) {
                action(w, from, to, table, tableText, fresh);
            }
            return true;
        });
        m.headline("alter_" + table);
    }

    private void renameInTable(Words w, int j, String table, String tableText, boolean fresh) {
        if (w.is(j + 1, "TO")) {
            if (!fresh) {
                String to = w.text(j + 2, w.nameEnd(j + 2));
                m.altering(w.at(j), "renames table " + tableText);
                m.emit(Rule.RENAME_TABLE, w.at(j),
                        "Renaming table " + tableText + " to " + to + " breaks every running instance of the "
                                + "application that still uses the old name",
                        "Keep the SQL name and rename only in the drizzle schema (pgTable('" + table
                                + "', ...) under a new variable name). To really"
                                + " rename: create the new table (or rename and CREATE VIEW " + tableText
                                + " AS SELECT * FROM " + to + " for one release), switch the code, then drop the old "
                                + "name in a later release.");
            }
            if (fresh && w.isName(j + 2)) {
                m.tables.add(w.name(j + 2, w.nameEnd(j + 2)));
            }
            return;
        }
        if (constraint(w, j, "renames", tableText, fresh)) {
            return;
        }
        int k = column(w, j);
        if (k < 0) {
            return;
        }
        String column = Words.identifier(w.at(k));
        String key = table + "." + column;
        String to = w.has(k + 2) ? w.at(k + 2).text() : "<new>";
        if (!fresh && !m.columns.contains(key)) {
            m.altering(w.at(j), "renames column " + tableText + "." + w.at(k).text());
            m.emit(Rule.RENAME_COLUMN, w.at(j),
                    "Renaming column " + tableText + "." + w.at(k).text() + " to " + to + " breaks every running "
                            + "instance of the application that still reads or writes the old name",
                    "Keep the SQL name and rename only the field in the drizzle schema (newName: text('"
                            + column + "')). To really rename, over several releases: release 1 adds " + to
                            + ", writes both columns and backfills (UPDATE " + tableText + " SET " + to + " = "
                            + w.at(k).text() + "); release 2 reads " + to + "; release 3, in a later migration, drops "
                            + w.at(k).text() + ".");
        }
        ColumnType type = m.columnTypes.remove(key);
        if (type != null && w.isName(k + 2)) {
            m.columnTypes.put(table + "." + Words.identifier(w.at(k + 2)), type);
        }
    }

    /** One action of {@code ALTER TABLE}, tokens {@code [s, e)}. */
    private void action(Words w, int s, int e, String table, String tableText, boolean fresh) {
        if (w.is(s, "ADD")) {
            int k = s + 1;
            if (w.is(k, "COLUMN")) {
                columnRules.addColumn(w, s, k + 1, e, table, tableText, fresh);
            } else if (w.is(k, "CONSTRAINT")) {
                constraintRules.addConstraint(w, s, k + 2, e, Words.identifier(w.at(k + 1)), table, tableText, fresh);
            } else if (w.at(k).type() == TokenType.WORD && (w.is(k, "CHECK") || w.is(k, "FOREIGN")
                    || w.is(k, "UNIQUE") || w.is(k, "PRIMARY") || w.is(k, "EXCLUDE"))) {
                constraintRules.addConstraint(w, s, k, e, null, table, tableText, fresh);
            } else {
                columnRules.addColumn(w, s, k, e, table, tableText, fresh);
            }
        } else if (w.is(s, "DROP")) {
            if (constraint(w, s, "drops", tableText, fresh)) {
                return;
            }
            int k = s + 1;
            if (w.is(k, "COLUMN")) {
                k++;
            }
            k = w.skipIfExists(k);
            if (w.isName(k)) {
                columnRules.dropColumn(w, s, k, table, tableText, fresh);
            }
        } else if (w.is(s, "ALTER")) {
            alterColumn(w, s, e, table, tableText, fresh);
        } else if (w.is(s, "VALIDATE") && w.is(s + 1, "CONSTRAINT")) {
            constraintRules.validate(w, s);
        } else if (!fresh) {
            m.altering(w.at(s), "alters table " + tableText);
        }
    }

    /** {@code ALTER [COLUMN] name ...} or {@code ALTER CONSTRAINT ...}, tokens {@code [s, e)}. */
    private void alterColumn(Words w, int s, int e, String table, String tableText, boolean fresh) {
        if (constraint(w, s, "alters", tableText, fresh)) {
            return;
        }
        int k = column(w, s);
        if (k < 0) {
            return;
        }
        String column = Words.identifier(w.at(k));
        String key = table + "." + column;
        boolean newColumn = fresh || m.columns.contains(key);
        int a = k + 1;
        if (w.is(a, "SET") && w.is(a + 1, "DATA") && w.is(a + 2, "TYPE")) {
            columnRules.changeType(w, s, a + 3, e, key, tableText, w.at(k).text(), newColumn);
        } else if (w.is(a, "TYPE")) {
            columnRules.changeType(w, s, a + 1, e, key, tableText, w.at(k).text(), newColumn);
        } else if (w.is(a, "SET") && w.is(a + 1, "NOT") && w.is(a + 2, "NULL")) {
            columnRules.setNotNull(w, s, key, tableText, w.at(k).text(), newColumn);
        } else if (!newColumn) {
            m.altering(w.at(s), "alters column " + tableText + "." + w.at(k).text());
        }
    }

    /**
     * Whether {@code CONSTRAINT} follows the verb at {@code s} ({@code RENAME|DROP|ALTER CONSTRAINT ...}); if so, that
     * alters the table unless the migration created it.
     */
    private boolean constraint(Words w, int s, String does, String tableText, boolean fresh) {
        if (!w.is(s + 1, "CONSTRAINT")) {
            return false;
        }
        if (!fresh) {
            m.altering(w.at(s), does + " a constraint of " + tableText);
        }
        return true;
    }

    /** Where the column's name is after the verb at {@code s} ({@code RENAME|ALTER [COLUMN] name}), or -1. */
    private static int column(Words w, int s) {
        int k = s + 1;
        if (w.is(k, "COLUMN")) {
            k++;
        }
        return w.isName(k) ? k : -1;
    }
}
