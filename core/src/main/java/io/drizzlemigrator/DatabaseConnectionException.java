package io.drizzlemigrator;

/**
 * The database could not be reached or refused the connection (wrong password, unknown database or host, server down),
 * the session could not be set up, or the database failed while {@code status} or {@code validate} read it. Nothing
 * was applied. The message names the host and database, never the password.
 */
public class DatabaseConnectionException extends DrizzleMigratorException {

    public DatabaseConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param setting the setting to check ({@link Setting#URL}), see {@link DrizzleMigratorException#setting()} */
    public DatabaseConnectionException(String message, Setting setting, Throwable cause) {
        super(message, setting, cause);
    }
}
