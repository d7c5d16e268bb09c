package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The significant tokens of one statement (the terminating {@code ;} left out), with keyword and name tests by
 * position. Out-of-range positions answer false, so rules can look ahead without bounds checks.
 */
final class Words {

    final List<Token> tokens;
    /** Index past the last token that is not the terminating {@code ;}. */
    final int end;

    Words(List<Token> significant) {
        this.tokens = significant;
        int e = significant.size();
        while (e > 0 && significant.get(e - 1).type() == TokenType.SEMICOLON) {
            e--;
        }
        this.end = e;
    }

    Token at(int i) {
        return tokens.get(Math.min(Math.max(i, 0), tokens.size() - 1));
    }

    boolean has(int i) {
        return i >= 0 && i < end;
    }

    boolean is(int i, String keyword) {
        return has(i) && tokens.get(i).isWord(keyword);
    }

    boolean is(int i, String first, String second) {
        return is(i, first) && is(i + 1, second);
    }

    boolean op(int i, String op) {
        return has(i) && tokens.get(i).type() == TokenType.OPERATOR && tokens.get(i).text().equals(op);
    }

    boolean isName(int i) {
        return has(i) && (tokens.get(i).type() == TokenType.WORD
                || tokens.get(i).type() == TokenType.QUOTED_IDENTIFIER);
    }

    boolean isString(int i) {
        return has(i) && tokens.get(i).type() == TokenType.STRING;
    }

    /** The index of the {@code )} that closes the {@code (} at {@code open}, or {@link #end} if none does. */
    int close(int open) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            if (op(i, "(")) {
                depth++;
            } else if (op(i, ")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return end;
    }

    /** One item of a comma-separated list, tokens {@code [from, to)}; answers whether to go on to the next item. */
    interface Item {
        boolean accept(int from, int to);
    }

    /**
     * Walks the comma-separated list in {@code [from, to)}: gives {@code item} each stretch between the commas at
     * parenthesis depth 0 (empty ones too; the last ends at {@code to}), in order, until it answers false. A column
     * list, the actions of an {@code ALTER TABLE}, the names of a {@code DROP}.
     */
    void list(int from, int to, Item item) {
        int start = from;
        int depth = 0;
        for (int k = from; k <= to; k++) {
            if (k == to || (depth == 0 && op(k, ","))) {
                if (!item.accept(start, k)) {
                    return;
                }
                start = k + 1;
            } else if (op(k, "(")) {
                depth++;
            } else if (op(k, ")")) {
                depth--;
            }
        }
    }

    /** Receives one name of a list, tokens {@code [from, to)}. */
    interface Name {
        void accept(int from, int to);
    }

    /**
     * Walks the {@link #list} of possibly qualified names that starts at {@code from} ({@code DROP TABLE a, "s"."b"
     * CASCADE}): gives {@code name} the name each item starts with; stops before an item that starts with no name and
     * after one that holds more than its name ({@code "s"."b" CASCADE}).
     */
    void names(int from, Name name) {
        list(from, end, (start, to) -> {
            if (!isName(start)) {
                return false;
            }
            int nameEnd = nameEnd(start);
            name.accept(start, nameEnd);
            return nameEnd == to;
        });
    }

    /**
     * The first index in {@code [from, to)} at parenthesis depth 0, other than a parenthesis, where {@code stop}
     * holds; {@code to} if there is none.
     */
    int topLevel(int from, int to, IntPredicate stop) {
        int depth = 0;
        for (int k = from; k < to; k++) {
            if (op(k, "(")) {
                depth++;
            } else if (op(k, ")")) {
                depth--;
            } else if (depth == 0 && stop.test(k)) {
                return k;
            }
        }
        return to;
    }

    /** Skips {@code IF EXISTS} at {@code i}, if there. */
    int skipIfExists(int i) {
        return is(i, "IF") && is(i + 1, "EXISTS") ? i + 2 : i;
    }

    /** Skips {@code IF NOT EXISTS} at {@code i}, if there. */
    int skipIfNotExists(int i) {
        return is(i, "IF") && is(i + 1, "NOT") && is(i + 2, "EXISTS") ? i + 3 : i;
    }

    /** The index after a possibly qualified name ({@code a}, {@code a.b}, {@code "a"."b"}) starting at {@code i}. */
    int nameEnd(int i) {
        if (!isName(i)) {
            return i;
        }
        int j = i + 1;
        while (op(j, ".") && isName(j + 1)) {
            j += 2;
        }
        return j;
    }

    /** The normalised last part of the name at {@code i}..{@code end}: how PostgreSQL folds it (unqualified). */
    String name(int i, int end) {
        return end > i ? identifier(tokens.get(end - 1)) : "";
    }

    /** The name's source text, for messages. */
    String text(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to && i < end; i++) {
            out.append(tokens.get(i).text());
        }
        return out.toString();
    }

    /** A word as PostgreSQL folds it (ASCII lower case), a quoted identifier without its quotes. */
    static String identifier(Token t) {
        return t.identifier();
    }

    static String lower(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = (char) (c + ('a' - 'A'));
            }
        }
        return out == null ? s : new String(out);
    }

    /** The value of a {@code '...'} string token without quotes, or null for other tokens and prefixed strings. */
    static String stringValue(Token t) {
        String s = t.text();
        if (t.type() != TokenType.STRING || s.length() < 2 || s.charAt(0) != '\'') {
            return null;
        }
        return s.substring(1, s.length() - 1).replace("''", "'");
    }
}
