package io.drizzlemigrator;

/**
 * The database could not be reached or refused the connection (wrong password, unknown database, server down).
 * Nothing was applied. The message names the host and database, never the password.
 */
public class DatabaseConnectionException extends DrizzleMigratorException {

    public DatabaseConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
