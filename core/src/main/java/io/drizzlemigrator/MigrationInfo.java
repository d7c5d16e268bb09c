package io.drizzlemigrator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration as {@link DrizzleMigrator#status()} sees it.
 *
 * @param tag the journal tag (the file name without {@code .sql}), or for {@link MigrationState#UNKNOWN} rows the
 *            stored name if any, else {@code "<unknown>"}
 * @param file the file as users know it, relative to the folder ({@code 0001_add_users.sql} or
 *             {@code 20261125165841_add_users/migration.sql}); null for {@link MigrationState#UNKNOWN} rows
 * @param state its state
 * @param folderMillis the journal's {@code when} (0.x) or the folder timestamp (1.0), which is what drizzle stores
 *                     as {@code created_at}; for unknown rows the stored {@code created_at}
 * @param hash the file's SHA-256 (lowercase hex), or null for unknown rows
 * @param storedHash the hash stored in the table, or null when not applied
 * @param appliedAt when it was applied if the table records it (drizzle 1.0's {@code applied_at}), else null
 * @param transactional whether it would run (or ran) inside a transaction; null when that is not known: for rows that
 *                      match no file, for a file whose statements cannot be delimited, and for applied migrations
 *                      in the report of a {@code migrate()} run (which never splits applied history; {@code status()}
 *                      does)
 */
public record MigrationInfo(String tag, String file, MigrationState state, long folderMillis, String hash, String storedHash,
        Instant appliedAt, Boolean transactional) {

    public MigrationInfo {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(state, "state");
    }

    /** When it was applied, if the table records it. */
    public Optional<Instant> appliedTime() {
        return Optional.ofNullable(appliedAt);
    }

    /** Whether the database has a row for it. */
    public boolean isApplied() {
        return state == MigrationState.APPLIED || state == MigrationState.EDITED || state == MigrationState.UNKNOWN;
    }
}
