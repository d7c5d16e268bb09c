package io.drizzlemigrator;

/** How pending migrations are grouped into transactions. */
public enum TransactionMode {
    /**
     * One transaction per migration, with its bookkeeping row (the default). Migrations holding statements that
     * PostgreSQL refuses in a transaction block (CREATE INDEX CONCURRENTLY, ...) run outside a transaction.
     */
    PER_MIGRATION,
    /**
     * All pending migrations in one transaction, like drizzle's migrator. Refused when one of them holds a
     * statement that cannot run in a transaction block.
     */
    ALL_IN_ONE
}
