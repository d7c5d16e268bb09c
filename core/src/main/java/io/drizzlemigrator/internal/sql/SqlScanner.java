package io.drizzlemigrator.internal.sql;

import static io.drizzlemigrator.internal.sql.CharClasses.BOM;
import static io.drizzlemigrator.internal.sql.CharClasses.DIGIT_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.DOUBLE_QUOTE_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.LINE_COMMENT_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.PUNCTUATION_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.SEMICOLON_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.SPACE_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.WORD_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.firstCharKind;
import static io.drizzlemigrator.internal.sql.CharClasses.isDigit;
import static io.drizzlemigrator.internal.sql.CharClasses.isIdentifierStart;
import static io.drizzlemigrator.internal.sql.CharClasses.isOperatorChar;

/**
 * The tokenizer behind {@link SqlLexer}: one pass over a String with an index. {@link #next()} gives one
 * {@link Token} at a time (what {@code tokenize} and a statement's token list need); {@link StatementSplitter} steps
 * over whole statements with it, making no token (what {@code split} needs). The rules are those of PostgreSQL's
 * {@code scan.l} (as mirrored by psql's {@code psqlscan.l}) with {@code standard_conforming_strings} on; where
 * PostgreSQL would report a syntax error on a token that is otherwise delimited (a lone {@code $}, a stray
 * {@code \}), the character becomes a one-character {@link TokenType#OPERATOR} and the server reports the error
 * later. Only unterminated constructs are errors here.
 *
 * <p>What a character may start is {@link CharClasses}'; where a token of a known kind ends, {@link TokenEnds}';
 * lines and columns, computed only where asked for, {@link LineCursor}'s. What stays here is the state that makes
 * the meaning of a character depend on what came before it (a string continued after a newline, a run of
 * {@code +}/{@code -} cut off an operator) and the errors.
 */
final class SqlScanner {

    /** {@link #startToken()} at the end of the text. */
    static final int END = -1;
    private static final int UNKNOWN = -2;

    private final String s;
    private final int n;
    /** Added to every offset reported: where {@link #s} starts in the text given to the lexer. */
    private final int base;
    private final boolean bomAtStart;
    private final LineCursor cursor;
    private int pos;

    /**
     * The first {@code \r} at or after the start of the last line comment scanned (an index past it), or -1 if there
     * is none, or {@link #UNKNOWN} before the first look.
     */
    private int commentNextCr = UNKNOWN;

    /** Where the token being scanned starts. */
    private int tokenStart;

    /** Set after an {@code E'...'} string, for as long as only whitespace and {@code --} comments follow it. */
    private boolean afterExtendedString;
    /**
     * Whether a newline followed the last extended string (a {@code '} then continues it, in extended mode); only
     * kept up to date while {@link #afterExtendedString}, as only then it matters.
     */
    private boolean newlineAfterString;
    /** Set by the string scanners: whether the string just scanned was in extended (backslash) mode. */
    private boolean lastStringExtended;
    /** End of a run of {@code +}/{@code -} that {@link #operator()} cut off an operator: each lexes alone. */
    private int plusMinusTailEnd;

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
        this.bomAtStart = bomAtStart;
        this.cursor = new LineCursor(text, line, column, bomAtStart);
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
        cursor.moveTo(start);
        return new Token(type, s.substring(start, pos), base + start, cursor.line(), cursor.column());
    }

    /**
     * Steps over the next token, from {@link #tokenStart()} to {@link #position()}: its type, or null at the end.
     * Tokens most of a migration consists of come first, each with its part of the E-string continuation
     * ({@link #other()}).
     */
    TokenType advance() {
        int kind = startToken();
        return switch (kind) {
            case END -> null;
            case SPACE_CHAR -> whitespace();
            case WORD_CHAR -> word();
            case DOUBLE_QUOTE_CHAR -> quotedIdentifier(pos + 1);
            case PUNCTUATION_CHAR -> oneChar(TokenType.OPERATOR);
            case SEMICOLON_CHAR -> oneChar(TokenType.SEMICOLON);
            case LINE_COMMENT_CHAR -> lineComment(); // changes nothing for a string continuation
            case DIGIT_CHAR -> numberOrOther();
            default -> other();
        };
    }

    // ---- the steps of advance(), for StatementSplitter too: it dispatches on the kind itself, in its own loop,
    // so that a token costs no call (measured: split is some 5-10% slower when it calls advance() instead)

    /** Starts a token where the scanner is: what its first character says of it ({@link CharClasses}), or END. */
    int startToken() {
        int p = pos;
        if (p >= n) {
            return END;
        }
        tokenStart = p;
        return firstCharKind(s, n, p);
    }

    /** Steps over a one-character token. */
    TokenType oneChar(TokenType type) {
        pos++;
        afterExtendedString = false;
        return type;
    }

    /** Steps over a token that starts with a digit: a plain integer here, any other number in {@link #other()}. */
    TokenType numberOrOther() {
        int end = TokenEnds.plainInteger(s, n, pos);
        if (end < 0) {
            return other();
        }
        pos = end;
        afterExtendedString = false;
        return TokenType.NUMBER;
    }

    /**
     * Steps over a token whose first character ({@link CharClasses#OTHER_CHAR}) needs a closer look, and keeps
     * track of E-string continuations ({@code 'a'<newline>'b'} is one string; only matters for backslashes in
     * E-strings): whitespace saw to its line breaks itself, and a {@code --} comment may sit between the parts.
     */
    TokenType other() {
        TokenType type = scan();
        if (type == TokenType.STRING) {
            afterExtendedString = lastStringExtended;
            newlineAfterString = false;
        } else if (type != TokenType.WHITESPACE && type != TokenType.LINE_COMMENT) {
            afterExtendedString = false;
        }
        return type;
    }

    /** Where the token {@link #advance()} stepped over starts. */
    int tokenStart() {
        return tokenStart;
    }

    /** Where the scanner is: the end of the last token. */
    int position() {
        return pos;
    }

    /** Moves to {@code p}, past what the caller stepped over: tokens that change no state of the scanner. */
    void skipTo(int p) {
        pos = p;
    }

    /** Whether an {@code E'...'} string may still be continued (by a newline, then a quote). */
    boolean stringContinuationPending() {
        return afterExtendedString;
    }

    /** Steps over the {@code --} comment that starts at {@code p}. */
    void skipLineComment(int p) {
        pos = p;
        lineComment();
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
                return quotedIdentifier(pos + 1);
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
                    return quotedIdentifier(pos + 3);
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

    /** Whitespace; a line break in it lets a quote continue an E-string before it. */
    TokenType whitespace() {
        int start = pos;
        pos = TokenEnds.whitespace(s, n, start);
        if (afterExtendedString && !newlineAfterString) { // else the line breaks do not matter
            newlineAfterString = TokenEnds.hasLineBreak(s, start, pos);
        }
        return TokenType.WHITESPACE;
    }

    /** {@code --} up to the next {@code \n} or {@code \r}, or the end of the text. */
    TokenType lineComment() {
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

    private TokenType blockComment() {
        int end = TokenEnds.blockComment(s, n, pos);
        if (end < 0) {
            throw unterminated("unterminated /* comment", pos);
        }
        pos = end;
        return TokenType.BLOCK_COMMENT;
    }

    // ---- quoted things

    private enum Mode {
        /** {@code '...'}: only {@code ''} escapes a quote. */
        STANDARD,
        /** {@code E'...'}: {@code ''} and backslash escapes. */
        EXTENDED,
        /** {@code B'...'}, {@code X'...'}: the first quote ends it. */
        BIT
    }

    private TokenType prefixedString(int prefixLength, Mode mode) {
        pos += prefixLength + 1;
        return string(mode);
    }

    /** Scans a string body; {@link #pos} is just after the opening quote. */
    private TokenType string(Mode mode) {
        int end = mode == Mode.EXTENDED ? TokenEnds.extendedString(s, n, pos)
                : TokenEnds.plainString(s, n, pos, mode == Mode.STANDARD);
        if (end < 0) {
            int start = tokenStart;
            throw unterminated("unterminated quoted string " + TokenEnds.snippet(s, start), start);
        }
        pos = end;
        lastStringExtended = mode == Mode.EXTENDED;
        return TokenType.STRING;
    }

    /** Steps over a quoted identifier whose body starts at {@code body}, just after the opening double quote. */
    TokenType quotedIdentifier(int body) {
        int end = TokenEnds.quotedIdentifier(s, n, body);
        if (end < 0) {
            int start = tokenStart;
            throw unterminated("unterminated quoted identifier " + TokenEnds.snippet(s, start), start);
        }
        pos = end;
        afterExtendedString = false;
        return TokenType.QUOTED_IDENTIFIER;
    }

    /** {@code $1}, {@code $$...$$}, {@code $tag$...$tag$}, or a lone {@code $}. */
    private TokenType dollar() {
        int start = pos;
        if (start + 1 < n && isDigit(s.charAt(start + 1))) {
            pos = TokenEnds.digits(s, n, start + 1, 10);
            return TokenType.PARAMETER;
        }
        int open = TokenEnds.dollarDelimiter(s, n, start);
        if (open < 0) {
            pos++; // not a delimiter: '$' alone, the rest is lexed afresh (PostgreSQL's {dolqfailed})
            return TokenType.OPERATOR;
        }
        String delimiter = s.substring(start, open);
        int close = s.indexOf(delimiter, open);
        if (close < 0) {
            throw unterminated("unterminated dollar-quoted string " + delimiter, start);
        }
        pos = close + delimiter.length();
        return TokenType.DOLLAR_STRING;
    }

    // ---- words, numbers, operators

    TokenType word() {
        pos = TokenEnds.word(s, n, pos);
        afterExtendedString = false;
        return TokenType.WORD;
    }

    private TokenType number() {
        pos = TokenEnds.number(s, n, pos);
        return TokenType.NUMBER;
    }

    /**
     * An operator ({@link TokenEnds#withoutPlusMinusTail}); the {@code +}/{@code -} characters stripped off its end
     * then lex one by one, up to {@link #plusMinusTailEnd}, so a long run is not scanned again for each of them.
     */
    private TokenType operator() {
        int start = pos;
        if (start < plusMinusTailEnd) {
            pos++;
            return TokenType.OPERATOR;
        }
        int end = TokenEnds.operatorRun(s, n, start);
        int cut = TokenEnds.withoutPlusMinusTail(s, start, end);
        if (cut < end) {
            plusMinusTailEnd = end;
        }
        pos = cut;
        return TokenType.OPERATOR;
    }

    /** The char at {@code pos + ahead}, or -1 past the end. */
    private int peek(int ahead) {
        return CharClasses.charAt(s, n, pos + ahead);
    }

    // ---- positions and errors

    /** The line/column cursor of this scanner's text, which {@link SqlLexer#split} moves too. */
    LineCursor cursor() {
        return cursor;
    }

    /** An unterminated construct; constructs start at a token start, so the token's position is theirs. */
    private SqlSyntaxException unterminated(String what, int start) {
        cursor.moveTo(start);
        return new SqlSyntaxException(what, base + start, cursor.line(), cursor.column());
    }
}
