package io.drizzlemigrator.internal.source;

/**
 * Not API, and no setting: the switches {@code internal.BenchmarkAccess} turns for the benchmarks module, so that it
 * can measure what a piece of the folder read costs (issue 22). Nothing else calls this class.
 */
public final class BenchmarkSwitches {

    private BenchmarkSwitches() {
    }

    /** Whether {@link HashMemo} answers: off, every read hashes every file again, as drizzle's migrator does. */
    public static void hashMemo(boolean on) {
        HashMemo.enabled = on;
    }
}
