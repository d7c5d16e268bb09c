package io.drizzlemigrator.internal.sql;

/**
 * The tokenizer behind {@link SqlLexer}: one pass over a String with an index. {@link #next()} gives one
 * {@link Token} at a time (what {@code tokenize} and a statement's token list need); {@link #skipStatement()} steps
 * over a whole statement, making no token (what {@code split} needs). The rules are those of PostgreSQL's
 * {@code scan.l} (as mirrored by psql's {@code psqlscan.l}) with {@code standard_conforming_strings} on; where
 * PostgreSQL would report a syntax error on a token that is otherwise delimited (a lone {@code $}, a stray
 * {@code \}), the character becomes a one-character {@link TokenType#OPERATOR} and the server reports the error
 * later. Only unterminated constructs are errors here.
 *
 * <p>Lines and columns are computed only where asked for ({@link #moveCursorTo(int)}), by a cursor that only moves
 * forward, so each character is looked at a bounded number of times whether every token's position is wanted or
 * only a few.
 */
final class SqlScanner {

    private static final char BOM = '\uFEFF';
    private static final int UNKNOWN = -2;
    private static final int SNIPPET_LENGTH = 24;

    // what the first character of a token says of it (firstCharKind): one of these kinds
    /** Left to {@link #scan()}. */
    private static final byte OTHER_CHAR = 0;
    private static final byte SPACE_CHAR = 1;
    /** A letter or {@code _} that always starts a word (so do non-ASCII characters, but a leading BOM). */
    private static final byte WORD_CHAR = 2;
    /** A letter that may start a prefixed string instead: E, B, X, N, U. */
    private static final byte PREFIX_CHAR = 3;
    private static final byte DOUBLE_QUOTE_CHAR = 4;
    /** {@code ( ) [ ] ,}, and {@code .} but before a digit or another dot: one-character operators. */
    private static final byte PUNCTUATION_CHAR = 5;
    private static final byte SEMICOLON_CHAR = 6;
    /** A digit: a number, {@link #plainIntegerEnd} tells whether a plain one. */
    private static final byte DIGIT_CHAR = 7;
    /** {@code -} before another: a line comment. */
    private static final byte LINE_COMMENT_CHAR = 8;
    // resolved by firstCharKind from the next character
    private static final byte MINUS_CHAR = 9;
    private static final byte DOT_CHAR = 10;
    private static final byte[] FIRST_CHAR = new byte[0x80];

    static {
        for (char c : " \t\n\r\f".toCharArray()) {
            FIRST_CHAR[c] = SPACE_CHAR;
        }
        for (char c = 0; c < 0x80; c++) {
            if (isIdentifierStart(c)) {
                FIRST_CHAR[c] = "eEbBxXnNuU".indexOf(c) >= 0 ? PREFIX_CHAR : WORD_CHAR;
            }
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

    /**
     * For {@link #skipPlainText}: the characters it stops at, {@code ( ) ; " ' $ - /}. One entry per char value
     * (64 KiB), so that its loop needs one test per character, not two (measured: the whole split is some 8%
     * faster than with an ASCII table and a range test).
     */
    private static final boolean[] PLAIN_TEXT_STOP = new boolean[0x10000];

    static {
        for (char c : "();\"'$-/".toCharArray()) {
            PLAIN_TEXT_STOP[c] = true;
        }
    }

    /** {@link #isIdentifierPart(char)} of each ASCII character. */
    private static final boolean[] ASCII_IDENTIFIER_PART = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_IDENTIFIER_PART[c] = isIdentifierStart(c) || isDigit(c) || c == '$';
        }
    }

    private final String s;
    private final int n;
    /** Added to every offset reported: where {@link #s} starts in the text given to the lexer. */
    private final int base;
    private final boolean bomAtStart;
    private int pos;

    /** The char index up to which {@link #line} and {@link #column} have been computed. */
    private int cursor;
    private int line;
    private int column;
    /**
     * The first {@code \n} and {@code \r} at or after the cursor (an index past it), or -1 if there is none, or
     * {@link #UNKNOWN} before the first look: where the cursor's next line breaks are, found by
     * {@link String#indexOf(int, int)} instead of looking at every character.
     */
    private int cursorNextLf = UNKNOWN;
    private int cursorNextCr = UNKNOWN;
    /** The first {@code \r} at or after the start of the last line comment scanned, as for the cursor. */
    private int commentNextCr = UNKNOWN;

    /** Where the token being scanned starts. */
    private int tokenStart;
    /**
     * In plain text ({@link #skipStatement()}): a certain token start, where the last token plain skipping
     * recognised ends, from which scanning token by token gives the tokens {@link #advance()} would have given.
     */
    private int plainRunStart;
    /** Where the first significant token of the statement {@link #skipStatement()} stepped over starts, or -1. */
    private int statementAnchor;

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

    /** A scanner of a whole text, which starts at line {@code firstLine}, column {@code firstColumn} of its file. */
    SqlScanner(String text, int firstLine, int firstColumn) {
        this(text, 0, firstLine, firstColumn, firstLine == 1 && firstColumn == 1 && startsWithBom(text));
    }

    /**
     * A scanner of {@code text}, found at offset {@code base} of the lexer's input and at line {@code line}, column
     * {@code column} of the file, where the scanner of that input had no pending state: at its start or just after
     * a {@code ;} (a statement's text, as {@link SqlLexer#split} cuts it). {@code bomAtStart}: whether a byte order
     * mark at index 0 is whitespace that takes no column (only at the start of a file).
     */
    SqlScanner(String text, int base, int line, int column, boolean bomAtStart) {
        this.s = text;
        this.n = text.length();
        this.base = base;
        this.line = line;
        this.column = column;
        this.bomAtStart = bomAtStart;
    }

    static boolean startsWithBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM;
    }

    /** The next token, or null at the end of the text. */
    Token next() {
        TokenType type = advance();
        if (type == null) {
            return null;
        }
        int start = tokenStart;
        moveCursorTo(start);
        return new Token(type, s.substring(start, pos), base + start, line, column);
    }

    /** Steps over the next token, from {@link #tokenStart} to {@link #pos}; its type, or null at the end. */
    private TokenType advance() {
        int p = pos;
        if (p >= n) {
            return null;
        }
        tokenStart = p;
        // the tokens most of a migration consists of first, each with its part of trackStringContinuation
        int kind = firstCharKind(p);
        switch (kind) {
            case SPACE_CHAR -> {
                whitespace();
                newlineAfterString |= whitespaceHadNewline;
                return TokenType.WHITESPACE;
            }
            case WORD_CHAR -> {
                word();
                afterExtendedString = false;
                return TokenType.WORD;
            }
            case DOUBLE_QUOTE_CHAR -> {
                pos = p + 1;
                quotedIdentifier();
                afterExtendedString = false;
                return TokenType.QUOTED_IDENTIFIER;
            }
            case PUNCTUATION_CHAR -> {
                pos = p + 1;
                afterExtendedString = false;
                return TokenType.OPERATOR;
            }
            case LINE_COMMENT_CHAR -> {
                return lineComment(); // changes nothing for a string continuation
            }
            default -> {
                int end = kind == DIGIT_CHAR ? plainIntegerEnd(p) : -1;
                if (end >= 0) {
                    pos = end;
                    afterExtendedString = false;
                    return TokenType.NUMBER;
                }
                TokenType type = scan();
                trackStringContinuation(type);
                return type;
            }
        }
    }

    /**
     * What the character at {@code p} says of the token it starts: one of the common kinds {@link #advance()} and
     * {@link #skipStatement()} scan themselves, or {@link #OTHER_CHAR} for {@link #scan()}.
     */
    private int firstCharKind(int p) {
        char c = s.charAt(p);
        if (c >= 0x80) {
            return c == BOM ? OTHER_CHAR : WORD_CHAR;
        }
        int kind = FIRST_CHAR[c];
        if (kind == PREFIX_CHAR) {
            // a word unless a quote or '&' follows: E'...', B'...', X'...', N'...', U&'...', U&"..."
            int next = peekAt(p + 1);
            return next == '\'' || next == '&' ? OTHER_CHAR : WORD_CHAR;
        }
        if (kind == MINUS_CHAR) {
            return peekAt(p + 1) == '-' ? LINE_COMMENT_CHAR : OTHER_CHAR;
        }
        if (kind == DOT_CHAR) {
            int next = peekAt(p + 1);
            return isDigit(next) || next == '.' ? OTHER_CHAR : PUNCTUATION_CHAR;
        }
        return kind;
    }

    // ---- statements, for SqlLexer.split

    /**
     * Steps over one statement as {@link SqlLexer#split} cuts them: its tokens up to and including the next
     * {@code ;} outside parentheses and outside a SQL-standard function body, or up to the end of the text. False,
     * without moving, at the end of the text. The statement ends at {@link #position()}; its first significant
     * token starts at {@link #statementAnchor()}.
     *
     * <p>psql's rules ({@code psqlscan.l}): a {@code ;} ends the statement outside parentheses
     * ({@code paren_depth}) and outside a function body ({@code begin_depth}). For the latter, the first four words
     * of a statement are remembered by their initials when they are CREATE, OR, REPLACE, FUNCTION or PROCEDURE;
     * while they read {@code CREATE FUNCTION|PROCEDURE} or {@code CREATE OR REPLACE FUNCTION|PROCEDURE}, outside
     * parentheses {@code BEGIN} opens a block, {@code CASE} opens one inside a block, and {@code END} closes one.
     * Words are compared where they stand in the text, ignoring ASCII case.
     *
     * <p>Fast, because most of a migration needs no tokens for this. One loop, in which the common tokens are
     * scanned as in {@link #advance()} with no call per token (the methods it calls for them are small enough for
     * the JIT to inline). And once a statement's first words rule out a function definition
     * ({@link #mayDefineFunction}), its words no longer matter, nor does most of its text: it is skipped as plain
     * text ({@link #skipPlainText}) up to the next character that may start something that does. {@code ( ) ; "}
     * and comments are dealt with there, as their meaning does not depend on the token before them; that of a
     * quote or a dollar sign does ({@code E'...'} or {@code x'...'}, {@code $$} or {@code a$$}), so at one the
     * statement is scanned token by token from the end of the last token plain skipping recognised (a token start
     * for certain, as those tokens are whole whatever precedes them) to past that character, then skipped as plain
     * text again (once no E-string continuation is pending).
     */
    boolean skipStatement() {
        if (pos >= n) {
            return false;
        }
        int anchor = -1;
        int parenDepth = 0;
        int beginDepth = 0;
        int words = 0;
        int initials = 0;
        boolean definesFunction = false;
        boolean wordsMatter = true;
        boolean plain = false;
        int tokenByTokenTo = -1;
        statement:
        while (pos < n) {
            if (plain) {
                // plain text: no token start matters but those of the characters skipPlainText stops at
                int p = skipPlainText(pos);
                if (p >= n) {
                    pos = n;
                    break;
                }
                switch (s.charAt(p)) {
                    case '(' -> {
                        parenDepth++;
                        pos = p + 1;
                        plainRunStart = pos;
                        continue;
                    }
                    case ')' -> {
                        if (parenDepth > 0) {
                            parenDepth--;
                        }
                        pos = p + 1;
                        plainRunStart = pos;
                        continue;
                    }
                    case ';' -> {
                        pos = p + 1;
                        if (parenDepth == 0) { // and beginDepth is 0: no function is defined
                            break statement;
                        }
                        plainRunStart = pos;
                        continue;
                    }
                    case '"' -> {
                        int end = quotedIdentifierEnd(p + 1); // the same with a U& prefix
                        if (end >= 0) {
                            pos = end;
                            plainRunStart = end;
                            continue;
                        }
                    }
                    case '-' -> {
                        if (peekAt(p + 1) == '-') {
                            pos = p;
                            lineComment();
                            plainRunStart = pos;
                        } else {
                            pos = p + 1; // an operator character
                        }
                        continue;
                    }
                    case '/' -> {
                        if (peekAt(p + 1) != '*') {
                            pos = p + 1; // an operator character
                            continue;
                        }
                        int end = blockCommentEnd(p);
                        if (end >= 0) {
                            pos = end;
                            plainRunStart = end;
                            continue;
                        }
                    }
                    default -> {
                        // a quote or a dollar sign, which the preceding token may change: below
                    }
                }
                // a string, dollar quote, parameter or part of a word, or something unterminated: token by token
                // from the last certain token start, at least past this character
                tokenByTokenTo = p;
                pos = plainRunStart;
                plain = false;
                continue;
            }
            int p = pos;
            tokenStart = p;
            TokenType type;
            int kind = firstCharKind(p);
            switch (kind) {
                case SPACE_CHAR -> {
                    whitespace();
                    newlineAfterString |= whitespaceHadNewline;
                    continue;
                }
                case WORD_CHAR -> {
                    word();
                    afterExtendedString = false;
                    type = TokenType.WORD;
                }
                case DOUBLE_QUOTE_CHAR -> {
                    pos = p + 1;
                    quotedIdentifier();
                    afterExtendedString = false;
                    type = TokenType.QUOTED_IDENTIFIER;
                }
                case PUNCTUATION_CHAR -> {
                    pos = p + 1;
                    afterExtendedString = false;
                    type = TokenType.OPERATOR;
                }
                case SEMICOLON_CHAR -> {
                    pos = p + 1;
                    afterExtendedString = false;
                    type = TokenType.SEMICOLON;
                }
                case LINE_COMMENT_CHAR -> {
                    lineComment();
                    continue;
                }
                default -> {
                    int end = kind == DIGIT_CHAR ? plainIntegerEnd(p) : -1;
                    if (end >= 0) {
                        pos = end;
                        afterExtendedString = false;
                        type = TokenType.NUMBER;
                    } else {
                        type = scan();
                        trackStringContinuation(type);
                        if (!isSignificant(type)) { // comments, and the byte order mark at the start
                            continue;
                        }
                    }
                }
            }
            if (anchor < 0) {
                anchor = p;
            }
            if (type == TokenType.WORD) {
                int length = pos - p;
                if (words < 4) {
                    initials |= initialOfDefinitionWord(s, p, length) << (8 * words);
                    words++;
                    definesFunction = definesFunction(initials);
                    wordsMatter = mayDefineFunction(initials, words);
                }
                if (definesFunction && parenDepth == 0) {
                    if (isWord(s, p, length, "begin")) {
                        beginDepth++;
                    } else if (isWord(s, p, length, "case")) {
                        if (beginDepth > 0) {
                            beginDepth++;
                        }
                    } else if (isWord(s, p, length, "end") && beginDepth > 0) {
                        beginDepth--;
                    }
                }
            } else if (type == TokenType.OPERATOR) {
                if (pos - p == 1) {
                    char c = s.charAt(p);
                    if (c == '(') {
                        parenDepth++;
                    } else if (c == ')' && parenDepth > 0) {
                        parenDepth--;
                    }
                }
            } else if (type == TokenType.SEMICOLON && parenDepth == 0 && beginDepth == 0) {
                break;
            }
            if (!wordsMatter && pos > tokenByTokenTo && !afterExtendedString) {
                // the rest is plain text to skip, from here (a token start), unless a string continuation is pending
                plain = true;
                plainRunStart = pos;
            }
            if (pos < n && s.charAt(pos) == ' ') {
                // the most common token after a significant one: taken here, it costs no trip round the loop
                // (a whitespace token without a line break changes nothing)
                pos++;
            }
        }
        statementAnchor = anchor;
        return true;
    }

    /**
     * Steps over plain text from {@code from}: to the first character that may start a token that matters to
     * {@link #skipStatement()} once a statement's words no longer do ({@code ( ) ; " ' $ - /}), or to the end.
     */
    private int skipPlainText(int from) {
        int p = from;
        while (p < n) {
            char c = s.charAt(p);
            if (PLAIN_TEXT_STOP[c]) {
                break;
            }
            p++;
        }
        return p;
    }

    /**
     * Whether a statement whose first {@code words} words have these initials may still turn out to be a
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} (or already is).
     */
    private static boolean mayDefineFunction(int initials, int words) {
        int w0 = initials & 0xff;
        int w1 = (initials >>> 8) & 0xff;
        int w2 = (initials >>> 16) & 0xff;
        int w3 = initials >>> 24;
        if (words < 1) {
            return true;
        }
        if (w0 != 'c') {
            return false;
        }
        if (words < 2 || w1 == 'f' || w1 == 'p') {
            return true;
        }
        if (w1 != 'o') {
            return false;
        }
        if (words < 3) {
            return true;
        }
        if (w2 != 'r') {
            return false;
        }
        return words < 4 || w3 == 'f' || w3 == 'p';
    }

    /** Where the first significant token of the statement {@link #skipStatement()} stepped over starts, or -1. */
    int statementAnchor() {
        return statementAnchor;
    }

    /** Where the statement {@link #skipStatement()} stepped over ends (exclusive), and the next one starts. */
    int position() {
        return pos;
    }

    private static boolean isSignificant(TokenType type) {
        return type != TokenType.WHITESPACE && type != TokenType.LINE_COMMENT && type != TokenType.BLOCK_COMMENT;
    }

    /** Whether the initials of a statement's first words read {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}. */
    private static boolean definesFunction(int initials) {
        int w0 = initials & 0xff;
        int w1 = (initials >>> 8) & 0xff;
        int w2 = (initials >>> 16) & 0xff;
        int w3 = initials >>> 24;
        return w0 == 'c' && (w1 == 'f' || w1 == 'p' || (w1 == 'o' && w2 == 'r' && (w3 == 'f' || w3 == 'p')));
    }

    /** c, o, r, f, p for CREATE, OR, REPLACE, FUNCTION, PROCEDURE (any case), 0 for any other word. */
    private static int initialOfDefinitionWord(String s, int from, int length) {
        return switch (length) {
            case 6 -> isWord(s, from, length, "create") ? 'c' : 0;
            case 8 -> isWord(s, from, length, "function") ? 'f' : 0;
            case 9 -> isWord(s, from, length, "procedure") ? 'p' : 0;
            case 2 -> isWord(s, from, length, "or") ? 'o' : 0;
            case 7 -> isWord(s, from, length, "replace") ? 'r' : 0;
            default -> 0;
        };
    }

    /** Whether the word at {@code from}, {@code length} long, is {@code keyword} (lower case), ignoring case. */
    private static boolean isWord(String s, int from, int length, String keyword) {
        return length == keyword.length() && Ascii.regionEqualsIgnoreCase(s, from, keyword);
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
        int p = pos;
        if (s.charAt(p) == BOM) {
            p++;
        }
        while (p < n) {
            char c = s.charAt(p);
            if (c == '\n' || c == '\r') {
                newline = true;
            } else if (c != ' ' && c != '\t' && c != '\f') {
                break;
            }
            p++;
        }
        pos = p;
        whitespaceHadNewline = newline;
        return TokenType.WHITESPACE;
    }

    /** {@code --} up to the next {@code \n} or {@code \r}, or the end of the text. */
    private TokenType lineComment() {
        int lf = s.indexOf('\n', pos + 2);
        int cr = commentNextCr;
        if (cr != -1 && cr < pos) {
            cr = s.indexOf('\r', pos + 2);
            commentNextCr = cr;
        }
        int end = lf < 0 ? n : lf;
        if (cr >= 0 && cr < end) {
            end = cr;
        }
        pos = end;
        return TokenType.LINE_COMMENT;
    }

    /** {@code /* ... *&#47;}, nested; {@code /*&#47;} does not close (the slash belongs to the opener). */
    private TokenType blockComment() {
        int start = pos;
        int end = blockCommentEnd(start);
        if (end < 0) {
            throw unterminated("unterminated /* comment", start);
        }
        pos = end;
        return TokenType.BLOCK_COMMENT;
    }

    /** Where the block comment that starts at {@code start} ends, or -1 if it is not closed. */
    private int blockCommentEnd(int start) {
        int p = start + 2;
        int depth = 0;
        while (p < n) {
            char c = s.charAt(p);
            if (c == '/' && peekAt(p + 1) == '*') {
                depth++;
                p += 2;
            } else if (c == '*' && peekAt(p + 1) == '/') {
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
        int end = quotedIdentifierEnd(pos);
        if (end < 0) {
            int start = tokenStart;
            throw unterminated("unterminated quoted identifier " + snippet(start), start);
        }
        pos = end;
        return TokenType.QUOTED_IDENTIFIER;
    }

    /** Where a quoted identifier whose body starts at {@code from} ends ({@code ""} escapes a quote), or -1. */
    private int quotedIdentifierEnd(int from) {
        int p = from;
        while (true) {
            int q = s.indexOf('"', p);
            if (q < 0) {
                return -1;
            }
            p = q + 1;
            if (p >= n || s.charAt(p) != '"') {
                return p;
            }
            p++;
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
        int p = pos + 1;
        while (p < n && isIdentifierPart(s.charAt(p))) {
            p++;
        }
        pos = p;
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

    /**
     * Where the number starting with the digit at {@code p} ends if it is plain decimal digits, as {@link #number()}
     * would find; -1 if anything after them could make it more ({@code . e E _}, or a radix letter), which
     * {@link #number()} then reads.
     */
    private int plainIntegerEnd(int p) {
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
     * A run of operator characters, cut before an embedded {@code /*} or {@code --} (comment starts), and without
     * trailing {@code +}/{@code -} unless the operator has a character SQL's own operators lack (as PostgreSQL lexes
     * {@code =-} as two operators but {@code ?-} as one). The stripped {@code +}/{@code -} characters then lex one by
     * one; {@link #plusMinusTailEnd} remembers where they end, so a long run is not scanned again for each of them.
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
            if (!isOperatorChar(c) || (c == '/' && peekAt(end + 1) == '*') || (c == '-' && peekAt(end + 1) == '-')) {
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

    /** {@link #isIdentifierStart(char)}, a digit or {@code $}. */
    private static boolean isIdentifierPart(char c) {
        return c >= 0x80 || ASCII_IDENTIFIER_PART[c];
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

    /**
     * Advances the line/column cursor to {@code target} (a token start, never behind the cursor): afterwards
     * {@link #line()} and {@link #column()} are those of {@code target}. A line ends at {@code \r\n}, {@code \n} or
     * {@code \r}; columns count code points; a byte order mark at the start of a file takes no column. Only the
     * line breaks are looked at one by one: the column after the last one is a code point count.
     */
    void moveCursorTo(int target) {
        int from = cursor;
        if (target <= from) {
            return;
        }
        int lf = cursorNextLf;
        if (lf != -1 && lf < from) {
            lf = s.indexOf('\n', from);
        }
        int cr = cursorNextCr;
        if (cr != -1 && cr < from) {
            cr = s.indexOf('\r', from);
        }
        int l = line;
        int lastBreak = -1;
        while (true) {
            if (lf >= 0 && lf < target && (cr < 0 || lf < cr)) {
                if (lf == 0 || s.charAt(lf - 1) != '\r') {
                    l++;
                }
                lastBreak = lf;
                lf = s.indexOf('\n', lf + 1);
            } else if (cr >= 0 && cr < target) {
                l++;
                lastBreak = cr;
                cr = s.indexOf('\r', cr + 1);
            } else {
                break;
            }
        }
        cursorNextLf = lf;
        cursorNextCr = cr;
        if (lastBreak >= 0) {
            column = 1 + columnsIn(lastBreak + 1, target);
        } else {
            column += columnsIn(from, target) - (from == 0 && bomAtStart ? 1 : 0);
        }
        line = l;
        cursor = target;
    }

    /**
     * The columns {@code from} to {@code to} take: code points, a low surrogate at {@code from} that ends a pair
     * (its high surrogate already counted) taking none.
     */
    private int columnsIn(int from, int to) {
        int count = s.codePointCount(from, to);
        if (from > 0 && from < to && Character.isLowSurrogate(s.charAt(from))
                && Character.isHighSurrogate(s.charAt(from - 1))) {
            count--;
        }
        return count;
    }

    /** The line of the cursor ({@link #moveCursorTo(int)}). */
    int line() {
        return line;
    }

    /** The column of the cursor ({@link #moveCursorTo(int)}). */
    int column() {
        return column;
    }

    /** An unterminated construct; constructs start at a token start, so the token's position is theirs. */
    private SqlSyntaxException unterminated(String what, int start) {
        moveCursorTo(start);
        return new SqlSyntaxException(what, base + start, line, column);
    }

    /** The start of a construct for a message: up to the end of its line, cut short, control characters shown as '?'. */
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
