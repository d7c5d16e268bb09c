package io.drizzlemigrator;

import java.util.Optional;

/**
 * Root of every exception drizzle-migrator throws. Unchecked; the subclasses say which kind of problem it is
 * and messages say what to do about it. Messages never contain passwords.
 *
 * <p>When the way out is to change a setting, {@link #setting()} names it. The message writes it as core's builder
 * does ({@link Setting#builderName()}, e.g. {@code largeTableRows}, {@code outOfOrder=APPLY}); a face that spells
 * settings otherwise (the CLI's {@code --large-table-rows}, Spring's {@code drizzle.migrations.large-table-rows})
 * renders that key in its own words rather than matching on the text.
 */
public class DrizzleMigratorException extends RuntimeException {

    private final Setting setting;

    public DrizzleMigratorException(String message) {
        this(message, null, null);
    }

    public DrizzleMigratorException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param setting the setting the message asks to change, or null
     */
    public DrizzleMigratorException(String message, Setting setting, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The setting the message asks the user to change (or names as the cause), if one does. */
    public Optional<Setting> setting() {
        return Optional.ofNullable(setting);
    }
}
