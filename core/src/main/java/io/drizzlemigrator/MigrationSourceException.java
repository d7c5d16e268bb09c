package io.drizzlemigrator;

import java.util.Optional;

/**
 * The migration folder cannot be used: missing or malformed journal, missing file, a tag that is not a plain
 * file name, a file that is not UTF-8, SQL the lexer cannot end (unterminated quote or comment). Nothing has
 * been applied when this is thrown.
 */
public class MigrationSourceException extends DrizzleMigratorException {

    private final String file;
    private final int line;

    public MigrationSourceException(String file, int line, String message) {
        super(format(file, line, message));
        this.file = file;
        this.line = line;
    }

    public MigrationSourceException(String file, int line, String message, Throwable cause) {
        super(format(file, line, message), cause);
        this.file = file;
        this.line = line;
    }

    /** The file at fault (as the folder names it), if one is. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line in {@link #file()}, or 0 when no line applies. */
    public int line() {
        return line;
    }

    private static String format(String file, int line, String message) {
        if (file == null) {
            return message;
        }
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
