package io.drizzlemigrator.internal.review;

import io.drizzlemigrator.internal.sql.SqlLexer;
import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code DO $$ ... $$}: drizzle-kit wraps foreign keys and enum creation in
 * {@code DO $$ BEGIN ... EXCEPTION WHEN duplicate_object THEN null; END $$;}, and hand-written migrations make
 * their commands idempotent with {@code IF [NOT] EXISTS (SELECT ... FROM information_schema ...)}. Each command of
 * the body is derived as if it stood alone, in the branches that run.
 */
final class DoBlocks {

    private static final Set<String> DDL_START = Set.of("alter", "create", "drop", "insert", "update", "delete",
            "truncate", "comment", "select", "perform", "with", "lock", "refresh");

    private static final Pattern EXCEPTION = Pattern.compile("(?i)\\bexception\\s+when\\b");

    private final Derivation derivation;
    private final Catalog catalog;
    private final QueryTables queries;

    DoBlocks(Derivation derivation, Catalog catalog, QueryTables queries) {
        this.derivation = derivation;
        this.catalog = catalog;
        this.queries = queries;
    }

    /**
     * {@code DO $$ ... $$}: the commands of the PL/pgSQL body, each derived as if it stood alone (whichever branch
     * runs), and the tables its conditions read.
     */
    void derive(Toks w, int i, int end, Derived d) {
        d.kind("DO");
        Token body = null;
        for (int k = i + 1; k < end; k++) {
            if (w.token(k).type() == TokenType.DOLLAR_STRING || w.token(k).type() == TokenType.STRING) {
                body = w.token(k);
                break;
            }
        }
        if (body == null) {
            return;
        }
        String text = body.text();
        String inner;
        if (body.type() == TokenType.DOLLAR_STRING) {
            int tag = text.indexOf('$', 1) + 1;
            inner = text.substring(tag, text.length() - tag);
        } else {
            inner = text.substring(1, text.length() - 1).replace("''", "'");
        }
        List<SqlStatement> statements;
        try {
            statements = SqlLexer.split(inner);
        } catch (SqlSyntaxException e) {
            return;
        }
        boolean handled = EXCEPTION.matcher(inner).find();
        List<String> kinds = new ArrayList<>();
        // which IF branches run, innermost last: a branch whose condition the catalog answers "no" takes no lock
        List<Boolean> branches = new ArrayList<>();
        List<Boolean> conditions = new ArrayList<>();
        for (SqlStatement st : statements) {
            List<Token> tokens = st.significantTokens();
            if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).type() == TokenType.SEMICOLON) {
                tokens = tokens.subList(0, tokens.size() - 1);
            }
            Toks b = new Toks(tokens);
            int start = commandStart(b);
            int lead = leadingIf(b, start < 0 ? b.size() : start);
            if (lead >= 0) {
                Boolean answer = condition(b, lead, start < 0 ? b.size() : start);
                boolean outer = branches.isEmpty() || branches.get(branches.size() - 1);
                conditions.add(answer);
                branches.add(outer && !Boolean.FALSE.equals(answer));
            } else if (b.is(0, "ELSE") && !branches.isEmpty()) {
                boolean outer = branches.size() < 2 || branches.get(branches.size() - 2);
                Boolean answer = conditions.get(conditions.size() - 1);
                branches.set(branches.size() - 1, outer && !Boolean.TRUE.equals(answer));
            } else if (b.is(0, "ELSIF") && !branches.isEmpty()) {
                branches.set(branches.size() - 1, branches.size() < 2 || branches.get(branches.size() - 2));
            }
            boolean runs = branches.isEmpty() || branches.get(branches.size() - 1);
            if (b.is(0, "END") && b.is(1, "IF") && !branches.isEmpty()) {
                branches.remove(branches.size() - 1);
                conditions.remove(conditions.size() - 1);
            }
            if (!runs) {
                continue;
            }
            queries.scan(b, 0, start < 0 ? b.size() : start, d);
            if (start >= 0) {
                Derived one = new Derived(b.word(start).toUpperCase(Locale.ROOT));
                derivation.command(b, start, b.size(), one, true);
                if (one.failing() && handled) {
                    continue; // caught by the block's EXCEPTION handler: its subtransaction's locks are released
                }
                one.locks().forEach((r, modes) -> modes.forEach(m -> d.lock(r, m)));
                if (one.rewrite()) {
                    d.rewrites();
                }
                if (one.scan()) {
                    d.scans();
                }
                kinds.add(one.kind());
            }
        }
        if (!kinds.isEmpty()) {
            d.kind("DO: " + String.join(", ", new LinkedHashSet<>(kinds)));
        }
    }

    /** Where the {@code IF} of the statement's leading {@code IF ... THEN} is, before {@code end}; or -1. */
    private static int leadingIf(Toks b, int end) {
        for (int k = 0; k < end; k++) {
            if (b.is(k, "IF")) {
                return b.is(k - 1, "END") ? -1 : k;
            }
            if (!b.is(k, "BEGIN") && !b.is(k, "ELSE")) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * What the catalog says of {@code IF [NOT] EXISTS (SELECT ... FROM <catalog> WHERE ...)}, the idempotency
     * checks of hand-written migrations: a column ({@code information_schema.columns}: table_name, column_name;
     * {@code pg_attribute}: attrelid = 't'::regclass, attname) or a constraint ({@code constraint_name},
     * {@code conname}). Null when the condition is anything else (its branch is then taken as running).
     */
    private Boolean condition(Toks b, int ifAt, int end) {
        int k = ifAt + 1;
        boolean not = b.is(k, "NOT");
        if (not) {
            k++;
        }
        if (!b.is(k, "EXISTS") || !b.op(k + 1, "(")) {
            return null;
        }
        String table = null;
        String column = null;
        String constraint = null;
        for (int i = k + 2; i < Math.min(end, b.close(k + 1)); i++) {
            if (!b.op(i, "=") || !b.has(i + 1) || b.token(i + 1).type() != TokenType.STRING) {
                continue;
            }
            String value = b.token(i + 1).text();
            value = value.substring(1, value.length() - 1).replace("''", "'");
            switch (b.word(i - 1)) {
                case "table_name" -> table = value;
                case "column_name", "attname" -> column = value;
                case "constraint_name", "conname" -> constraint = value;
                case "attrelid" -> table = value;
                default -> {
                }
            }
        }
        Boolean exists;
        if (constraint != null) {
            exists = table != null ? catalog.hasConstraint(catalog.qualify(null, table), constraint)
                    : catalog.hasConstraint(constraint);
        } else if (table != null && column != null) {
            exists = catalog.columnType(catalog.qualify(null, table), column) != null;
        } else {
            return null;
        }
        return not != exists;
    }

    /** Where a SQL command starts in a PL/pgSQL statement: first, or after BEGIN/THEN/ELSE/LOOP at depth 0; or -1. */
    private static int commandStart(Toks b) {
        int depth = 0;
        for (int k = 0; k < b.size(); k++) {
            if (b.op(k, "(")) {
                depth++;
            } else if (b.op(k, ")")) {
                depth--;
            } else if (depth == 0 && DDL_START.contains(b.word(k)) && (k == 0 || b.is(k - 1, "BEGIN")
                    || b.is(k - 1, "THEN") || b.is(k - 1, "ELSE") || b.is(k - 1, "LOOP"))) {
                return k;
            }
        }
        return -1;
    }

}
