package io.drizzlemigrator;

import java.util.List;

/**
 * What {@link DrizzleMigrator#verify()} found: each query of the VERIFICATION QUERIES sections of the applied
 * migrations, with its result.
 *
 * @param queries every query run, in the order of the migrations and of the file
 */
public record VerificationReport(List<Query> queries) {

    public VerificationReport {
        queries = List.copyOf(queries);
    }

    /**
     * One query and its result.
     *
     * @param file   the migration file, relative to the folder
     * @param line   the query's line in it
     * @param sql    the query
     * @param result the boolean of its first row; null when it returned no row, not a boolean, or failed
     * @param error  why it failed (the server's message), or null
     */
    public record Query(String file, int line, String sql, Boolean result, String error) {

        /** Whether it returned true. */
        public boolean passed() {
            return Boolean.TRUE.equals(result);
        }
    }

    /** Whether every query returned true (also when there was none). */
    public boolean passed() {
        for (Query q : queries) {
            if (!q.passed()) {
                return false;
            }
        }
        return true;
    }

    /** The queries that did not return true. */
    public List<Query> failures() {
        return queries.stream().filter(q -> !q.passed()).toList();
    }
}
