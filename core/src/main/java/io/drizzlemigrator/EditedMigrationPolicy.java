package io.drizzlemigrator;

/** What to do when an applied migration's file no longer has the hash stored when it ran. */
public enum EditedMigrationPolicy {
    /** Log a warning and go on (the default: real folders have many such edits). */
    WARN,
    /** Refuse to migrate and name the files. */
    FAIL,
    /** Say nothing (drizzle's behaviour); still visible in {@link DrizzleMigrator#status()}. */
    IGNORE
}
