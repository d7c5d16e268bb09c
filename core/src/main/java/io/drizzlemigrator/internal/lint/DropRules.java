package io.drizzlemigrator.internal.lint;

import java.util.Set;

/**
 * The {@code DROP} statements: {@code DROP TABLE} and {@code DROP TYPE} of what the migration did not create are
 * findings; dropping any other object the migration did not create makes it one that needs a rollback.
 * ({@code DROP INDEX} is among the {@link IndexRules}.)
 */
final class DropRules {

    private final RuleContext m;
    private final IndexRules indexRules;

    DropRules(RuleContext m, IndexRules indexRules) {
        this.m = m;
        this.indexRules = indexRules;
    }

    void drop(Words w) {
        if (w.is(1, "TABLE")) {
            dropNames(w, w.skipIfExists(2), m.tables, "table");
        } else if (w.is(1, "INDEX")) {
            indexRules.dropIndex(w);
        } else if (w.is(1, "TYPE")) {
            dropNames(w, w.skipIfExists(2), m.types, "type");
        } else if (w.isName(1)) {
            String kind = RuleContext.kind(w, 1);
            int k = w.skipIfExists(RuleContext.kindEnd(w, 1));
            int end = w.nameEnd(k);
            if (!m.objects.contains(kind + ":" + w.name(k, end))) {
                m.altering(w.at(0), "drops " + kind + " " + w.text(k, end));
            }
        }
    }

    private void dropNames(Words w, int i, Set<String> created, String kind) {
        w.names(i, (from, end) -> {
            String name = w.name(from, end);
            String text = w.text(from, end);
            if (!created.contains(name)) {
                m.headline("drop_" + name);
                m.altering(w.at(0), "drops " + kind + " " + text);
                if (kind.equals("table")) {
                    m.emit(Rule.DROP_TABLE, w.at(from),
                            "DROP TABLE " + text + " breaks the application instances that still use it and loses its"
                                    + " data for good",
                            "Zero-downtime: release 1 removes every use of " + text + " from the code (and the drizzle"
                                    + " schema); release 2, in a later migration, drops it. Back the data up first "
                                    + "(pg_dump -t " + text + "): a rollback file cannot bring it back.");
                } else {
                    m.emit(Rule.DROP_TYPE, w.at(from),
                            "DROP TYPE " + text + " fails while a column uses it, and dropping and recreating an enum "
                                    + "to change its values rewrites every table that uses it",
                            "Enum values are append-only: add the new value (ADD VALUE IF NOT EXISTS), migrate the "
                                    + "data to it, and leave the old value unused. Drop a type only after a release in "
                                    + "which no column and no code uses it.");
                }
            }
        });
    }
}
