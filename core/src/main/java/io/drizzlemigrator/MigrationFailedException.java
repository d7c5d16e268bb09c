package io.drizzlemigrator;

import java.util.List;
import java.util.Optional;

/**
 * A statement of a migration failed. The message names the file, the statement's line in it, the SQLState, the
 * server's message and the state left behind ({@link #leftBehind()}).
 */
public class MigrationFailedException extends DrizzleMigratorException {

    private final String tag;
    private final String file;
    private final int line;
    private final String sqlState;
    private final String leftBehind;
    private final List<AppliedMigration> appliedBefore;

    public MigrationFailedException(String message, String tag, String file, int line, String sqlState,
            String leftBehind, List<AppliedMigration> appliedBefore, Throwable cause) {
        super(message, cause);
        this.tag = tag;
        this.file = file;
        this.line = line;
        this.sqlState = sqlState;
        this.leftBehind = leftBehind;
        this.appliedBefore = List.copyOf(appliedBefore);
    }

    /** The failed migration's tag. */
    public String tag() {
        return tag;
    }

    /** The failed migration's file, as the folder names it. */
    public String file() {
        return file;
    }

    /** The 1-based line in {@link #file()} where the failing statement starts. */
    public int line() {
        return line;
    }

    /** The server's SQLState, when the server answered. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** What the failure left in the database, for example "rolled back, nothing recorded". */
    public String leftBehind() {
        return leftBehind;
    }

    /** The migrations this run applied (and recorded) before the failure. */
    public List<AppliedMigration> appliedBefore() {
        return appliedBefore;
    }
}
