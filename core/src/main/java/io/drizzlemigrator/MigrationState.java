package io.drizzlemigrator;

/** The state of one migration, seen from this build's folder and the database's bookkeeping table. */
public enum MigrationState {
    /** Applied, and the file still has the hash stored when it ran. */
    APPLIED,
    /** Applied, but the file was edited afterwards (its hash differs from the stored one). */
    EDITED,
    /** Not applied; newer than every applied migration. */
    PENDING,
    /** Not applied, but older than an applied migration (merged late). */
    OUT_OF_ORDER,
    /** A row in the table that matches no entry of this folder (the database is ahead of this build). */
    UNKNOWN
}
