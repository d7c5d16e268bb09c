package io.drizzlemigrator;

/**
 * The database and the folder disagree in a way the configured policies refuse: out-of-order entries (with
 * {@link OutOfOrderPolicy#FAIL}), edited files (with {@link EditedMigrationPolicy#FAIL}), or pending migrations
 * when only validation was asked for. Nothing was applied.
 */
public class ValidationException extends DrizzleMigratorException {

    private final StatusReport status;

    public ValidationException(String message, StatusReport status) {
        super(message);
        this.status = status;
    }

    /** The state that was found. */
    public StatusReport status() {
        return status;
    }
}
