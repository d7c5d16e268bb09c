package io.drizzlemigrator.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command writes to and reads from: stdout (the summary or the JSON document), stderr (error lines), the
 * environment, and the redactor every printed message goes through.
 */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Redactor redactor) {

    /** Prints {@code error: <message>} on stderr, without passwords. */
    void error(String message) {
        err.println("error: " + redactor.redact(message));
        err.flush();
    }
}
