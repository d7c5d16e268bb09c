package io.drizzlemigrator.internal.sql;

import java.util.ArrayList;
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
        StatementSplitter splitter = new StatementSplitter(text, firstLine, firstColumn, bomAtStart);
        List<SqlStatement> statements = new ArrayList<>();
        int start = 0;
        while (splitter.skipStatement()) {
            int end = splitter.position();
            statements.add(statement(text.substring(start, end), start, splitter, bomAtStart));
            start = end;
        }
        return statements;
    }

    /**
     * The statement {@code splitter} just stepped over, which starts at {@code start}, positioned at its first
     * significant token (or its start if it has none); its tokens are made when first asked for.
     */
    private static SqlStatement statement(String text, int start, StatementSplitter splitter, boolean bomAtStart) {
        LineCursor cursor = splitter.cursor();
        cursor.moveTo(start);
        StatementTokens tokens = new StatementTokens(text, start, cursor.line(), cursor.column(),
                start == 0 && bomAtStart);
        int anchor = splitter.statementAnchor();
        if (anchor < 0) {
            return new SqlStatement(text, start, cursor.line(), cursor.column(), tokens);
        }
        cursor.moveTo(anchor);
        return new SqlStatement(text, anchor, cursor.line(), cursor.column(), tokens);
    }
}
