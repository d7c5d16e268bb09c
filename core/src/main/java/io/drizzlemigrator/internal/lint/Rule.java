package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.lint.Severity;
import java.util.HashMap;
import java.util.Map;

/**
 * Every lint rule: its stable id, default severity and a title. {@code docs/lint-rules.md} has one section per rule,
 * in this order.
 */
public enum Rule {
    INDEX_NOT_CONCURRENT("index-not-concurrent", Severity.ERROR,
            "CREATE INDEX without CONCURRENTLY on an existing table"),
    DROP_INDEX_NOT_CONCURRENT("drop-index-not-concurrent", Severity.WARNING, "DROP INDEX without CONCURRENTLY"),
    CONCURRENT_INDEX_NOT_IDEMPOTENT("concurrent-index-not-idempotent", Severity.WARNING,
            "CONCURRENTLY without IF [NOT] EXISTS"),
    REINDEX_NOT_CONCURRENT("reindex-not-concurrent", Severity.WARNING, "REINDEX without CONCURRENTLY"),
    ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT("add-column-not-null-without-default", Severity.ERROR,
            "ADD COLUMN ... NOT NULL without a default on an existing table"),
    ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default", Severity.WARNING,
            "ADD COLUMN whose default rewrites the table"),
    SET_NOT_NULL("set-not-null", Severity.ERROR, "SET NOT NULL on an existing column"),
    RENAME_COLUMN("rename-column", Severity.ERROR, "RENAME COLUMN"),
    DROP_COLUMN("drop-column", Severity.ERROR, "DROP COLUMN"),
    CHANGE_COLUMN_TYPE("change-column-type", Severity.ERROR, "ALTER COLUMN ... TYPE that rewrites the table"),
    DROP_TABLE("drop-table", Severity.ERROR, "DROP TABLE"),
    RENAME_TABLE("rename-table", Severity.ERROR, "ALTER TABLE ... RENAME TO"),
    ENUM_RENAME_VALUE("enum-rename-value", Severity.ERROR, "ALTER TYPE ... RENAME VALUE"),
    DROP_TYPE("drop-type", Severity.ERROR, "DROP TYPE (dropping or recreating an enum)"),
    ENUM_ADD_VALUE_NOT_IDEMPOTENT("enum-add-value-not-idempotent", Severity.WARNING,
            "ALTER TYPE ... ADD VALUE without IF NOT EXISTS"),
    ENUM_VALUE_USED_IN_SAME_TRANSACTION("enum-value-used-in-same-transaction", Severity.WARNING,
            "A new enum value used in the migration that adds it"),
    FOREIGN_KEY_WITHOUT_NOT_VALID("foreign-key-without-not-valid", Severity.ERROR,
            "FOREIGN KEY added to an existing table without NOT VALID"),
    CHECK_WITHOUT_NOT_VALID("check-without-not-valid", Severity.ERROR,
            "CHECK added to an existing table without NOT VALID"),
    ADD_UNIQUE_CONSTRAINT("add-unique-constraint", Severity.ERROR,
            "UNIQUE or PRIMARY KEY added to an existing table without USING INDEX"),
    MISSING_HEADER("missing-header", Severity.WARNING, "Migration without the header comment"),
    MISSING_ROLLBACK("missing-rollback", Severity.WARNING,
            "Migration that alters existing objects without a rollback file"),
    AUTO_NAME("auto-name", Severity.INFO, "Meaningless drizzle-kit name"),
    VERIFICATION_SIDE_EFFECT("verification-side-effect", Severity.ERROR,
            "A statement with side effects in the VERIFICATION QUERIES section"),
    JOURNAL_MISSING_FILE("journal-missing-file", Severity.ERROR, "Journal entry without its file"),
    JOURNAL_DUPLICATE_TAG("journal-duplicate-tag", Severity.ERROR, "Two journal entries with one tag"),
    JOURNAL_DUPLICATE_IDX("journal-duplicate-idx", Severity.WARNING, "Two journal entries with one idx"),
    JOURNAL_WHEN_NOT_MONOTONIC("journal-when-not-monotonic", Severity.ERROR,
            "Journal entry older than the one before it"),
    JOURNAL_WHEN_IN_FUTURE("journal-when-in-future", Severity.ERROR, "Journal entry dated in the future"),
    STRAY_SQL_FILE("stray-sql-file", Severity.WARNING, "A .sql file that is not a migration"),
    INVALID_JOURNAL("invalid-journal", Severity.ERROR, "meta/_journal.json that cannot be used"),
    INVALID_FILE("invalid-file", Severity.ERROR, "Migration file that cannot be read or lexed"),
    INVALID_SUPPRESSION("invalid-suppression", Severity.WARNING, "Suppression comment without a rule or a reason"),
    UNUSED_SUPPRESSION("unused-suppression", Severity.INFO, "Suppression comment that suppresses nothing");

    private static final Map<String, Rule> BY_ID = new HashMap<>();

    static {
        for (Rule r : values()) {
            BY_ID.put(r.id, r);
        }
    }

    private final String id;
    private final Severity defaultSeverity;
    private final String title;

    Rule(String id, Severity defaultSeverity, String title) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String title() {
        return title;
    }

    /** The rule with this id, or null. */
    public static Rule byId(String id) {
        return BY_ID.get(id);
    }
}
