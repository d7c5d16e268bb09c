package io.drizzlemigrator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How far a long statement of a migration has come, as PostgreSQL's progress views said when last read
 * ({@code pg_stat_progress_create_index}, {@code pg_stat_progress_vacuum}, {@code pg_stat_progress_cluster}).
 * A count PostgreSQL does not report in a phase is -1.
 *
 * @param command what runs: {@code CREATE INDEX CONCURRENTLY}, {@code REINDEX}, {@code VACUUM}...
 * @param phase PostgreSQL's name of the current phase, e.g. {@code building index: scanning table}
 * @param blocksDone blocks processed in this phase
 * @param blocksTotal blocks to process in this phase
 * @param tuplesDone tuples processed in this phase
 * @param tuplesTotal tuples to process in this phase
 */
public record StatementProgress(String command, String phase, long blocksDone, long blocksTotal, long tuplesDone,
        long tuplesTotal) {

    /**
     * The part of the current phase that is done, from 0 to 1: by blocks when PostgreSQL counts blocks in this phase,
     * else by tuples; -1 when it counts neither.
     */
    public double ratio() {
        if (blocksTotal > 0 && blocksDone >= 0) {
            return Math.min(1.0, (double) blocksDone / blocksTotal);
        }
        if (tuplesTotal > 0 && tuplesDone >= 0) {
            return Math.min(1.0, (double) tuplesDone / tuplesTotal);
        }
        return -1;
    }

    /** One line for a log: {@code building index: scanning table, blocks 120/4425 (2.7 %)}. */
    public String describe() {
        StringBuilder s = new StringBuilder(phase);
        if (blocksTotal > 0) {
            s.append(", blocks ").append(blocksDone).append('/').append(blocksTotal).append(" (")
                    .append(percent(blocksDone, blocksTotal)).append(" %)");
        }
        if (tuplesTotal > 0) {
            s.append(", tuples ").append(tuplesDone).append('/').append(tuplesTotal).append(" (")
                    .append(percent(tuplesDone, tuplesTotal)).append(" %)");
        }
        return s.toString();
    }

    /** As JSON-ready values, for health details; {@code percent} is absent when no count is known. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("phase", phase);
        if (blocksTotal > 0) {
            m.put("blocksDone", blocksDone);
            m.put("blocksTotal", blocksTotal);
        }
        if (tuplesTotal > 0) {
            m.put("tuplesDone", tuplesDone);
            m.put("tuplesTotal", tuplesTotal);
        }
        double ratio = ratio();
        if (ratio >= 0) {
            m.put("percent", Math.round(ratio * 1000) / 10.0);
        }
        return Collections.unmodifiableMap(m);
    }

    private static String percent(long done, long total) {
        return String.format(Locale.ROOT, "%.1f", 100.0 * Math.max(0, done) / total);
    }
}
