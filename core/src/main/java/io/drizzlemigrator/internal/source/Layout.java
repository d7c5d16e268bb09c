package io.drizzlemigrator.internal.source;

/** The two shapes of a drizzle-kit migration folder. */
public enum Layout {
    /** drizzle-kit 0.x: {@code meta/_journal.json} lists {@code <tag>.sql} files in order. */
    JOURNAL,
    /** drizzle-kit 1.0 ("folders v3"): {@code <YYYYMMDDHHMMSS>_<name>/migration.sql}, ordered by folder name. */
    FOLDERS
}
