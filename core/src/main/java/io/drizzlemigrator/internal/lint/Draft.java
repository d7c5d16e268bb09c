package io.drizzlemigrator.internal.lint;

/**
 * A finding before suppression comments and the configured severity are applied.
 *
 * @param rule        the rule
 * @param file        the file, relative to the folder
 * @param line        1-based line, or 0 for the whole file
 * @param column      1-based column, or 0
 * @param message     one line
 * @param alternative the safe alternative, or ""
 * @param scope       the statement whose suppression comments apply, or null for a finding about the whole file
 */
record Draft(Rule rule, String file, int line, int column, String message, String alternative, Scope scope) {

    /**
     * Where statement-level suppression comments for a finding may be.
     *
     * @param firstLine    the statement's first line (its first significant token)
     * @param lastLine     the line of its last significant token
     * @param previousEnd  the last line of the statement before it in the file, 0 for the first
     */
    record Scope(int firstLine, int lastLine, int previousEnd) {
    }
}
