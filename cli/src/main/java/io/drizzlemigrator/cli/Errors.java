package io.drizzlemigrator.cli;

import io.drizzlemigrator.DrizzleMigratorException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How an exception is told to a person. */
final class Errors {

    private Errors() {
    }

    /**
     * The core's message for its own exceptions (they are written to be read), with the settings it names spelled as
     * the command line's flags; for anything else, which is a bug or an environment failure, the type too.
     */
    static String message(Throwable error) {
        if (error instanceof DrizzleMigratorException && error.getMessage() != null) {
            return SettingFlags.render(error.getMessage());
        }
        return "unexpected " + error.getClass().getName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    /**
     * The message of a failure of {@code command}: {@link #message(Throwable)}, and for the read-only commands
     * without "nothing was applied".
     */
    static String message(Throwable error, String command) {
        return command.equals("migrate") ? message(error) : forReadOnly(message(error));
    }

    /** Core's "nothing was applied" at the end of a message, as its runs say it. */
    private static final Pattern NOTHING_APPLIED = Pattern.compile(
            "(?i)[;.,]?\\s*nothing was applied( by this runner)?\\.?\\s*$");

    /**
     * A message for a command that never applies anything (status, validate): without core's closing "nothing was
     * applied", which would suggest that something could have been.
     */
    static String forReadOnly(String message) {
        Matcher m = NOTHING_APPLIED.matcher(message);
        return m.find() ? message.substring(0, m.start()) + "." : message;
    }

    /** Whether the error is one the core describes itself, as opposed to a bug that needs the stack trace. */
    static boolean expected(Throwable error) {
        return error instanceof DrizzleMigratorException;
    }

    static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
