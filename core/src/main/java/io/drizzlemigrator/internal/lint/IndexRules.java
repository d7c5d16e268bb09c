package io.drizzlemigrator.internal.lint;

/**
 * The index rules: {@code CREATE INDEX} and {@code DROP INDEX} without {@code CONCURRENTLY} on an existing table,
 * concurrent forms that cannot be retried, and {@code REINDEX}.
 */
final class IndexRules {

    private final RuleContext m;

    IndexRules(RuleContext m) {
        this.m = m;
    }

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table ...}; i after INDEX. */
    void createIndex(Words w, int i) {
        int indexWord = i - 1;
        boolean concurrently = w.is(i, "CONCURRENTLY");
        int concurrentlyAt = concurrently ? i : -1;
        if (concurrently) {
            i++;
        }
        int ifNotExists = w.skipIfNotExists(i);
        boolean idempotent = ifNotExists != i;
        i = ifNotExists;
        String name = null;
        if (!w.is(i, "ON")) {
            int end = w.nameEnd(i);
            name = w.name(i, end);
            i = end;
        }
        if (!w.is(i, "ON")) {
            return;
        }
        i++;
        if (w.is(i, "ONLY")) {
            i++;
        }
        int tableEnd = w.nameEnd(i);
        String table = w.name(i, tableEnd);
        String tableText = w.text(i, tableEnd);
        if (name != null) {
            m.indexes.add(name);
        }
        m.headline("add_index_on_" + table);
        if (!concurrently && !m.tables.contains(table)) {
            String rewritten = m.rewrite(w, indexWord, " CONCURRENTLY" + (name != null && !idempotent
                    ? " IF NOT EXISTS" : ""));
            m.emit(Rule.INDEX_NOT_CONCURRENT, w.at(0),
                    "CREATE INDEX on existing table " + tableText + " without CONCURRENTLY blocks every write to it"
                            + " (SHARE lock) for the whole build",
                    "Build it concurrently, in a migration of its own (drizzle-migrator runs a migration that holds "
                            + "CONCURRENTLY outside a transaction, statement by statement):\n"
                            + (rewritten != null ? rewritten : "CREATE INDEX CONCURRENTLY IF NOT EXISTS <name> ON "
                            + tableText + " (...);")
                            + "\nA table created in the same migration is exempt: it is empty.");
        } else if (concurrently && !idempotent) {
            m.emit(Rule.CONCURRENT_INDEX_NOT_IDEMPOTENT, w.at(concurrentlyAt),
                    "CREATE INDEX CONCURRENTLY without IF NOT EXISTS fails when it runs again after a failure (the "
                            + "failed build leaves an INVALID index behind)",
                    name != null ? "Write CREATE INDEX CONCURRENTLY IF NOT EXISTS " + w.text(ifNotExists,
                            w.nameEnd(ifNotExists)) + " ...: a retry then finds the index; drizzle-migrator drops an"
                            + " INVALID leftover before it builds again (repairInvalidIndexes)."
                            : "Name the index and write CREATE INDEX CONCURRENTLY IF NOT EXISTS <name> ON "
                            + tableText + " (...).");
        }
    }

    /** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
    void dropIndex(Words w) {
        int i = 2;
        boolean concurrently = w.is(i, "CONCURRENTLY");
        if (concurrently) {
            i++;
        }
        int afterIf = w.skipIfExists(i);
        boolean idempotent = afterIf != i;
        w.names(afterIf, (from, end) -> {
            String name = w.name(from, end);
            String text = w.text(from, end);
            if (!m.indexes.contains(name)) {
                m.altering(w.at(0), "drops index " + text);
                if (!concurrently) {
                    m.emit(Rule.DROP_INDEX_NOT_CONCURRENT, w.at(0),
                            "DROP INDEX " + text + " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table:"
                                    + " every read and write waits, and queues behind any long transaction",
                            "DROP INDEX CONCURRENTLY IF EXISTS " + text + "; in a migration of its own "
                                    + "(drizzle-migrator runs it outside a transaction).");
                }
            }
            if (concurrently && !idempotent) {
                m.emit(Rule.CONCURRENT_INDEX_NOT_IDEMPOTENT, w.at(0),
                        "DROP INDEX CONCURRENTLY without IF EXISTS fails when it runs again after a partial failure",
                        "DROP INDEX CONCURRENTLY IF EXISTS " + text + ";");
            }
        });
    }

    /** {@code REINDEX [ ( options ) ] { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } [ CONCURRENTLY ] name}. */
    void reindex(Words w) {
        int i = 1;
        boolean concurrently = false;
        if (w.op(1, "(")) {
            int close = w.close(1);
            for (int k = 2; k < close; k++) {
                if (w.is(k, "CONCURRENTLY") && !(w.is(k + 1, "FALSE") || w.is(k + 1, "OFF")
                        || (w.has(k + 1) && w.at(k + 1).text().equals("0")))) {
                    concurrently = true;
                }
            }
            i = close + 1;
        }
        if (w.is(i + 1, "CONCURRENTLY")) {
            concurrently = true;
        }
        if (!concurrently && !w.is(i, "SYSTEM")) {
            String kind = w.has(i) ? w.at(i).text().toUpperCase(java.util.Locale.ROOT) : "INDEX";
            String target = w.has(i + 1) ? w.text(i + 1, w.nameEnd(i + 1)) : "<name>";
            m.emit(Rule.REINDEX_NOT_CONCURRENT, w.at(0),
                    "REINDEX without CONCURRENTLY locks out writes to the table (and reads through the index) for"
                            + " the whole rebuild",
                    "REINDEX " + kind + " CONCURRENTLY " + target + "; (PostgreSQL 12+), in a migration of its own. "
                            + "A failed concurrent reindex leaves an INVALID *_ccnew index to drop.");
        }
    }
}
