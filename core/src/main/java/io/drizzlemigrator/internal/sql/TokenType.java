package io.drizzlemigrator.internal.sql;

/** The lexical category of a {@link Token}, after PostgreSQL's scanner. */
public enum TokenType {
    /** Spaces, tabs, newlines ({@code \n}, {@code \r}), form feeds; also a byte order mark at the start of a file. */
    WHITESPACE,
    /** {@code -- ...} up to (not including) the end of the line. */
    LINE_COMMENT,
    /** {@code /* ... *&#47;}, nested as PostgreSQL nests them. */
    BLOCK_COMMENT,
    /**
     * An unquoted identifier or keyword: a letter, {@code _} or non-ASCII character, then also digits and {@code $}.
     */
    WORD,
    /** {@code "..."} with {@code ""} escapes, also {@code U&"..."}. */
    QUOTED_IDENTIFIER,
    /**
     * A string constant with its prefix: {@code '...'} ({@code ''} escapes only), {@code E'...'} (backslash escapes
     * too), {@code B'...'}, {@code X'...'}, {@code N'...'}, {@code U&'...'}.
     */
    STRING,
    /** {@code $$...$$} or {@code $tag$...$tag$}. */
    DOLLAR_STRING,
    /** A numeric constant: {@code 42}, {@code 1.5}, {@code .5e-3}, {@code 0x1F}, {@code 1_000}. */
    NUMBER,
    /** A positional parameter: {@code $1}. */
    PARAMETER,
    /** {@code ;}. */
    SEMICOLON,
    /**
     * Any other punctuation: one token per {@code ( ) [ ] ,}, and {@code .}, {@code ..}, {@code :}, {@code ::},
     * {@code :=}, operator runs such as {@code <>} or {@code ->>}, and single characters PostgreSQL does not accept.
     */
    OPERATOR
}
