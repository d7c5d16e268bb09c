package io.drizzlemigrator;

/**
 * The database and the folder disagree in a way the configured policies refuse: out-of-order entries (with
 * {@link OutOfOrderPolicy#FAIL}), edited files (with {@link EditedMigrationPolicy#FAIL}), or pending migrations
 * when only validation was asked for, a plain index build on a large table ({@code largeTableRows}), an empty folder
 * against a database with history (a wrong folder). Nothing was applied.
 */
public class ValidationException extends DrizzleMigratorException {

    private final StatusReport status;

    public ValidationException(String message, StatusReport status) {
        this(message, status, null);
    }

    /** @param setting the setting that would allow what was refused (see {@link DrizzleMigratorException#setting()}) */
    public ValidationException(String message, StatusReport status, Setting setting) {
        super(message, setting, null);
        this.status = status;
    }

    /** The state that was found. */
    public StatusReport status() {
        return status;
    }
}
