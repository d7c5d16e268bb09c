package io.drizzlemigrator.internal.source;

import java.util.Objects;

/**
 * One migration of the folder, read and hashed.
 *
 * @param tag the journal tag (0.x) or the folder name (1.0), e.g. {@code 0001_add_users} /
 *            {@code 20261125165841_add_users}
 * @param folderMillis the journal's {@code when} (0.x) or the folder name's UTC timestamp as epoch millis (1.0):
 *                     what drizzle stores in {@code created_at}
 * @param name the value drizzle 1.0 stores in the {@code name} column for this migration: the folder name (1.0),
 *             or {@link DrizzleNames#v1Name(String, long)} of tag and {@code when} (0.x); never null
 * @param file the file as the user knows it, relative to the folder: {@code 0001_add_users.sql} or
 *             {@code 20261125165841_add_users/migration.sql}
 * @param sql the file's text decoded strictly as UTF-8; a BOM and CRLF line ends are kept
 * @param hash lowercase hex SHA-256 of the file's bytes (drizzle's hash)
 * @param journalIdx the journal's {@code idx} (0.x; the array position when absent) or the position (1.0)
 */
public record MigrationFile(String tag, long folderMillis, String name, String file, String sql, String hash,
        int journalIdx) {

    public MigrationFile {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(hash, "hash");
    }
}
