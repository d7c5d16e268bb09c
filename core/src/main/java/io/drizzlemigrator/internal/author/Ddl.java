package io.drizzlemigrator.internal.author;

import io.drizzlemigrator.internal.author.Change.Kind;
import io.drizzlemigrator.internal.sql.SqlLexer;
import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a statement changes, for the statements drizzle-kit writes (and the common hand-written ones). What it
 * does not recognise is {@link Kind#OTHER}: the rollback then asks for a hand-written inverse rather than guess.
 */
final class Ddl {

    private final List<Token> t;
    private final String source;
    private final int base;
    private final String text;
    private final List<Change> out = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();

    /** A column with its type and default, as a CREATE TABLE or ADD COLUMN defines it. */
    record Column(Name table, String name, String type, String defaultValue) {
    }

    private Ddl(SqlStatement st) {
        List<Token> sig = st.significantTokens();
        if (!sig.isEmpty() && sig.get(sig.size() - 1).type() == TokenType.SEMICOLON) {
            sig = sig.subList(0, sig.size() - 1);
        }
        this.t = sig;
        this.source = st.text();
        this.base = st.tokens().isEmpty() ? 0 : st.tokens().get(0).offset();
        this.text = sig.isEmpty() ? "" : slice(0, sig.size());
    }

    /** The changes of one statement, in order. */
    static List<Change> read(SqlStatement st) {
        return parse(st).out;
    }

    /** The columns a CREATE TABLE or ADD COLUMN statement defines. */
    List<Column> columns() {
        return columns;
    }

    List<Change> changes() {
        return out;
    }

    static Ddl parse(SqlStatement st) {
        Ddl d = new Ddl(st);
        if (!d.t.isEmpty()) {
            try {
                d.statement();
            } catch (IndexOutOfBoundsException e) {
                d.out.clear(); // a statement shorter than its syntax: not one we know
                d.columns.clear();
            }
        }
        if (d.out.isEmpty()) {
            d.add(d.is(0, "INSERT") || d.is(0, "UPDATE") || d.is(0, "DELETE") || d.is(0, "WITH") || d.is(0, "SELECT")
                    ? Kind.DATA : Kind.OTHER, null, null, null, false);
        }
        return d;
    }

    /** The source text of significant tokens {@code [from, to)}. */
    String slice(int from, int to) {
        Token last = t.get(to - 1);
        return source.substring(t.get(from).offset() - base, last.offset() - base + last.text().length());
    }

    private void add(Kind kind, Name table, Name name, String detail, boolean flag) {
        out.add(new Change(kind, table, name, detail, flag, text));
    }

    private void statement() {
        if (is(0, "CREATE")) {
            create();
        } else if (is(0, "ALTER") && is(1, "TABLE")) {
            alterTable();
        } else if (is(0, "ALTER") && is(1, "TYPE")) {
            alterType();
        } else if (is(0, "DROP")) {
            drop();
        } else if (is(0, "DO")) {
            doBlock();
        }
    }

    private void create() {
        int i = 1;
        boolean orReplace = false;
        if (is(i, "OR") && is(i + 1, "REPLACE")) {
            orReplace = true;
            i += 2;
        }
        boolean unique = false;
        boolean materialized = false;
        while (is(i, "UNLOGGED") || is(i, "TEMP") || is(i, "TEMPORARY") || is(i, "UNIQUE") || is(i, "MATERIALIZED")
                || is(i, "RECURSIVE")) {
            unique |= is(i, "UNIQUE");
            materialized |= is(i, "MATERIALIZED");
            i++;
        }
        String what = word(i);
        i = skipIfNotExists(i + 1);
        switch (what) {
            case "table" -> {
                Name table = name(i);
                int open = next(i);
                if (!is(open, "PARTITION") && !is(open, "AS")) {
                    add(Kind.CREATE_TABLE, table, null, null, false);
                    tableColumns(table, open);
                }
            }
            case "index" -> {
                if (is(i - 1, "CONCURRENTLY") || is(i, "CONCURRENTLY")) {
                    i = skipIfNotExists(is(i, "CONCURRENTLY") ? i + 1 : i);
                }
                Name index = is(i, "ON") ? null : name(i);
                int on = index == null ? i : next(i);
                if (index != null && is(on, "ON")) {
                    int k = is(on + 1, "ONLY") ? on + 2 : on + 1;
                    add(Kind.CREATE_INDEX, name(k), index, null, unique);
                }
            }
            case "type" -> add(Kind.CREATE_TYPE, name(i), null, null, false);
            case "view" -> {
                if (!orReplace) {
                    add(Kind.CREATE_VIEW, name(i), null, null, materialized);
                }
            }
            case "function", "procedure" -> {
                int open = next(i);
                int close = close(open);
                add(Kind.CREATE_FUNCTION, name(i), null, what + " " + name(i).sql() + slice(open, close + 1),
                        orReplace);
            }
            case "policy" -> {
                Name policy = name(i);
                int on = next(i);
                if (is(on, "ON")) {
                    add(Kind.CREATE_POLICY, name(on + 1), policy, null, false);
                }
            }
            case "sequence" -> add(Kind.CREATE_SEQUENCE, name(i), null, null, false);
            case "schema" -> add(Kind.CREATE_SCHEMA, name(i), null, null, false);
            case "extension" -> add(Kind.CREATE_EXTENSION, name(i), null, null, false);
            default -> {
                // triggers, rules, casts...: OTHER
            }
        }
    }

    private void alterTable() {
        int i = 2;
        if (is(i, "IF") && is(i + 1, "EXISTS")) {
            i += 2;
        }
        if (is(i, "ONLY")) {
            i++;
        }
        Name table = name(i);
        i = next(i);
        while (i < t.size()) {
            int end = actionEnd(i);
            action(table, i, end);
            i = end + 1;
        }
    }

    /** One action of ALTER TABLE, tokens {@code [i, end)}. */
    private void action(Name table, int i, int end) {
        if (is(i, "ADD") && (is(i + 1, "CONSTRAINT"))) {
            add(Kind.ADD_CONSTRAINT, table, name(i + 2), null, is(end - 2, "NOT") && is(end - 1, "VALID"));
        } else if (is(i, "ADD") && !is(i + 1, "PRIMARY") && !is(i + 1, "UNIQUE") && !is(i + 1, "FOREIGN")
                && !is(i + 1, "CHECK") && !is(i + 1, "EXCLUDE")) {
            int k = skipIfNotExists(is(i + 1, "COLUMN") ? i + 2 : i + 1);
            Name column = name(k);
            String type = ColumnDef.type(this, k + 1, end);
            add(Kind.ADD_COLUMN, table, column, type, false);
            columns.add(new Column(table, column.last(), type, ColumnDef.defaultOf(this, k + 1, end)));
        } else if (is(i, "DROP") && is(i + 1, "CONSTRAINT")) {
            int k = skipIfExists(i + 2);
            add(Kind.DROP_CONSTRAINT, table, name(k), null, false);
        } else if (is(i, "DROP")) {
            int k = skipIfExists(is(i + 1, "COLUMN") ? i + 2 : i + 1);
            add(Kind.DROP_COLUMN, table, name(k), null, false);
        } else if (is(i, "ALTER")) {
            int k = is(i + 1, "COLUMN") ? i + 2 : i + 1;
            Name column = name(k);
            int a = next(k);
            if (is(a, "SET") && is(a + 1, "NOT") && is(a + 2, "NULL")) {
                add(Kind.SET_NOT_NULL, table, column, null, false);
            } else if (is(a, "DROP") && is(a + 1, "NOT") && is(a + 2, "NULL")) {
                add(Kind.DROP_NOT_NULL, table, column, null, false);
            } else if (is(a, "SET") && is(a + 1, "DEFAULT")) {
                add(Kind.SET_DEFAULT, table, column, slice(a + 2, end), false);
            } else if (is(a, "DROP") && is(a + 1, "DEFAULT")) {
                add(Kind.DROP_DEFAULT, table, column, null, false);
            } else if (is(a, "TYPE") || is(a, "SET") && is(a + 1, "DATA") && is(a + 2, "TYPE")) {
                int from = is(a, "TYPE") ? a + 1 : a + 3;
                add(Kind.SET_TYPE, table, column, ColumnDef.type(this, from, end), false);
            } else {
                add(Kind.OTHER, table, column, null, false);
            }
        } else if (is(i, "RENAME") && is(i + 1, "TO")) {
            add(Kind.RENAME_TABLE, table, null, t.get(i + 2).text(), false);
        } else if (is(i, "RENAME") && is(i + 1, "CONSTRAINT")) {
            add(Kind.RENAME_CONSTRAINT, table, name(i + 2), t.get(next(i + 2) + 1).text(), false);
        } else if (is(i, "RENAME")) {
            int k = is(i + 1, "COLUMN") ? i + 2 : i + 1;
            add(Kind.RENAME_COLUMN, table, name(k), t.get(next(k) + 1).text(), false);
        } else if (is(i, "ENABLE") && is(i + 1, "ROW")) {
            add(Kind.ENABLE_RLS, table, null, null, false);
        } else if (is(i, "DISABLE") && is(i + 1, "ROW")) {
            add(Kind.DISABLE_RLS, table, null, null, false);
        } else {
            add(Kind.OTHER, table, null, null, false);
        }
    }

    /** The column definitions of {@code CREATE TABLE t ( ... )}, the parenthesis at {@code open}. */
    private void tableColumns(Name table, int open) {
        if (open >= t.size() || !t.get(open).text().equals("(")) {
            return;
        }
        int close = close(open);
        int i = open + 1;
        while (i < close) {
            int end = i;
            int depth = 0;
            while (end < close && !(depth == 0 && t.get(end).text().equals(",")
                    && t.get(end).type() == TokenType.OPERATOR)) {
                if (t.get(end).type() == TokenType.OPERATOR && t.get(end).text().equals("(")) {
                    depth++;
                } else if (t.get(end).type() == TokenType.OPERATOR && t.get(end).text().equals(")")) {
                    depth--;
                }
                end++;
            }
            if (!(is(i, "CONSTRAINT") || is(i, "PRIMARY") || is(i, "UNIQUE") || is(i, "FOREIGN") || is(i, "CHECK")
                    || is(i, "EXCLUDE") || is(i, "LIKE")) && end > i + 1) {
                columns.add(new Column(table, Name.value(t.get(i).text()), ColumnDef.type(this, i + 1, end),
                        ColumnDef.defaultOf(this, i + 1, end)));
            }
            i = end + 1;
        }
    }

    private void alterType() {
        Name type = name(2);
        int i = next(2);
        if (is(i, "ADD") && is(i + 1, "VALUE")) {
            int k = skipIfNotExists(i + 2);
            add(Kind.ADD_ENUM_VALUE, type, null, t.get(k).text(), false);
        }
    }

    private void drop() {
        String what = word(1);
        int i = 2;
        if (what.equals("materialized")) {
            i++;
        }
        if (is(i, "CONCURRENTLY")) {
            i++;
        }
        i = skipIfExists(i);
        Name n = name(i);
        switch (what) {
            case "table" -> add(Kind.DROP_TABLE, n, null, null, false);
            case "index" -> add(Kind.DROP_INDEX, null, n, null, false);
            case "type" -> add(Kind.DROP_TYPE, n, null, null, false);
            default -> add(Kind.DROP_OTHER, n, null, what + " " + n, false);
        }
    }

    /**
     * drizzle-kit's {@code DO $$ BEGIN <ddl>; EXCEPTION WHEN duplicate_object THEN null; END $$;}: the change of the
     * one DDL statement inside. Any other body is {@link Kind#OTHER}.
     */
    private void doBlock() {
        Token body = null;
        for (Token token : t) {
            if (token.type() == TokenType.DOLLAR_STRING) {
                body = token;
                break;
            }
        }
        if (body == null) {
            return;
        }
        String b = body.text();
        int tag = b.indexOf('$', 1) + 1;
        List<SqlStatement> inner;
        try {
            inner = SqlLexer.split(b.substring(tag, b.length() - tag));
        } catch (SqlSyntaxException | StringIndexOutOfBoundsException e) {
            return;
        }
        List<Change> found = new ArrayList<>();
        for (SqlStatement st : inner) {
            List<Token> sig = st.significantTokens();
            if (sig.isEmpty() || sig.get(0).type() == TokenType.SEMICOLON) {
                continue;
            }
            String first = sig.get(0).text().toLowerCase(java.util.Locale.ROOT);
            if (first.equals("begin") && sig.size() > 1) {
                String ddl = st.text().substring(sig.get(1).offset() - st.tokens().get(0).offset());
                for (SqlStatement one : SqlLexer.split(ddl)) {
                    if (!one.isEmpty()) {
                        found.addAll(read(one));
                    }
                }
            } else if (!(first.equals("exception") || first.equals("end"))) {
                return;
            }
        }
        if (found.size() == 1 && found.get(0).kind() != Kind.OTHER && found.get(0).kind() != Kind.DATA) {
            out.addAll(found);
        }
    }

    // ---- token helpers

    boolean is(int i, String word) {
        return i >= 0 && i < t.size() && t.get(i).isWord(word);
    }

    Token at(int i) {
        return t.get(i);
    }

    int size() {
        return t.size();
    }

    private String word(int i) {
        return i < t.size() ? t.get(i).text().toLowerCase(java.util.Locale.ROOT) : "";
    }

    private int skipIfNotExists(int i) {
        return is(i, "IF") && is(i + 1, "NOT") && is(i + 2, "EXISTS") ? i + 3 : i;
    }

    private int skipIfExists(int i) {
        return is(i, "IF") && is(i + 1, "EXISTS") ? i + 2 : i;
    }

    /** The (possibly qualified) name starting at {@code i}. */
    Name name(int i) {
        List<String> parts = new ArrayList<>(2);
        parts.add(ident(i));
        while (i + 2 < t.size() && t.get(i + 1).text().equals(".") && isIdent(i + 2)) {
            i += 2;
            parts.add(ident(i));
        }
        return new Name(List.copyOf(parts));
    }

    /** The index after the name starting at {@code i}. */
    int next(int i) {
        return i + name(i).raw().size() * 2 - 1;
    }

    private boolean isIdent(int i) {
        TokenType type = t.get(i).type();
        return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER;
    }

    private String ident(int i) {
        if (!isIdent(i)) {
            throw new IndexOutOfBoundsException("not a name: " + t.get(i).text());
        }
        return t.get(i).text();
    }

    /** The index of the parenthesis that closes the one at {@code open}. */
    int close(int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            String s = t.get(i).text();
            if (t.get(i).type() == TokenType.OPERATOR && s.equals("(")) {
                depth++;
            } else if (t.get(i).type() == TokenType.OPERATOR && s.equals(")") && --depth == 0) {
                return i;
            }
        }
        throw new IndexOutOfBoundsException("unclosed parenthesis");
    }

    /** Where the ALTER TABLE action starting at {@code i} ends: the next comma outside parentheses, or the end. */
    private int actionEnd(int i) {
        int depth = 0;
        for (int k = i; k < t.size(); k++) {
            Token token = t.get(k);
            if (token.type() == TokenType.OPERATOR) {
                switch (token.text()) {
                    case "(", "[" -> depth++;
                    case ")", "]" -> depth--;
                    case "," -> {
                        if (depth == 0) {
                            return k;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return t.size();
    }
}
