package io.drizzlemigrator.internal.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Tokens and statements of PostgreSQL SQL text, by PostgreSQL's lexical rules (no parsing, no regular expressions).
 *
 * <p>Statements end after a top-level {@code ;}, as psql ends them: one inside a string, quoted identifier, dollar
 * quote or comment does not count, nor does one inside parentheses (a multi-action {@code CREATE RULE ... DO (...;
 * ...)}; pgjdbc does the same), nor one inside the body of a SQL-standard function ({@code CREATE FUNCTION ... BEGIN
 * ATOMIC ...; ...; END}), recognised as psql recognises it (see {@link #split(String, int, int)}). The text after the
 * last {@code ;}, if any, is one more statement (possibly holding only whitespace or comments).
 *
 * <p>Only unterminated constructs are errors ({@link SqlSyntaxException}); anything else lexes, and the server
 * judges it.
 */
public final class SqlLexer {

    private SqlLexer() {
    }

    /**
     * Every token of {@code text}, whitespace and comments included; concatenating their texts gives {@code text}
     * back exactly. Positions start at line 1, column 1.
     *
     * @throws SqlSyntaxException if a string, quoted identifier, dollar quote or block comment is not closed
     */
    public static List<Token> tokenize(String text) {
        Objects.requireNonNull(text, "text");
        SqlScanner scanner = new SqlScanner(text, 1, 1);
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
        boolean bomAtStart = firstLine == 1 && firstColumn == 1 && SqlScanner.startsWithBom(text);
        SqlScanner scanner = new SqlScanner(text, 0, firstLine, firstColumn, bomAtStart);
        List<SqlStatement> statements = new ArrayList<>();
        StatementEndTracker tracker = new StatementEndTracker(text);
        int start = 0;
        int anchor = -1;
        for (TokenType type = scanner.advance(); type != null; type = scanner.advance()) {
            if (type == TokenType.WHITESPACE || type == TokenType.LINE_COMMENT || type == TokenType.BLOCK_COMMENT) {
                continue;
            }
            if (anchor < 0) {
                anchor = scanner.tokenStart();
            }
            if (tracker.endsStatement(type, scanner.tokenStart(), scanner.position())) {
                int end = scanner.position();
                statements.add(statement(text, start, end, anchor, scanner, bomAtStart));
                tracker.reset();
                start = end;
                anchor = -1;
            }
        }
        if (start < text.length()) {
            statements.add(statement(text, start, text.length(), anchor, scanner, bomAtStart));
        }
        return statements;
    }

    /**
     * The statement from {@code start} to {@code end}, positioned at {@code anchor} (its first significant token,
     * or -1 if it has none: then its start); its tokens are made when first asked for.
     */
    private static SqlStatement statement(String text, int start, int end, int anchor, SqlScanner scanner,
            boolean bomAtStart) {
        String statementText = text.substring(start, end);
        scanner.moveCursorTo(start);
        StatementTokens tokens = new StatementTokens(statementText, start, scanner.line(), scanner.column(),
                start == 0 && bomAtStart);
        int at = anchor < 0 ? start : anchor;
        scanner.moveCursorTo(at);
        return new SqlStatement(statementText, at, scanner.line(), scanner.column(), tokens);
    }

    /**
     * psql's rules for a command-ending semicolon ({@code psqlscan.l}): not inside parentheses
     * ({@code paren_depth}), not inside a function body ({@code begin_depth}). For the latter, the first four words
     * of a statement are remembered by their initials when they are CREATE, OR, REPLACE, FUNCTION or PROCEDURE;
     * while they read {@code CREATE FUNCTION|PROCEDURE} or {@code CREATE OR REPLACE FUNCTION|PROCEDURE}, words outside
     * parentheses open and close blocks. Words are compared where they stand in the text, ignoring ASCII case.
     */
    private static final class StatementEndTracker {

        private final String text;
        private final char[] initials = new char[4];
        private int wordCount;
        private int parenDepth;
        private int beginDepth;

        StatementEndTracker(String text) {
            this.text = text;
        }

        /**
         * Feeds a significant token (from {@code from} to {@code to} in the text); true if it is a {@code ;} that
         * ends the statement.
         */
        boolean endsStatement(TokenType type, int from, int to) {
            switch (type) {
                case SEMICOLON -> {
                    return parenDepth == 0 && beginDepth == 0;
                }
                case OPERATOR -> {
                    if (to - from == 1) {
                        char op = text.charAt(from);
                        if (op == '(') {
                            parenDepth++;
                        } else if (op == ')' && parenDepth > 0) {
                            parenDepth--;
                        }
                    }
                }
                case WORD -> word(from, to - from);
                default -> {
                    // strings, quoted identifiers and the like do not matter
                }
            }
            return false;
        }

        private void word(int from, int length) {
            if (wordCount < initials.length) {
                initials[wordCount] = initialOfDefinitionWord(from, length);
                wordCount++;
            }
            if (parenDepth == 0 && definesFunction()) {
                if (is(from, length, "begin")) {
                    beginDepth++;
                } else if (is(from, length, "case")) {
                    if (beginDepth > 0) {
                        beginDepth++;
                    }
                } else if (is(from, length, "end") && beginDepth > 0) {
                    beginDepth--;
                }
            }
        }

        private boolean definesFunction() {
            char[] w = initials;
            return w[0] == 'c' && (w[1] == 'f' || w[1] == 'p'
                    || (w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p')));
        }

        private char initialOfDefinitionWord(int from, int length) {
            return switch (length) {
                case 6 -> is(from, length, "create") ? 'c' : 0;
                case 8 -> is(from, length, "function") ? 'f' : 0;
                case 9 -> is(from, length, "procedure") ? 'p' : 0;
                case 2 -> is(from, length, "or") ? 'o' : 0;
                case 7 -> is(from, length, "replace") ? 'r' : 0;
                default -> 0;
            };
        }

        /** Whether the word at {@code from}, {@code length} long, is {@code keyword} (lower case), ignoring case. */
        private boolean is(int from, int length, String keyword) {
            return length == keyword.length() && Ascii.regionEqualsIgnoreCase(text, from, keyword);
        }

        void reset() {
            Arrays.fill(initials, (char) 0);
            wordCount = 0;
            parenDepth = 0;
            beginDepth = 0;
        }
    }
}
