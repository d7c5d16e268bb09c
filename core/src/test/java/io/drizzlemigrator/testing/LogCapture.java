package io.drizzlemigrator.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the library logged while a piece of code ran: slf4j-simple (the tests' binding) writes to the
 * {@code System.err} of the moment, so it is swapped for a buffer meanwhile (and everything still reaches the
 * real stream afterwards).
 */
public final class LogCapture {

    private LogCapture() {
    }

    /** Runs {@code action} and returns what was logged meanwhile. */
    public static synchronized String during(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            action.run();
        } finally {
            System.setErr(original);
        }
        String logged = buffer.toString(StandardCharsets.UTF_8);
        original.print(logged);
        return logged;
    }
}
