package io.drizzlemigrator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The report as JSON-ready values, as the endpoints and health details show it: how many queries ran, how many
     * were not true, and the first ten of those ({@code file:line sql (false)}).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queries", queries.size());
        List<Query> failures = failures();
        m.put("notTrue", failures.size());
        List<String> shown = new ArrayList<>();
        for (Query q : failures.subList(0, Math.min(10, failures.size()))) {
            shown.add(q.file() + ":" + q.line() + " " + q.sql() + (q.error() != null ? " (" + q.error() + ")"
                    : q.result() == null ? " (no row)" : " (false)"));
        }
        if (!shown.isEmpty()) {
            m.put("failures", List.copyOf(shown));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The queries that did not return true. */
    public List<Query> failures() {
        return queries.stream().filter(q -> !q.passed()).toList();
    }
}
