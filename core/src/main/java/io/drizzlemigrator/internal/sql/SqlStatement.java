package io.drizzlemigrator.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One statement of a piece of SQL, as {@link SqlLexer#split} cuts it.
 *
 * @param text   the exact source text: everything since the previous boundary (leading whitespace and comments
 *               included) up to and including the terminating {@code ;}, if any
 * @param offset where the first significant token starts ({@code char} index into the text given to the lexer), or
 *               where {@link #text()} starts if it has none: where an error about this statement should point
 * @param line   1-based line of {@link #offset()}
 * @param column 1-based column (in code points) of {@link #offset()}
 * @param tokens every token of {@link #text()}, whitespace and comments included, in order (unmodifiable; for a
 *               statement from {@link SqlLexer#split}, made when first looked at)
 */
public record SqlStatement(String text, int offset, int line, int column, List<Token> tokens) {

    public SqlStatement {
        Objects.requireNonNull(text, "text");
        tokens = tokens instanceof StatementTokens ? tokens : List.copyOf(tokens);
    }

    /** The tokens that are neither whitespace nor comments, in order (the terminating {@code ;} included). */
    public List<Token> significantTokens() {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.isSignificant()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether the statement holds nothing but whitespace, comments and {@code ;}: there is nothing to execute. */
    public boolean isEmpty() {
        for (Token t : tokens) {
            if (t.isSignificant() && t.type() != TokenType.SEMICOLON) {
                return false;
            }
        }
        return true;
    }
}
