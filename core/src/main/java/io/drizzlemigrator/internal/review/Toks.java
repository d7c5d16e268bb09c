package io.drizzlemigrator.internal.review;

import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Significant tokens of a statement with keyword tests by position, for the {@link Derivation}. */
final class Toks {

    /** A possibly qualified name: {@code [prefix.][schema.]name}, and the index after it. */
    record Name(String prefix, String schema, String name, int next) {

        String qualified(Catalog catalog) {
            return name == null ? null : catalog.qualify(schema, name);
        }
    }

    /** The statement's significant tokens; a position out of their range reads as nothing. */
    private final List<Token> tokens;

    Toks(List<Token> tokens) {
        this.tokens = tokens;
    }

    int size() {
        return tokens.size();
    }

    boolean has(int i) {
        return i >= 0 && i < tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    /** The word at {@code i}, lower-cased; "" when it is no word. */
    String word(int i) {
        return has(i) && tokens.get(i).type() == TokenType.WORD ? tokens.get(i).text().toLowerCase(Locale.ROOT)
                : "";
    }

    boolean is(int i, String keyword) {
        return has(i) && tokens.get(i).isWord(keyword);
    }

    boolean op(int i, String op) {
        return has(i) && tokens.get(i).type() == TokenType.OPERATOR && tokens.get(i).text().equals(op);
    }

    boolean isName(int i) {
        return has(i) && (tokens.get(i).type() == TokenType.WORD
                || tokens.get(i).type() == TokenType.QUOTED_IDENTIFIER);
    }

    /** An identifier as PostgreSQL folds it: unquoted lower-cased, quoted as written. */
    String identifier(int i) {
        if (!isName(i)) {
            return "";
        }
        return tokens.get(i).identifier();
    }

    /** {@code a}, {@code a.b} or {@code a.b.c} at {@code i}. */
    Name name(int i) {
        if (!isName(i)) {
            return new Name(null, null, null, i);
        }
        List<String> parts = new ArrayList<>();
        parts.add(identifier(i));
        int k = i + 1;
        while (op(k, ".") && isName(k + 1)) {
            parts.add(identifier(k + 1));
            k += 2;
        }
        int n = parts.size();
        return new Name(n > 2 ? parts.get(n - 3) : null, n > 1 ? parts.get(n - 2) : null, parts.get(n - 1), k);
    }

    /** Comma-separated names from {@code i}. */
    List<Name> names(int i) {
        List<Name> out = new ArrayList<>();
        while (isName(i)) {
            Name n = name(i);
            out.add(n);
            if (!op(n.next(), ",")) {
                break;
            }
            i = n.next() + 1;
        }
        return out;
    }

    /** The identifiers of the parenthesised list opening at {@code open}: {@code (a, "B")}. */
    List<String> identifiers(int open) {
        List<String> out = new ArrayList<>();
        if (!op(open, "(")) {
            return out;
        }
        for (int k = open + 1; k < close(open); k++) {
            if (isName(k)) {
                out.add(identifier(k));
            }
        }
        return out;
    }

    /** The matching {@code )} of the {@code (} at {@code open} (or the end). */
    int close(int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (op(k, "(")) {
                depth++;
            } else if (op(k, ")") && --depth == 0) {
                return k;
            }
        }
        return tokens.size();
    }

    int skipIfExists(int i) {
        return is(i, "IF") && is(i + 1, "EXISTS") ? i + 2 : i;
    }

    int skipIfNotExists(int i) {
        return is(i, "IF") && is(i + 1, "NOT") && is(i + 2, "EXISTS") ? i + 3 : i;
    }

    /** The items of a top-level comma-separated list from {@code from} to {@code to}: {start, end} each. */
    List<int[]> topLevelList(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int k = from; k < to; k++) {
            if (op(k, "(")) {
                depth++;
            } else if (op(k, ")")) {
                depth--;
            } else if (depth == 0 && op(k, ",")) {
                out.add(new int[] {start, k});
                start = k + 1;
            }
        }
        if (start < to) {
            out.add(new int[] {start, to});
        }
        return out;
    }

    int topLevelWord(int from, int to, String keyword) {
        int depth = 0;
        for (int k = from; k < to && k < tokens.size(); k++) {
            if (op(k, "(")) {
                depth++;
            } else if (op(k, ")")) {
                depth--;
            } else if (depth == 0 && is(k, keyword)) {
                return k;
            }
        }
        return -1;
    }

    int topLevelPair(int from, int to, String first, String second) {
        int k = topLevelWord(from, to, first);
        while (k >= 0) {
            if (is(k + 1, second)) {
                return k;
            }
            k = topLevelWord(k + 1, to, first);
        }
        return -1;
    }

    /** The tokens' texts from {@code from} to {@code to}, a space between two words. */
    String text(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int k = from; k < to && k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (k > from && t.type() == TokenType.WORD && tokens.get(k - 1).type() == TokenType.WORD) {
                out.append(' ');
            }
            out.append(t.text());
        }
        return out.toString();
    }
}
