package io.drizzlemigrator.internal.sql;

/**
 * The character classes of PostgreSQL's lexer, as {@link SqlScanner} uses them: every non-ASCII character may be
 * part of an identifier; what the first character of a token says of it, looked up in a table.
 */
final class CharClasses {

    static final char BOM = '\uFEFF';

    // what the first character of a token says of it (firstCharKind): one of these kinds
    /** Left to {@link SqlScanner}'s general scan. */
    static final byte OTHER_CHAR = 0;
    static final byte SPACE_CHAR = 1;
    /** A letter or {@code _} that always starts a word (so do non-ASCII characters, but a leading BOM). */
    static final byte WORD_CHAR = 2;
    /** A letter that may start a prefixed string instead: E, B, X, N, U. */
    private static final byte PREFIX_CHAR = 3;
    static final byte DOUBLE_QUOTE_CHAR = 4;
    /** {@code ( ) [ ] ,}, and {@code .} but before a digit or another dot: one-character operators. */
    static final byte PUNCTUATION_CHAR = 5;
    static final byte SEMICOLON_CHAR = 6;
    /** A digit: a number, {@link TokenEnds#plainInteger} tells whether a plain one. */
    static final byte DIGIT_CHAR = 7;
    /** {@code -} before another: a line comment. */
    static final byte LINE_COMMENT_CHAR = 8;
    // resolved by firstCharKind from the next character
    private static final byte MINUS_CHAR = 9;
    private static final byte DOT_CHAR = 10;
    private static final byte[] FIRST_CHAR = new byte[0x80];

    /** {@link #isIdentifierPart(char)} of each ASCII character. */
    private static final boolean[] ASCII_IDENTIFIER_PART = new boolean[0x80];

    static {
        for (char c : " \t\n\r\f".toCharArray()) {
            FIRST_CHAR[c] = SPACE_CHAR;
        }
        for (char c = 0; c < 0x80; c++) {
            if (isIdentifierStart(c)) {
                FIRST_CHAR[c] = "eEbBxXnNuU".indexOf(c) >= 0 ? PREFIX_CHAR : WORD_CHAR;
            }
            ASCII_IDENTIFIER_PART[c] = isIdentifierStart(c) || isDigit(c) || c == '$';
        }
        FIRST_CHAR['"'] = DOUBLE_QUOTE_CHAR;
        for (char c : "()[],".toCharArray()) {
            FIRST_CHAR[c] = PUNCTUATION_CHAR;
        }
        FIRST_CHAR[';'] = SEMICOLON_CHAR;
        for (char c = '0'; c <= '9'; c++) {
            FIRST_CHAR[c] = DIGIT_CHAR;
        }
        FIRST_CHAR['-'] = MINUS_CHAR;
        FIRST_CHAR['.'] = DOT_CHAR;
    }

    private CharClasses() {
    }

    /**
     * What the character at {@code p} of {@code s} ({@code n} long) says of the token it starts: one of the common
     * kinds the scanner and the splitter scan themselves, or {@link #OTHER_CHAR} for the general scan.
     */
    static int firstCharKind(String s, int n, int p) {
        char c = s.charAt(p);
        if (c >= 0x80) {
            return c == BOM ? OTHER_CHAR : WORD_CHAR;
        }
        int kind = FIRST_CHAR[c];
        if (kind == PREFIX_CHAR) {
            // a word unless a quote or '&' follows: E'...', B'...', X'...', N'...', U&'...', U&"..."
            int next = charAt(s, n, p + 1);
            return next == '\'' || next == '&' ? OTHER_CHAR : WORD_CHAR;
        }
        if (kind == MINUS_CHAR) {
            return charAt(s, n, p + 1) == '-' ? LINE_COMMENT_CHAR : OTHER_CHAR;
        }
        if (kind == DOT_CHAR) {
            int next = charAt(s, n, p + 1);
            return isDigit(next) || next == '.' ? OTHER_CHAR : PUNCTUATION_CHAR;
        }
        return kind;
    }

    /** The char at {@code p} of {@code s} ({@code n} long), or -1 past the end. */
    static int charAt(String s, int n, int p) {
        return p < n ? s.charAt(p) : -1;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** {@link #isIdentifierStart(char)}, a digit or {@code $}. */
    static boolean isIdentifierPart(char c) {
        return c >= 0x80 || ASCII_IDENTIFIER_PART[c];
    }

    static boolean isDollarTagChar(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    static boolean isOperatorChar(char c) {
        return switch (c) {
            case '~', '!', '@', '#', '^', '&', '|', '`', '?', '+', '-', '*', '/', '%', '<', '>', '=' -> true;
            default -> false;
        };
    }

    /** An operator character SQL's own operators lack: an operator holding one keeps a trailing {@code +}/{@code -}. */
    static boolean isExoticOperatorChar(char c) {
        return "~!@#^&|`?%".indexOf(c) >= 0;
    }

    static boolean isPlusMinus(char c) {
        return c == '+' || c == '-';
    }
}
