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
        SqlScanner scanner = new SqlScanner(text, firstLine, firstColumn);
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
}
