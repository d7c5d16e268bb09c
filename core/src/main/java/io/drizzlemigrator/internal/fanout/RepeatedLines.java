package io.drizzlemigrator.internal.fanout;

import java.util.Set;

/**
 * Lines that a fan-out's targets would each log alike (the lint summary of one folder, 200 times for 200 tenants at
 * the same version): within one fan-out, the first target's run logs such a line as usual and the others at DEBUG.
 * The fan-out binds its set of lines seen to the thread that runs a target; outside a fan-out every line is a first.
 */
public final class RepeatedLines {

    private static final ThreadLocal<Set<String>> SEEN = new ThreadLocal<>();

    private RepeatedLines() {
    }

    /** Binds {@code seen} (a concurrent set shared by the fan-out's threads) to this thread until {@link #unbind()}. */
    public static void bind(Set<String> seen) {
        SEEN.set(seen);
    }

    public static void unbind() {
        SEEN.remove();
    }

    /** Whether {@code line} is logged for the first time in this thread's fan-out (always, outside one). */
    public static boolean first(String line) {
        Set<String> seen = SEEN.get();
        return seen == null || seen.add(line);
    }
}
