package io.drizzlemigrator.internal.review;

import io.drizzlemigrator.internal.sql.TokenType;
import java.util.HashSet;
import java.util.Set;

/**
 * The tables a query or DML command names, wherever they stand (subqueries, CTEs, joins): RowExclusiveLock on those
 * it inserts into, updates or deletes from, AccessShareLock on those it reads. Only names the {@link Catalog} knows as
 * tables or views count (a CTE, a function, {@code extract(year from d)} do not).
 */
final class QueryTables {

    /** Function-like keywords whose argument list holds a FROM that is no table: extract(year from d). */
    private static final Set<String> FROM_FUNCTIONS = Set.of("extract", "substring", "trim", "overlay", "position");
    /** Words after a table reference that are no alias. */
    private static final Set<String> NOT_ALIAS = Set.of("where", "join", "inner", "left", "right", "full", "cross",
            "natural", "on", "using", "group", "order", "limit", "offset", "having", "window", "union", "except",
            "intersect", "returning", "set", "for", "lateral", "fetch", "as", "tablesample", "values", "select",
            "do", "then", "loop", "into", "when");

    private final Catalog catalog;

    QueryTables(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A query or DML command from {@code i}: RowExclusive on the tables it inserts into, updates or deletes from,
     * AccessShare on the tables it reads (FROM, JOIN, USING), at any depth; names of its CTEs are no tables.
     */
    void scan(Toks w, int i, int end, Derived d) {
        Set<String> ctes = new HashSet<>();
        for (int k = i; k < end; k++) {
            if ((w.is(k - 1, "WITH") || w.op(k - 1, ",") || w.is(k - 1, "RECURSIVE")) && w.is(k + 1, "AS")
                    && (w.op(k + 2, "(") || w.is(k + 2, "MATERIALIZED") || w.is(k + 2, "NOT"))) {
                ctes.add(w.identifier(k));
            }
        }
        for (int k = i; k < end; k++) {
            if (w.token(k).type() != TokenType.WORD) {
                continue;
            }
            String word = w.word(k);
            if (word.equals("insert") && w.is(k + 1, "INTO")) {
                target(w, k + 2, d, LockMode.ROW_EXCLUSIVE, ctes);
            } else if (word.equals("update") && !w.is(k - 1, "DO") && !w.is(k - 1, "FOR") && !w.is(k - 1, "KEY")
                    && !w.is(k - 1, "OF")) {
                target(w, w.is(k + 1, "ONLY") ? k + 2 : k + 1, d, LockMode.ROW_EXCLUSIVE, ctes);
            } else if (word.equals("delete") && w.is(k + 1, "FROM")) {
                target(w, w.is(k + 2, "ONLY") ? k + 3 : k + 2, d, LockMode.ROW_EXCLUSIVE, ctes);
                k++;
            } else if ((word.equals("from") && !w.is(k - 1, "DISTINCT") && !inFunction(w, k)) || word.equals("join")
                    || word.equals("using") && !w.op(k + 1, "(")) {
                int at = k + 1;
                while (true) {
                    if (w.is(at, "ONLY") || w.is(at, "LATERAL")) {
                        at++;
                    }
                    if (!w.isName(at)) {
                        break;
                    }
                    Toks.Name n = w.name(at);
                    if (w.op(n.next(), "(")) {
                        break; // a function
                    }
                    target(w, at, d, LockMode.ACCESS_SHARE, ctes);
                    int next = n.next();
                    if (w.is(next, "AS")) {
                        next++;
                    }
                    if (w.isName(next) && !NOT_ALIAS.contains(w.word(next))) {
                        next++;
                    }
                    if (!w.op(next, ",")) {
                        break;
                    }
                    at = next + 1;
                }
            }
        }
    }

    /** Locks the table named at {@code at} when the catalog knows it as a table or view (not a CTE, no function). */
    private void target(Toks w, int at, Derived d, LockMode mode, Set<String> ctes) {
        if (!w.isName(at)) {
            return;
        }
        Toks.Name n = w.name(at);
        if (n.schema() == null && ctes.contains(n.name())) {
            return;
        }
        String qualified = n.qualified(catalog);
        Catalog.Relation r = catalog.relation(qualified);
        if (r != null && Catalog.reported(r.kind())) {
            d.lock(qualified, mode);
        }
    }

    /** Whether the word at {@code k} is inside the parentheses of extract(...), substring(...) and the like. */
    private static boolean inFunction(Toks w, int k) {
        int depth = 0;
        for (int p = k - 1; p >= 0; p--) {
            if (w.op(p, ")")) {
                depth++;
            } else if (w.op(p, "(")) {
                if (depth == 0) {
                    return p > 0 && FROM_FUNCTIONS.contains(w.word(p - 1));
                }
                depth--;
            }
        }
        return false;
    }

}
