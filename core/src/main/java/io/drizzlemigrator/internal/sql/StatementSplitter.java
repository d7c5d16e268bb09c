package io.drizzlemigrator.internal.sql;

import static io.drizzlemigrator.internal.sql.CharClasses.DIGIT_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.DOUBLE_QUOTE_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.LINE_COMMENT_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.PUNCTUATION_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.SEMICOLON_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.SPACE_CHAR;
import static io.drizzlemigrator.internal.sql.CharClasses.WORD_CHAR;

/**
 * Steps over the statements of a text as {@link SqlLexer#split} cuts them, making no token: with a
 * {@link SqlScanner} where the tokens before a statement's {@code ;} matter, and by looking for a few characters
 * where they do not.
 *
 * <p>psql's rules ({@code psqlscan.l}): a {@code ;} ends the statement outside parentheses ({@code paren_depth}) and
 * outside a function body ({@code begin_depth}). For the latter, the first four words of a statement are remembered
 * by their initials when they are CREATE, OR, REPLACE, FUNCTION or PROCEDURE; while they read
 * {@code CREATE FUNCTION|PROCEDURE} or {@code CREATE OR REPLACE FUNCTION|PROCEDURE}, outside parentheses
 * {@code BEGIN} opens a block, {@code CASE} opens one inside a block, and {@code END} closes one. Words are compared
 * where they stand in the text, ignoring ASCII case.
 */
final class StatementSplitter {

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

    private final String s;
    private final int n;
    private final SqlScanner scanner;

    /**
     * In plain text: a certain token start, where the last token plain skipping recognised ends, from which scanning
     * token by token gives the tokens {@link SqlScanner#advance()} would have given.
     */
    private int plainRunStart;
    /** Where the first significant token of the statement {@link #skipStatement()} stepped over starts, or -1. */
    private int statementAnchor;

    /** A splitter of {@code text}, which starts at line {@code line}, column {@code column} of its file. */
    StatementSplitter(String text, int line, int column, boolean bomAtStart) {
        this.s = text;
        this.n = text.length();
        this.scanner = new SqlScanner(text, 0, line, column, bomAtStart);
    }

    /**
     * Steps over one statement: its tokens up to and including the next {@code ;} outside parentheses and outside a
     * SQL-standard function body, or up to the end of the text. False, without moving, at the end of the text. The
     * statement ends at {@link #position()}; its first significant token starts at {@link #statementAnchor()}.
     *
     * <p>Fast, because most of a migration needs no tokens for this. Once a statement's first words rule out a
     * function definition ({@link #mayDefineFunction}), its words no longer matter, nor does most of its text: it is
     * skipped as plain text ({@link #skipPlainText}) up to the next character that may start something that does.
     * {@code ( ) ; "} and comments are dealt with there, as their meaning does not depend on the token before them;
     * that of a quote or a dollar sign does ({@code E'...'} or {@code x'...'}, {@code $$} or {@code a$$}), so at one
     * the statement is scanned token by token from the end of the last token plain skipping recognised (a token
     * start for certain, as those tokens are whole whatever precedes them) to past that character, then skipped as
     * plain text again (once no E-string continuation is pending).
     */
    boolean skipStatement() {
        SqlScanner sc = scanner;
        if (sc.position() >= n) {
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
        while (sc.position() < n) {
            if (plain) {
                // plain text: no token start matters but those of the characters skipPlainText stops at
                int p = skipPlainText(sc.position());
                if (p >= n) {
                    sc.skipTo(n);
                    break;
                }
                switch (s.charAt(p)) {
                    case '(' -> {
                        parenDepth++;
                        sc.skipTo(p + 1);
                        plainRunStart = p + 1;
                        continue;
                    }
                    case ')' -> {
                        if (parenDepth > 0) {
                            parenDepth--;
                        }
                        sc.skipTo(p + 1);
                        plainRunStart = p + 1;
                        continue;
                    }
                    case ';' -> {
                        sc.skipTo(p + 1);
                        if (parenDepth == 0) { // and beginDepth is 0: no function is defined
                            break statement;
                        }
                        plainRunStart = p + 1;
                        continue;
                    }
                    case '"' -> {
                        int end = TokenEnds.quotedIdentifier(s, n, p + 1); // the same with a U& prefix
                        if (end >= 0) {
                            sc.skipTo(end);
                            plainRunStart = end;
                            continue;
                        }
                    }
                    case '-' -> {
                        if (p + 1 < n && s.charAt(p + 1) == '-') {
                            sc.skipLineComment(p);
                            plainRunStart = sc.position();
                        } else {
                            sc.skipTo(p + 1); // an operator character
                        }
                        continue;
                    }
                    case '/' -> {
                        if (p + 1 >= n || s.charAt(p + 1) != '*') {
                            sc.skipTo(p + 1); // an operator character
                            continue;
                        }
                        int end = TokenEnds.blockComment(s, n, p);
                        if (end >= 0) {
                            sc.skipTo(end);
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
                sc.skipTo(plainRunStart);
                plain = false;
                continue;
            }
            // token by token, with SqlScanner.advance()'s steps, whitespace and comments passed over
            int kind = sc.startToken();
            TokenType type;
            switch (kind) {
                case SPACE_CHAR -> {
                    sc.whitespace();
                    continue;
                }
                case LINE_COMMENT_CHAR -> {
                    sc.lineComment();
                    continue;
                }
                case WORD_CHAR -> type = sc.word();
                case DOUBLE_QUOTE_CHAR -> type = sc.quotedIdentifier(sc.position() + 1);
                case PUNCTUATION_CHAR -> type = sc.oneChar(TokenType.OPERATOR);
                case SEMICOLON_CHAR -> type = sc.oneChar(TokenType.SEMICOLON);
                case DIGIT_CHAR -> type = sc.numberOrOther();
                default -> {
                    type = sc.other();
                    if (type == TokenType.WHITESPACE || type == TokenType.BLOCK_COMMENT
                            || type == TokenType.LINE_COMMENT) {
                        continue; // and the byte order mark at the start
                    }
                }
            }
            int p = sc.tokenStart();
            int pos = sc.position();
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
            if (!wordsMatter && pos > tokenByTokenTo && !sc.stringContinuationPending()) {
                // the rest is plain text to skip, from here (a token start), unless a string continuation is pending
                plain = true;
                plainRunStart = pos;
            }
            if (pos < n && s.charAt(pos) == ' ') {
                // the most common token after a significant one: taken here, it costs no trip round the loop
                // (a whitespace token without a line break changes nothing)
                sc.skipTo(pos + 1);
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

    /** Where the first significant token of the statement {@link #skipStatement()} stepped over starts, or -1. */
    int statementAnchor() {
        return statementAnchor;
    }

    /** Where the statement {@link #skipStatement()} stepped over ends (exclusive), and the next one starts. */
    int position() {
        return scanner.position();
    }

    /** The line/column cursor of the text, which only moves forward. */
    LineCursor cursor() {
        return scanner.cursor();
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
}
