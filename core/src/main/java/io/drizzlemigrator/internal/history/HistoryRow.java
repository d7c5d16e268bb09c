package io.drizzlemigrator.internal.history;

import java.time.Instant;

/**
 * One row of drizzle's bookkeeping table.
 *
 * @param id the serial id (insertion order)
 * @param hash the stored SHA-256
 * @param createdAt drizzle's {@code created_at} (the journal's {@code when}); null if a foreign writer left it null
 * @param name drizzle 1.0's {@code name}, or null (0.x table, or a row written by a 0.x migrator)
 * @param appliedAt drizzle 1.0's {@code applied_at}, or null
 */
public record HistoryRow(long id, String hash, Long createdAt, String name, Instant appliedAt) {
}
