package io.drizzlemigrator;

/**
 * What to do with a journal entry that has no row although a newer entry has one (a migration merged late from a
 * branch). drizzle's own migrator silently skips such entries forever.
 */
public enum OutOfOrderPolicy {
    /** Refuse to migrate and name the entries (the default). */
    FAIL,
    /** Apply them, in journal order, with the other pending migrations. */
    APPLY,
    /** Leave them unapplied, as drizzle does, and log a warning. */
    IGNORE
}
