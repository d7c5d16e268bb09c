package io.drizzlemigrator;

/**
 * Root of every exception drizzle-migrator throws. Unchecked; the subclasses say which kind of problem it is
 * and messages say what to do about it. Messages never contain passwords.
 */
public class DrizzleMigratorException extends RuntimeException {

    public DrizzleMigratorException(String message) {
        super(message);
    }

    public DrizzleMigratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
