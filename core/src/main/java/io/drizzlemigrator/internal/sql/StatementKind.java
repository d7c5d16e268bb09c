package io.drizzlemigrator.internal.sql;

/** What a migration runner must know about a statement before sending it. */
public enum StatementKind {
    /** Nothing to execute: whitespace, comments and {@code ;} only. */
    EMPTY,
    /** Opens a transaction block: {@code BEGIN}, {@code START TRANSACTION}. */
    BEGIN,
    /** Commits the transaction block: {@code COMMIT}, {@code END} (not {@code COMMIT PREPARED}). */
    COMMIT,
    /**
     * Rolls the transaction block back: {@code ROLLBACK}, {@code ABORT} (not {@code ROLLBACK PREPARED}, not
     * {@code ROLLBACK TO SAVEPOINT}).
     */
    ROLLBACK,
    /**
     * PostgreSQL refuses it inside a transaction block (and in a multi-statement string or a pipeline):
     * {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, {@code CREATE DATABASE}... It must be sent alone, in
     * autocommit.
     */
    NON_TRANSACTIONAL,
    /** Anything else. */
    OTHER
}
