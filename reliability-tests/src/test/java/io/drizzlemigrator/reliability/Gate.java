package io.drizzlemigrator.reliability;

/**
 * SQL that a migration runs to wait, without holding any lock a test cares about, until the test opens a gate
 * (inserts a row into a table it created). Bounded, so that nothing waits forever if a test fails.
 */
final class Gate {

    private Gate() {
    }

    /** A {@code DO} block that polls {@code table} every 50 ms, for at most {@code maxSeconds}. */
    static String waitFor(String table, int maxSeconds) {
        return "DO $$ BEGIN FOR i IN 1.." + (maxSeconds * 20) + " LOOP EXIT WHEN EXISTS (SELECT 1 FROM public."
                + table + "); PERFORM pg_sleep(0.05); END LOOP; END $$;";
    }
}
