package io.drizzlemigrator.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Schema qualifiers in a migration's text: {@code "public"."users"} or {@code public.users}, found by the lexer, so a
 * name in a string, a comment or a dollar-quoted body is never taken for one. This is what lets one drizzle-kit folder,
 * generated against {@code public}, be applied to many tenant schemas: {@link #map} rewrites the qualifiers of the
 * statements themselves, and {@link #find} says where a qualifier remains that a mapping cannot reach (inside a
 * {@code DO $$ ... $$} body, where drizzle-kit 0.2x put its foreign keys).
 *
 * <p>A qualifier is an identifier followed by {@code .} (whitespace or comments may sit between) and not preceded by
 * one: in {@code a.public.b}, {@code public} names a table, not a schema. Unquoted identifiers compare as PostgreSQL
 * folds them (to lower case); quoted ones exactly.
 */
public final class SchemaQualifiers {

    /**
     * One place that qualifies a name with the schema.
     *
     * @param line    the line of the file
     * @param inBody  whether it is inside a dollar-quoted body (a function or {@code DO} block), which no mapping
     *                rewrites
     * @param excerpt the qualifier and the name it qualifies, as written ({@code "public"."users"})
     */
    public record Use(int line, boolean inBody, String excerpt) {
    }

    private SchemaQualifiers() {
    }

    /**
     * Every place where {@code schema} qualifies a name, in statements and inside dollar-quoted bodies (lexed as SQL
     * themselves; a body that does not lex is passed over).
     *
     * @throws SqlSyntaxException an unterminated quote or comment in the text
     */
    public static List<Use> find(String sql, String schema) {
        List<Use> uses = new ArrayList<>();
        find(tokens(new SqlScanner(sql, 1, 1)), schema, false, uses);
        return uses;
    }

    private static void find(List<Token> tokens, String schema, boolean inBody, List<Use> uses) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (isQualifier(tokens, i, schema)) {
                int dot = nextSignificant(tokens, i + 1);
                int name = nextSignificant(tokens, dot + 1);
                uses.add(new Use(t.line(), inBody, t.text() + "." + (name < 0 ? "" : tokens.get(name).text())));
            } else if (t.type() == TokenType.DOLLAR_STRING) {
                int open = t.text().indexOf('$', 1) + 1;
                String body = t.text().substring(open, t.text().length() - open);
                try {
                    // the column is not needed: lines are what a message names
                    find(tokens(new SqlScanner(body, 0, t.line(), 1, false)), schema, true, uses);
                } catch (SqlSyntaxException e) {
                    // not SQL (a plain string in dollar quotes): nothing to find in it
                }
            }
        }
    }

    /**
     * The text with every qualifier naming {@code from} outside dollar-quoted bodies replaced by {@code to}, double
     * quoted; everything else, line breaks included, unchanged (so lines in messages still point into the file).
     *
     * @throws SqlSyntaxException an unterminated quote or comment in the text
     */
    public static String map(String sql, String from, String to) {
        List<Token> tokens = tokens(new SqlScanner(sql, 1, 1));
        String quoted = '"' + to.replace("\"", "\"\"") + '"';
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (isQualifier(tokens, i, from)) {
                Token t = tokens.get(i);
                if (out == null) {
                    out = new StringBuilder(sql.length() + 64);
                }
                out.append(sql, copied, t.offset()).append(quoted);
                copied = t.offset() + t.text().length();
            }
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }

    private static List<Token> tokens(SqlScanner scanner) {
        List<Token> tokens = new ArrayList<>();
        for (Token t = scanner.next(); t != null; t = scanner.next()) {
            tokens.add(t);
        }
        return tokens;
    }

    private static boolean isQualifier(List<Token> tokens, int i, String schema) {
        Token t = tokens.get(i);
        if (!names(t, schema)) {
            return false;
        }
        int next = nextSignificant(tokens, i + 1);
        if (next < 0 || !isDot(tokens.get(next))) {
            return false;
        }
        for (int p = i - 1; p >= 0; p--) {
            if (tokens.get(p).isSignificant()) {
                return !isDot(tokens.get(p));
            }
        }
        return true;
    }

    private static boolean names(Token t, String schema) {
        return (t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER && t.text().startsWith("\""))
                && t.identifier().equals(schema);
    }

    private static boolean isDot(Token t) {
        return t.type() == TokenType.OPERATOR && t.text().equals(".");
    }

    private static int nextSignificant(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isSignificant()) {
                return i;
            }
        }
        return -1;
    }
}
