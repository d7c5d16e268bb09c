package io.drizzlemigrator.internal.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The lexer as it was before {@code split} stopped materialising tokens (commit 5757657, {@code SqlLexer} and
 * {@code SqlScanner} verbatim, the scanner nested): the reference the equivalence tests compare {@link SqlLexer}
 * with, and the "before" of {@link LexerThroughput}. Not to be changed, except to follow a deliberate change of
 * the lexer's rules.
 */
final class ReferenceLexer {

    private ReferenceLexer() {
    }

    /**
     * Every token of {@code text}, whitespace and comments included; concatenating their texts gives {@code text}
     * back exactly. Positions start at line 1, column 1.
     *
     * @throws SqlSyntaxException if a string, quoted identifier, dollar quote or block comment is not closed
     */
    public static List<Token> tokenize(String text) {
        Objects.requireNonNull(text, "text");
        Scanner scanner = new Scanner(text, 1, 1);
        List<Token> tokens = new ArrayList<>(Math.max(4, text.length() / 4));
        for (Token t = scanner.next(); t != null; t = scanner.next()) {
            tokens.add(t);
        }
        return Collections.unmodifiableList(tokens);
    }

    /**
     * The statements of {@code text}, positions starting at line 1, column 1.
     *
     * @see #split(String, int, int)
     */
    public static List<SqlStatement> split(String text) {
        return split(text, 1, 1);
    }

    /**
     * The statements of {@code text}; concatenating their texts gives {@code text} back exactly. Lines and columns
     * are reported as if {@code text} started at line {@code firstLine}, column {@code firstColumn} of a file (as a
     * piece between {@code --> statement-breakpoint} markers does); offsets stay relative to {@code text}.
     *
     * <p>A {@code ;} inside parentheses does not end the statement (so an unbalanced {@code (} keeps the rest of the
     * text in its statement, as in psql). Inside {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, as psql does:
     * outside parentheses, {@code BEGIN} opens a block, {@code CASE} opens one when a block is open, {@code END}
     * closes one, and a {@code ;} inside a block does not end the statement. A function merely <em>named</em>
     * {@code begin} confuses this heuristic exactly as it confuses psql.
     *
     * @throws SqlSyntaxException if a string, quoted identifier, dollar quote or block comment is not closed
     * @throws IllegalArgumentException if {@code firstLine} or {@code firstColumn} is below 1
     */
    public static List<SqlStatement> split(String text, int firstLine, int firstColumn) {
        Objects.requireNonNull(text, "text");
        if (firstLine < 1 || firstColumn < 1) {
            throw new IllegalArgumentException("firstLine and firstColumn are 1-based, got line " + firstLine
                    + ", column " + firstColumn);
        }
        Scanner scanner = new Scanner(text, firstLine, firstColumn);
        List<SqlStatement> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        StatementEndTracker tracker = new StatementEndTracker();
        int start = 0;
        for (Token t = scanner.next(); t != null; t = scanner.next()) {
            current.add(t);
            if (tracker.endsStatement(t)) {
                int end = t.endOffset();
                statements.add(statement(text.substring(start, end), current));
                current.clear();
                tracker.reset();
                start = end;
            }
        }
        if (start < text.length()) {
            statements.add(statement(text.substring(start), current));
        }
        return statements;
    }

    private static SqlStatement statement(String text, List<Token> tokens) {
        Token anchor = tokens.get(0);
        for (Token t : tokens) {
            if (t.isSignificant()) {
                anchor = t;
                break;
            }
        }
        return new SqlStatement(text, anchor.offset(), anchor.line(), anchor.column(), tokens);
    }

    /**
     * psql's rules for a command-ending semicolon ({@code psqlscan.l}): not inside parentheses
     * ({@code paren_depth}), not inside a function body ({@code begin_depth}). For the latter, the first four words
     * of a statement are remembered by their initials when they are CREATE, OR, REPLACE, FUNCTION or PROCEDURE;
     * while they read {@code CREATE FUNCTION|PROCEDURE} or {@code CREATE OR REPLACE FUNCTION|PROCEDURE}, words outside
     * parentheses open and close blocks.
     */
    private static final class StatementEndTracker {

        private final char[] initials = new char[4];
        private int wordCount;
        private int parenDepth;
        private int beginDepth;

        /** Feeds a token; true if it is a {@code ;} that ends the statement. */
        boolean endsStatement(Token t) {
            switch (t.type()) {
                case SEMICOLON -> {
                    return parenDepth == 0 && beginDepth == 0;
                }
                case OPERATOR -> {
                    String op = t.text();
                    if (op.length() == 1) {
                        if (op.charAt(0) == '(') {
                            parenDepth++;
                        } else if (op.charAt(0) == ')' && parenDepth > 0) {
                            parenDepth--;
                        }
                    }
                }
                case WORD -> word(t.text());
                default -> {
                    // strings, comments and the like do not matter
                }
            }
            return false;
        }

        private void word(String w) {
            if (wordCount < initials.length) {
                initials[wordCount] = initialOfDefinitionWord(w);
                wordCount++;
            }
            if (parenDepth == 0 && definesFunction()) {
                if (Ascii.equalsIgnoreCase(w, "begin")) {
                    beginDepth++;
                } else if (Ascii.equalsIgnoreCase(w, "case")) {
                    if (beginDepth > 0) {
                        beginDepth++;
                    }
                } else if (Ascii.equalsIgnoreCase(w, "end") && beginDepth > 0) {
                    beginDepth--;
                }
            }
        }

        private boolean definesFunction() {
            char[] w = initials;
            return w[0] == 'c' && (w[1] == 'f' || w[1] == 'p'
                    || (w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p')));
        }

        private static char initialOfDefinitionWord(String w) {
            if (Ascii.equalsIgnoreCase(w, "create")) {
                return 'c';
            }
            if (Ascii.equalsIgnoreCase(w, "function")) {
                return 'f';
            }
            if (Ascii.equalsIgnoreCase(w, "procedure")) {
                return 'p';
            }
            if (Ascii.equalsIgnoreCase(w, "or")) {
                return 'o';
            }
            if (Ascii.equalsIgnoreCase(w, "replace")) {
                return 'r';
            }
            return 0;
        }

        void reset() {
            Arrays.fill(initials, (char) 0);
            wordCount = 0;
            parenDepth = 0;
            beginDepth = 0;
        }
    }

    /**
     * The tokenizer behind {@link ReferenceLexer}: one pass over a String with an index, one {@link Token} per call to
     * {@link #next()}. The rules are those of PostgreSQL's {@code scan.l} (as mirrored by psql's {@code psqlscan.l})
     * with {@code standard_conforming_strings} on; where PostgreSQL would report a syntax error on a token that is
     * otherwise delimited (a lone {@code $}, a stray {@code \}), the character becomes a one-character
     * {@link TokenType#OPERATOR} and the server reports the error later. Only unterminated constructs are errors here.
     *
     * <p>Positions are tracked by a cursor that follows the token starts, so each character is looked at a bounded
     * number of times.
     */
    static final class Scanner {

        private static final char BOM = '\uFEFF';
        private static final int SNIPPET_LENGTH = 24;

        private final String s;
        private final int n;
        private final boolean bomAtStart;
        private int pos;

        /** The char index up to which {@link #line} and {@link #column} have been computed. */
        private int cursor;
        private int line;
        private int column;

        private int tokenStart;
        private int tokenLine;
        private int tokenColumn;

        /** Set after an {@code E'...'} string, for as long as only whitespace and {@code --} comments follow it. */
        private boolean afterExtendedString;
        /** Whether a newline followed the last extended string (a {@code '} then continues it, in extended mode). */
        private boolean newlineAfterString;
        /** Set by the string scanners: whether the string just scanned was in extended (backslash) mode. */
        private boolean lastStringExtended;
        /** End of a run of {@code +}/{@code -} that {@link #operator()} cut off an operator: each lexes alone. */
        private int plusMinusTailEnd;
        /** Set by {@link #whitespace()}: whether the run held a newline. */
        private boolean whitespaceHadNewline;

        Scanner(String text, int firstLine, int firstColumn) {
            this.s = text;
            this.n = text.length();
            this.line = firstLine;
            this.column = firstColumn;
            this.bomAtStart = firstLine == 1 && firstColumn == 1 && n > 0 && text.charAt(0) == BOM;
        }

        /** The next token, or null at the end of the text. */
        Token next() {
            if (pos >= n) {
                return null;
            }
            int start = pos;
            moveCursorTo(start);
            tokenStart = start;
            tokenLine = line;
            tokenColumn = column;
            TokenType type = scan();
            trackStringContinuation(type);
            return new Token(type, s.substring(start, pos), start, tokenLine, tokenColumn);
        }

        private TokenType scan() {
            char c = s.charAt(pos);
            switch (c) {
                case ' ', '\t', '\n', '\r', '\f':
                    return whitespace();
                case '-':
                    return peek(1) == '-' ? lineComment() : operator();
                case '/':
                    return peek(1) == '*' ? blockComment() : operator();
                case '\'':
                    pos++;
                    return string(afterExtendedString && newlineAfterString ? Mode.EXTENDED : Mode.STANDARD);
                case '"':
                    pos++;
                    return quotedIdentifier();
                case '$':
                    return dollar();
                case ';':
                    pos++;
                    return TokenType.SEMICOLON;
                case '(', ')', '[', ']', ',':
                    pos++;
                    return TokenType.OPERATOR;
                case ':':
                    pos++;
                    if (peek(0) == ':' || peek(0) == '=') {
                        pos++;
                    }
                    return TokenType.OPERATOR;
                case '.':
                    if (isDigit(peek(1))) {
                        return number();
                    }
                    pos++;
                    if (peek(0) == '.') {
                        pos++;
                    }
                    return TokenType.OPERATOR;
                case 'e', 'E':
                    return peek(1) == '\'' ? prefixedString(1, Mode.EXTENDED) : word();
                case 'b', 'B', 'x', 'X':
                    return peek(1) == '\'' ? prefixedString(1, Mode.BIT) : word();
                case 'n', 'N':
                    return peek(1) == '\'' ? prefixedString(1, Mode.STANDARD) : word();
                case 'u', 'U':
                    if (peek(1) == '&' && peek(2) == '\'') {
                        return prefixedString(2, Mode.STANDARD);
                    }
                    if (peek(1) == '&' && peek(2) == '"') {
                        pos += 3;
                        return quotedIdentifier();
                    }
                    return word();
                case BOM:
                    if (pos == 0 && bomAtStart) {
                        return whitespace();
                    }
                    return word();
                default:
                    if (isDigit(c)) {
                        return number();
                    }
                    if (isIdentifierStart(c)) {
                        return word();
                    }
                    if (isOperatorChar(c)) {
                        return operator();
                    }
                    pos++; // PostgreSQL's {other}: a character that is not SQL, such as '\' or '{'
                    return TokenType.OPERATOR;
            }
        }

        // ---- whitespace and comments

        private TokenType whitespace() {
            boolean newline = false;
            if (s.charAt(pos) == BOM) {
                pos++;
            }
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == '\n' || c == '\r') {
                    newline = true;
                } else if (c != ' ' && c != '\t' && c != '\f') {
                    break;
                }
                pos++;
            }
            whitespaceHadNewline = newline;
            return TokenType.WHITESPACE;
        }

        private TokenType lineComment() {
            pos += 2;
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == '\n' || c == '\r') {
                    break;
                }
                pos++;
            }
            return TokenType.LINE_COMMENT;
        }

        /** {@code /* ... *&#47;}, nested; {@code /*&#47;} does not close (the slash belongs to the opener). */
        private TokenType blockComment() {
            int start = pos;
            pos += 2;
            int depth = 0;
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == '/' && peek(1) == '*') {
                    depth++;
                    pos += 2;
                } else if (c == '*' && peek(1) == '/') {
                    pos += 2;
                    if (depth == 0) {
                        return TokenType.BLOCK_COMMENT;
                    }
                    depth--;
                } else {
                    pos++;
                }
            }
            throw unterminated("unterminated /* comment", start);
        }

        // ---- quoted things

        private enum Mode {
            /** {@code '...'}: only {@code ''} escapes a quote. */
            STANDARD,
            /** {@code E'...'}: {@code ''} and backslash escapes. */
            EXTENDED,
            /** {@code B'...'}, {@code X'...'}: the first quote ends it (as in PostgreSQL's xb/xh states). */
            BIT
        }

        private TokenType prefixedString(int prefixLength, Mode mode) {
            pos += prefixLength + 1;
            return string(mode);
        }

        /** Scans a string body; {@link #pos} is just after the opening quote. */
        private TokenType string(Mode mode) {
            int start = tokenStart;
            switch (mode) {
                case STANDARD, BIT -> {
                    while (true) {
                        int q = s.indexOf('\'', pos);
                        if (q < 0) {
                            throw unterminated("unterminated quoted string " + snippet(start), start);
                        }
                        pos = q + 1;
                        if (mode == Mode.STANDARD && peek(0) == '\'') {
                            pos++;
                            continue;
                        }
                        break;
                    }
                }
                case EXTENDED -> {
                    while (true) {
                        if (pos >= n) {
                            throw unterminated("unterminated quoted string " + snippet(start), start);
                        }
                        char c = s.charAt(pos);
                        if (c == '\\') {
                            pos += 2; // the escaped character, whatever it is (a quote included)
                        } else if (c == '\'') {
                            pos++;
                            if (peek(0) == '\'') {
                                pos++;
                                continue;
                            }
                            break;
                        } else {
                            pos++;
                        }
                    }
                }
                default -> throw new AssertionError(mode);
            }
            lastStringExtended = mode == Mode.EXTENDED;
            return TokenType.STRING;
        }

        /** Scans a quoted identifier body; {@link #pos} is just after the opening double quote. */
        private TokenType quotedIdentifier() {
            int start = tokenStart;
            while (true) {
                int q = s.indexOf('"', pos);
                if (q < 0) {
                    throw unterminated("unterminated quoted identifier " + snippet(start), start);
                }
                pos = q + 1;
                if (peek(0) != '"') {
                    return TokenType.QUOTED_IDENTIFIER;
                }
                pos++;
            }
        }

        /** {@code $1}, {@code $$...$$}, {@code $tag$...$tag$}, or a lone {@code $}. */
        private TokenType dollar() {
            int start = pos;
            int p = pos + 1;
            if (p < n && isDigit(s.charAt(p))) {
                pos = decimalDigits(p);
                return TokenType.PARAMETER;
            }
            if (p < n && isIdentifierStart(s.charAt(p))) {
                p++;
                while (p < n && isDollarTagChar(s.charAt(p))) {
                    p++;
                }
            }
            if (p >= n || s.charAt(p) != '$') {
                pos++; // not a delimiter: '$' alone, the rest is lexed afresh (PostgreSQL's {dolqfailed})
                return TokenType.OPERATOR;
            }
            String delimiter = s.substring(start, p + 1);
            int close = s.indexOf(delimiter, p + 1);
            if (close < 0) {
                throw unterminated("unterminated dollar-quoted string " + delimiter, start);
            }
            pos = close + delimiter.length();
            return TokenType.DOLLAR_STRING;
        }

        // ---- words, numbers, operators

        private TokenType word() {
            pos++;
            while (pos < n && isIdentifierPart(s.charAt(pos))) {
                pos++;
            }
            return TokenType.WORD;
        }

        /**
         * A numeric constant (PostgreSQL 16's rules, a superset of older ones): decimal with optional {@code _}
         * separators, {@code 0x}/{@code 0o}/{@code 0b} integers, a fraction, an exponent. {@code 1..10} is
         * {@code 1}, {@code ..}, {@code 10}; {@code 1e} is {@code 1} then the word {@code e}.
         */
        private TokenType number() {
            int p = pos;
            if (s.charAt(p) == '0' && p + 1 < n) {
                int radix = switch (s.charAt(p + 1)) {
                    case 'x', 'X' -> 16;
                    case 'o', 'O' -> 8;
                    case 'b', 'B' -> 2;
                    default -> 0;
                };
                if (radix != 0) {
                    int end = digits(p + 2, radix);
                    if (end > p + 2) {
                        pos = end;
                        return TokenType.NUMBER;
                    }
                }
            }
            if (s.charAt(p) != '.') {
                p = decimalDigits(p);
            }
            if (p < n && s.charAt(p) == '.') {
                if (p + 1 < n && s.charAt(p + 1) == '.') {
                    pos = p;
                    return TokenType.NUMBER;
                }
                p++;
                if (p < n && isDigit(s.charAt(p))) {
                    p = decimalDigits(p);
                }
            }
            if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
                int q = p + 1;
                if (q < n && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
                    q++;
                }
                if (q < n && isDigit(s.charAt(q))) {
                    p = decimalDigits(q);
                }
            }
            pos = p;
            return TokenType.NUMBER;
        }

        /** From a digit: digits with single {@code _} separators between them. */
        private int decimalDigits(int from) {
            return digits(from, 10);
        }

        private int digits(int from, int radix) {
            int p = from;
            while (p < n) {
                char c = s.charAt(p);
                if (Character.digit(c, radix) >= 0 && c < 0x80) {
                    p++;
                } else if (c == '_' && p + 1 < n && s.charAt(p + 1) < 0x80
                        && Character.digit(s.charAt(p + 1), radix) >= 0
                        && (p > from || radix != 10)) {
                    p += 2;
                } else {
                    break;
                }
            }
            return p;
        }

        /**
         * A run of operator characters, cut before an embedded {@code /*} or {@code --} (comment starts), and
         * without trailing {@code +}/{@code -} unless the operator has a character SQL's own operators lack (as
         * PostgreSQL lexes {@code =-} as two operators but {@code ?-} as one). The stripped {@code +}/{@code -}
         * characters then lex one by one; {@link #plusMinusTailEnd} remembers where they end, so a long run is not
         * scanned again for each of them.
         */
        private TokenType operator() {
            int start = pos;
            if (start < plusMinusTailEnd) {
                pos++;
                return TokenType.OPERATOR;
            }
            int end = start + 1;
            while (end < n) {
                char c = s.charAt(end);
                if (!isOperatorChar(c) || (c == '/' && peekAt(end + 1) == '*')
                        || (c == '-' && peekAt(end + 1) == '-')) {
                    break;
                }
                end++;
            }
            int length = end - start;
            if (length > 1 && isPlusMinus(s.charAt(end - 1))) {
                boolean exotic = false;
                for (int i = end - 2; i >= start && !exotic; i--) {
                    exotic = "~!@#^&|`?%".indexOf(s.charAt(i)) >= 0;
                }
                if (!exotic) {
                    do {
                        length--;
                    } while (length > 1 && isPlusMinus(s.charAt(start + length - 1)));
                    plusMinusTailEnd = end;
                }
            }
            pos = start + length;
            return TokenType.OPERATOR;
        }

        // ---- character classes (PostgreSQL's: every non-ASCII character may be part of an identifier)

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isIdentifierStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
        }

        private static boolean isIdentifierPart(char c) {
            return isIdentifierStart(c) || isDigit(c) || c == '$';
        }

        private static boolean isDollarTagChar(char c) {
            return isIdentifierStart(c) || isDigit(c);
        }

        private static boolean isOperatorChar(char c) {
            return switch (c) {
                case '~', '!', '@', '#', '^', '&', '|', '`', '?', '+', '-', '*', '/', '%', '<', '>', '=' -> true;
                default -> false;
            };
        }

        private static boolean isPlusMinus(char c) {
            return c == '+' || c == '-';
        }

        /** The char at {@code pos + ahead}, or -1 past the end. */
        private int peek(int ahead) {
            return peekAt(pos + ahead);
        }

        private int peekAt(int p) {
            return p < n ? s.charAt(p) : -1;
        }

        // ---- E-string continuation ('a'<newline>'b' is one string; only matters for backslashes in E-strings)

        private void trackStringContinuation(TokenType type) {
            switch (type) {
                case WHITESPACE -> newlineAfterString |= whitespaceHadNewline;
                case LINE_COMMENT -> {
                    // a -- comment may sit between the parts of a continued string
                }
                case STRING -> {
                    afterExtendedString = lastStringExtended;
                    newlineAfterString = false;
                }
                default -> afterExtendedString = false;
            }
        }

        // ---- positions and errors

        /** Advances the line/column cursor to {@code target} (a token start, never behind the cursor). */
        private void moveCursorTo(int target) {
            for (int i = cursor; i < target; i++) {
                char c = s.charAt(i);
                if (c == '\r') {
                    line++;
                    column = 1;
                } else if (c == '\n') {
                    if (i == 0 || s.charAt(i - 1) != '\r') {
                        line++;
                        column = 1;
                    }
                } else if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                    // second half of a code point already counted
                } else if (!(i == 0 && bomAtStart)) {
                    column++;
                }
            }
            cursor = target;
        }

        /** An unterminated construct; constructs start at a token start, so the token's position is theirs. */
        private SqlSyntaxException unterminated(String what, int start) {
            return new SqlSyntaxException(what, start, tokenLine, tokenColumn);
        }

        /**
         * The start of a construct for a message: up to the end of its line, cut short, control characters shown as
         * '?'.
         */
        private String snippet(int start) {
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
}
