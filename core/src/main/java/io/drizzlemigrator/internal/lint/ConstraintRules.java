package io.drizzlemigrator.internal.lint;

/**
 * The constraint rules of {@code ALTER TABLE ... ADD [CONSTRAINT name]}: a CHECK or FOREIGN KEY without
 * {@code NOT VALID}, a UNIQUE, PRIMARY KEY or EXCLUDE that builds its index under the table's lock. Also the
 * {@code CHECK (col IS NOT NULL)} constraints that make a later SET NOT NULL cheap.
 */
final class ConstraintRules {

    private final RuleContext m;

    ConstraintRules(RuleContext m) {
        this.m = m;
    }

    /** {@code ADD [CONSTRAINT name] CHECK|FOREIGN KEY|UNIQUE|PRIMARY KEY|EXCLUDE ...}; k at the kind. */
    void addConstraint(Words w, int s, int k, int e, String name, String table, String tableText, boolean fresh) {
        boolean notValid = w.topLevel(k, e, i -> w.is(i, "NOT") && w.is(i + 1, "VALID")) < e;
        String named = name != null ? " " + w.at(k - 1).text() : "";
        String constraintName = name != null ? w.at(k - 1).text() : "<name>";
        if (w.is(k, "CHECK")) {
            String column = notNullColumn(w, k + 1);
            if (column != null) {
                String key = table + "." + column;
                if (name != null) {
                    m.notNullChecks.put(name, key);
                }
                if (!notValid) {
                    m.notNullValidated.add(key);
                }
            }
            if (!fresh) {
                m.altering(w.at(s), "adds a constraint to " + tableText);
                if (!notValid) {
                    m.emit(Rule.CHECK_WITHOUT_NOT_VALID, w.at(s),
                            "Adding CHECK constraint" + named + " to existing table " + tableText + " checks every "
                                    + "row while an ACCESS EXCLUSIVE lock blocks all reads and writes",
                            "ALTER TABLE " + tableText + " ADD CONSTRAINT " + constraintName + " CHECK (...) NOT "
                                    + "VALID;\nALTER TABLE " + tableText + " VALIDATE CONSTRAINT " + constraintName
                                    + ";\n(NOT VALID is instant; VALIDATE scans under a SHARE UPDATE EXCLUSIVE lock "
                                    + "that lets reads and writes go on.)");
                }
            }
        } else if (w.is(k, "FOREIGN")) {
            if (!fresh) {
                m.altering(w.at(s), "adds a constraint to " + tableText);
                if (!notValid) {
                    m.emit(Rule.FOREIGN_KEY_WITHOUT_NOT_VALID, w.at(s),
                            "Adding FOREIGN KEY" + named + " to existing table " + tableText + " validates every row "
                                    + "while both tables are locked against writes (SHARE ROW EXCLUSIVE)",
                            "ALTER TABLE " + tableText + " ADD CONSTRAINT " + constraintName + " FOREIGN KEY (...) "
                                    + "REFERENCES ... NOT VALID;\nALTER TABLE " + tableText + " VALIDATE CONSTRAINT "
                                    + constraintName + ";\nIn drizzle-kit's DO $$ BEGIN ... EXCEPTION WHEN "
                                    + "duplicate_object THEN null; END $$; block, add NOT VALID inside the block and "
                                    + "put the VALIDATE after it. A table created in the same migration is exempt.");
                }
            }
        } else {
            boolean usingIndex = false;
            for (int i = k; i < Math.min(e, k + 4); i++) {
                if (w.is(i, "USING") && w.is(i + 1, "INDEX")) {
                    usingIndex = true;
                }
            }
            if (!fresh) {
                m.altering(w.at(s), "adds a constraint to " + tableText);
                if (!usingIndex) {
                    String kind = w.is(k, "PRIMARY") ? "PRIMARY KEY" : w.is(k, "UNIQUE") ? "UNIQUE" : "EXCLUDE";
                    m.emit(Rule.ADD_UNIQUE_CONSTRAINT, w.at(s),
                            "Adding " + kind + named + " to existing table " + tableText + " builds its index while an"
                                    + " ACCESS EXCLUSIVE lock blocks all reads and writes",
                            kind.equals("EXCLUDE") ? "There is no concurrent form for EXCLUDE: add it while the table"
                                    + " is small or in a maintenance window."
                                    : "Build the index first, in a migration of its own:\nCREATE UNIQUE INDEX "
                                    + "CONCURRENTLY IF NOT EXISTS " + (name != null ? w.at(k - 1).text() : "<index>")
                                    + " ON " + tableText + " (...);\nthen, in the next migration:\nALTER TABLE "
                                    + tableText + " ADD CONSTRAINT " + constraintName + " " + kind + " USING INDEX "
                                    + (name != null ? w.at(k - 1).text() : "<index>") + ";");
                }
            }
        }
    }

    /** {@code VALIDATE CONSTRAINT name}, s at VALIDATE: a validated CHECK (col IS NOT NULL) proves col has no NULL. */
    void validate(Words w, int s) {
        String column = m.notNullChecks.get(Words.identifier(w.at(s + 2)));
        if (column != null) {
            m.notNullValidated.add(column);
        }
    }

    /** The column of {@code CHECK (col IS NOT NULL)} (parentheses allowed), {@code open} at the {@code (}; or null. */
    private static String notNullColumn(Words w, int open) {
        if (!w.op(open, "(")) {
            return null;
        }
        int from = open + 1;
        int to = w.close(open);
        while (w.op(from, "(") && w.close(from) == to - 1) {
            from++;
            to--;
        }
        if (to - from == 4 && w.isName(from) && w.is(from + 1, "IS") && w.is(from + 2, "NOT")
                && w.is(from + 3, "NULL")) {
            return Words.identifier(w.at(from));
        }
        return null;
    }
}
