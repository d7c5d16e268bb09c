package io.drizzlemigrator.internal.sql;

import static io.drizzlemigrator.internal.sql.CharClasses.charAt;
import static io.drizzlemigrator.internal.sql.CharClasses.isDigit;
import static io.drizzlemigrator.internal.sql.CharClasses.isIdentifierPart;
import static io.drizzlemigrator.internal.sql.CharClasses.isIdentifierStart;

/**
 * Another session's query made fit to show in a log line or a health endpoint: string literals (plain, {@code E''},
 * {@code B''}, {@code X''}, {@code N''}, {@code U&''}, dollar-quoted) and numbers become {@code ?}, comments are
 * dropped, whitespace is collapsed, and the result is cut. The query may be cut already
 * ({@code track_activity_query_size}): an unterminated literal is masked to the end.
 */
public final class LiteralMask {

    private LiteralMask() {
    }

    /** {@code sql} masked, at most {@code max} characters (a cut one ends with {@code …}); empty for null. */
    public static String mask(String sql, int max) {
        if (sql == null) {
            return "";
        }
        String s = sql;
        int n = s.length();
        StringBuilder out = new StringBuilder(Math.min(n, max + 1));
        int p = 0;
        while (p < n && out.length() <= max) {
            char c = s.charAt(p);
            int next = charAt(s, n, p + 1);
            if (c <= ' ' || Character.isISOControl(c)) {
                space(out);
                p++;
            } else if (c == '-' && next == '-') {
                int eol = s.indexOf('\n', p);
                p = eol < 0 ? n : eol;
            } else if (c == '/' && next == '*') {
                p = endOr(TokenEnds.blockComment(s, n, p), n);
                space(out);
            } else if (c == '"') {
                p = copy(s, p, endOr(TokenEnds.quotedIdentifier(s, n, p + 1), n), out);
            } else if (c == '\'') {
                p = literal(TokenEnds.plainString(s, n, p + 1, true), n, out);
            } else if ((c == 'e' || c == 'E') && next == '\'' && !afterWord(s, p)) {
                p = literal(TokenEnds.extendedString(s, n, p + 2), n, out);
            } else if ("bBxXnN".indexOf(c) >= 0 && next == '\'' && !afterWord(s, p)) {
                p = literal(TokenEnds.plainString(s, n, p + 2, c == 'n' || c == 'N'), n, out);
            } else if ((c == 'u' || c == 'U') && next == '&' && charAt(s, n, p + 2) == '\'' && !afterWord(s, p)) {
                p = literal(TokenEnds.plainString(s, n, p + 3, true), n, out);
            } else if (c == '$' && !afterWord(s, p)) {
                p = dollar(s, n, p, out);
            } else if (isIdentifierStart(c)) {
                p = copy(s, p, TokenEnds.word(s, n, p), out);
            } else if (isDigit(c) || (c == '.' && isDigit(next))) {
                p = literal(TokenEnds.number(s, n, p), n, out);
            } else {
                out.append(c);
                p++;
            }
        }
        String text = out.toString().strip();
        if (text.length() > max || p < n) {
            return text.substring(0, Math.min(text.length(), max - 1)).stripTrailing() + "…";
        }
        return text;
    }

    /** A dollar-quoted string from {@code $}, or a parameter ({@code $1}) or a lone {@code $}, copied. */
    private static int dollar(String s, int n, int p, StringBuilder out) {
        int open = TokenEnds.dollarDelimiter(s, n, p);
        if (open < 0) {
            int q = p + 1;
            while (q < n && isDigit(s.charAt(q))) {
                q++;
            }
            return copy(s, p, q, out);
        }
        String tag = s.substring(p, open);
        int close = s.indexOf(tag, open);
        return literal(close < 0 ? -1 : close + tag.length(), n, out);
    }

    private static boolean afterWord(String s, int p) {
        return p > 0 && isIdentifierPart(s.charAt(p - 1));
    }

    private static int literal(int end, int n, StringBuilder out) {
        out.append('?');
        return endOr(end, n);
    }

    private static int copy(String s, int from, int to, StringBuilder out) {
        out.append(s, from, to);
        return to;
    }

    private static int endOr(int end, int n) {
        return end < 0 ? n : end;
    }

    private static void space(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }
}
