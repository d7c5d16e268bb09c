package io.drizzlemigrator.internal.sql;

import static io.drizzlemigrator.internal.sql.CharClasses.BOM;
import static io.drizzlemigrator.internal.sql.CharClasses.charAt;
import static io.drizzlemigrator.internal.sql.CharClasses.isDigit;
import static io.drizzlemigrator.internal.sql.CharClasses.isDollarTagChar;
import static io.drizzlemigrator.internal.sql.CharClasses.isExoticOperatorChar;
import static io.drizzlemigrator.internal.sql.CharClasses.isIdentifierPart;
import static io.drizzlemigrator.internal.sql.CharClasses.isIdentifierStart;
import static io.drizzlemigrator.internal.sql.CharClasses.isOperatorChar;
import static io.drizzlemigrator.internal.sql.CharClasses.isPlusMinus;

/**
 * Where a token of a known kind ends, given where it starts, in a text {@code s} that is {@code n} long: the parts
 * of {@link SqlScanner} that depend on nothing but the text (which kind of token starts there, and what to do with
 * an unterminated one, is the scanner's to say). An end is exclusive; -1 means the token is not closed.
 */
final class TokenEnds {

    private static final int SNIPPET_LENGTH = 24;

    private TokenEnds() {
    }

    /** Whitespace from {@code p}: spaces, tabs, form feeds and line breaks, and a byte order mark at {@code p}. */
    static int whitespace(String s, int n, int p) {
        int q = p;
        if (s.charAt(q) == BOM) {
            q++;
        }
        while (q < n) {
            char c = s.charAt(q);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                break;
            }
            q++;
        }
        return q;
    }

    /** Whether {@code s} holds a {@code \n} or {@code \r} from {@code from} to {@code to}. */
    static boolean hasLineBreak(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** A word, from its first character at {@code p}. */
    static int word(String s, int n, int p) {
        int q = p + 1;
        while (q < n && isIdentifierPart(s.charAt(q))) {
            q++;
        }
        return q;
    }

    /** {@code /* ... *&#47;} from its {@code /} at {@code start}, nested; {@code /*&#47;} does not close it. */
    static int blockComment(String s, int n, int start) {
        int p = start + 2;
        int depth = 0;
        while (p < n) {
            char c = s.charAt(p);
            if (c == '/' && charAt(s, n, p + 1) == '*') {
                depth++;
                p += 2;
            } else if (c == '*' && charAt(s, n, p + 1) == '/') {
                p += 2;
                if (depth == 0) {
                    return p;
                }
                depth--;
            } else {
                p++;
            }
        }
        return -1;
    }

    /** A quoted identifier whose body starts at {@code from} ({@code ""} escapes a quote). */
    static int quotedIdentifier(String s, int n, int from) {
        return quoted(s, n, from, '"', true);
    }

    /**
     * A string whose body starts at {@code from}, without backslash escapes: {@code ''} escapes a quote if
     * {@code doubledQuotes} ({@code '...'}), the first quote ends it if not ({@code B'...'}, {@code X'...'}, as in
     * PostgreSQL's xb/xh states).
     */
    static int plainString(String s, int n, int from, boolean doubledQuotes) {
        return quoted(s, n, from, '\'', doubledQuotes);
    }

    /** Up to the {@code quote} that closes a body starting at {@code from}; if {@code doubled}, two are one quote. */
    private static int quoted(String s, int n, int from, char quote, boolean doubled) {
        int p = from;
        while (true) {
            int q = s.indexOf(quote, p);
            if (q < 0) {
                return -1;
            }
            p = q + 1;
            if (!doubled || p >= n || s.charAt(p) != quote) {
                return p;
            }
            p++;
        }
    }

    /** An {@code E'...'} string whose body starts at {@code from}: {@code ''} and backslash escapes. */
    static int extendedString(String s, int n, int from) {
        int p = from;
        while (p < n) {
            char c = s.charAt(p);
            if (c == '\\') {
                p += 2; // the escaped character, whatever it is (a quote included)
            } else if (c == '\'') {
                p++;
                if (p < n && s.charAt(p) == '\'') {
                    p++;
                    continue;
                }
                return p;
            } else {
                p++;
            }
        }
        return -1;
    }

    /**
     * The opening delimiter of a dollar quote from its {@code $} at {@code start}: {@code $$} or {@code $tag$}; -1 if
     * none starts there.
     */
    static int dollarDelimiter(String s, int n, int start) {
        int p = start + 1;
        if (p < n && isIdentifierStart(s.charAt(p))) {
            p++;
            while (p < n && isDollarTagChar(s.charAt(p))) {
                p++;
            }
        }
        return p < n && s.charAt(p) == '$' ? p + 1 : -1;
    }

    /**
     * A numeric constant from {@code start} (a digit, or a dot before one; PostgreSQL 16's rules, a superset of
     * older ones): decimal with optional {@code _} separators, {@code 0x}/{@code 0o}/{@code 0b} integers, a fraction,
     * an exponent. {@code 1..10} is {@code 1}, {@code ..}, {@code 10}; {@code 1e} is {@code 1} then the word
     * {@code e}.
     */
    static int number(String s, int n, int start) {
        int p = start;
        if (s.charAt(p) == '0' && p + 1 < n) {
            int radix = switch (s.charAt(p + 1)) {
                case 'x', 'X' -> 16;
                case 'o', 'O' -> 8;
                case 'b', 'B' -> 2;
                default -> 0;
            };
            if (radix != 0) {
                int end = digits(s, n, p + 2, radix);
                if (end > p + 2) {
                    return end;
                }
            }
        }
        if (s.charAt(p) != '.') {
            p = digits(s, n, p, 10);
        }
        if (p < n && s.charAt(p) == '.') {
            if (p + 1 < n && s.charAt(p + 1) == '.') {
                return p;
            }
            p++;
            if (p < n && isDigit(s.charAt(p))) {
                p = digits(s, n, p, 10);
            }
        }
        if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            int q = p + 1;
            if (q < n && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
                q++;
            }
            if (q < n && isDigit(s.charAt(q))) {
                p = digits(s, n, q, 10);
            }
        }
        return p;
    }

    /**
     * The end of the number starting with the digit at {@code p} if it is plain decimal digits, as {@link #number}
     * would find; -1 if anything after them could make it more ({@code . e E _}, or a radix letter), which
     * {@link #number} then reads.
     */
    static int plainInteger(String s, int n, int p) {
        int q = p + 1;
        while (q < n && isDigit(s.charAt(q))) {
            q++;
        }
        if (q < n) {
            switch (s.charAt(q)) {
                case '.', 'e', 'E', '_', 'x', 'X', 'o', 'O', 'b', 'B' -> {
                    return -1;
                }
                default -> {
                    // the number ends here
                }
            }
        }
        return q;
    }

    /**
     * From a digit of {@code radix} (or, for another radix than 10, a {@code _}): digits with single {@code _}
     * between them.
     */
    static int digits(String s, int n, int from, int radix) {
        int p = from;
        while (p < n) {
            char c = s.charAt(p);
            if (Character.digit(c, radix) >= 0 && c < 0x80) {
                p++;
            } else if (c == '_' && p + 1 < n && s.charAt(p + 1) < 0x80 && Character.digit(s.charAt(p + 1), radix) >= 0
                    && (p > from || radix != 10)) {
                p += 2;
            } else {
                break;
            }
        }
        return p;
    }

    /**
     * A run of operator characters from {@code start}, cut before an embedded {@code /*} or {@code --} (comment
     * starts).
     */
    static int operatorRun(String s, int n, int start) {
        int end = start + 1;
        while (end < n) {
            char c = s.charAt(end);
            if (!isOperatorChar(c) || (c == '/' && charAt(s, n, end + 1) == '*')
                    || (c == '-' && charAt(s, n, end + 1) == '-')) {
                break;
            }
            end++;
        }
        return end;
    }

    /**
     * The end of the operator in the run from {@code start} to {@code end}: without trailing {@code +}/{@code -}
     * unless the operator has a character SQL's own operators lack (as PostgreSQL lexes {@code =-} as two operators
     * but {@code ?-} as one); the stripped characters then lex one by one.
     */
    static int withoutPlusMinusTail(String s, int start, int end) {
        int length = end - start;
        if (length > 1 && isPlusMinus(s.charAt(end - 1))) {
            for (int i = end - 2; i >= start; i--) {
                if (isExoticOperatorChar(s.charAt(i))) {
                    return end;
                }
            }
            do {
                length--;
            } while (length > 1 && isPlusMinus(s.charAt(start + length - 1)));
        }
        return start + length;
    }

    /**
     * The start of an unterminated token at {@code start}, for a message: up to the end of its line, cut short,
     * control characters shown as '?'.
     */
    static String snippet(String s, int start) {
        int n = s.length();
        int end = Math.min(n, start + SNIPPET_LENGTH);
        boolean cut = end < n;
        StringBuilder out = new StringBuilder(end - start + 3);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                cut = true;
                break;
            }
            if (i == end - 1 && Character.isHighSurrogate(c)) {
                break;
            }
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return cut ? out.append("...").toString() : out.toString();
    }
}
