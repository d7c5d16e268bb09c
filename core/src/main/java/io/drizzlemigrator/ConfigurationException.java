package io.drizzlemigrator;

/**
 * A setting is invalid (an identifier that is not a plain name, a negative timeout, no DataSource or URL...), or the
 * database refuses what the settings ask of it: a missing privilege (the message gives the {@code GRANT}), a read-only
 * server or transaction, an invalid {@code searchPath}. Nothing was applied.
 */
public class ConfigurationException extends DrizzleMigratorException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param setting the setting at fault, named in the message (see {@link DrizzleMigratorException#setting()}) */
    public ConfigurationException(String message, Setting setting, Throwable cause) {
        super(message, setting, cause);
    }
}
