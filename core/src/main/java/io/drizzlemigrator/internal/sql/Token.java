package io.drizzlemigrator.internal.sql;

import java.util.Objects;

/**
 * One lexical token.
 *
 * @param type   its category
 * @param text   its exact source text (for strings and quoted identifiers: with the quotes and any prefix)
 * @param offset where it starts, as a {@code char} index into the text given to the lexer
 * @param line   1-based line where it starts ({@code \n}, {@code \r\n} and a lone {@code \r} each end a line)
 * @param column 1-based column where it starts, counted in Unicode code points
 */
public record Token(TokenType type, String text, int offset, int line, int column) {

    public Token {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    /** Whether this token matters to the server: not whitespace and not a comment. */
    public boolean isSignificant() {
        return type != TokenType.WHITESPACE && type != TokenType.LINE_COMMENT && type != TokenType.BLOCK_COMMENT;
    }

    /** Whether this is a {@link TokenType#WORD} equal to {@code keyword}, ignoring ASCII case only. */
    public boolean isWord(String keyword) {
        return type == TokenType.WORD && Ascii.equalsIgnoreCase(text, keyword);
    }

    /**
     * The name this token stands for, as PostgreSQL stores it: a double-quoted identifier without its quotes (a doubled
     * quote inside becomes one), a {@code U&"..."} identifier as written, anything else lower-cased in ASCII only, as
     * the server folds unquoted names (no locale, no Unicode case mapping).
     */
    public String identifier() {
        if (type == TokenType.QUOTED_IDENTIFIER) {
            return text.length() >= 2 && text.charAt(0) == '"'
                    ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
        }
        return Ascii.toLowerCase(text);
    }

    /** The end offset (exclusive) of this token in the lexer's input. */
    int endOffset() {
        return offset + text.length();
    }
}
