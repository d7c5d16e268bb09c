package io.drizzlemigrator.cli;

import io.drizzlemigrator.DrizzleMigratorException;
import java.io.PrintWriter;
import java.io.StringWriter;

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
