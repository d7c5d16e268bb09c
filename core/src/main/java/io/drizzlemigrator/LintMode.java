package io.drizzlemigrator;

/**
 * What a run does with the linter's findings on the migrations it is about to apply (applied history is never
 * linted: it is immutable). Rules and their configuration: {@code docs/lint-rules.md}.
 */
public enum LintMode {
    /** Do not lint. */
    OFF,
    /** Log every finding and go on (the default). */
    WARN,
    /** Log every finding and refuse to migrate when an error-level rule fires; nothing is applied. */
    FAIL
}
