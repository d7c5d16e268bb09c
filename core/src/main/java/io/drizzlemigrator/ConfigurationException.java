package io.drizzlemigrator;

/** A setting is invalid (an identifier that is not a plain name, a negative timeout, no DataSource or URL...). */
public class ConfigurationException extends DrizzleMigratorException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
