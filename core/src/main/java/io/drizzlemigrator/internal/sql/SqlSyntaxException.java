package io.drizzlemigrator.internal.sql;

/**
 * The text cannot be lexed: a quoted string, quoted identifier, dollar quote or block comment is not closed. The
 * position is where the unterminated construct starts.
 */
public final class SqlSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final int line;
    private final int column;

    SqlSyntaxException(String what, int offset, int line, int column) {
        super(what + " (started at line " + line + ", column " + column + ")");
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** 1-based line where the unterminated construct starts. */
    public int line() {
        return line;
    }

    /** 1-based column (in code points) where the unterminated construct starts. */
    public int column() {
        return column;
    }

    /** {@code char} index, into the text given to the lexer, where the unterminated construct starts. */
    public int offset() {
        return offset;
    }
}
