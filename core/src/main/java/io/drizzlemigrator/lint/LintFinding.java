package io.drizzlemigrator.lint;

import java.util.Objects;

/**
 * One problem the linter found.
 *
 * @param ruleId          the rule's stable id, such as {@code index-not-concurrent} (see {@code docs/lint-rules.md})
 * @param severity        its severity after the configuration was applied
 * @param message         one line: what is wrong and why it matters
 * @param safeAlternative what to do instead, spelled out (may span lines); empty when there is nothing to add
 * @param file            the file, relative to the migration folder ({@code 0003_add_owner.sql},
 *                        {@code meta/_journal.json}, {@code 20250101000000_init/migration.sql})
 * @param line            1-based line in {@code file}, 0 when the finding is about the whole file
 * @param column          1-based column (in code points), 0 when the finding is about the whole file or line
 */
public record LintFinding(String ruleId, Severity severity, String message, String safeAlternative, String file,
        int line, int column) {

    public LintFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(file, "file");
        safeAlternative = safeAlternative == null ? "" : safeAlternative;
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, or 0 when not applicable; got "
                    + line + ":" + column);
        }
    }

    /** {@code file:line:column}, leaving out what is 0. */
    public String location() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.toString();
    }

    /** One line: {@code 0003_x.sql:4:1: error [drop-column] message}. */
    @Override
    public String toString() {
        return location() + ": " + severity.id() + " [" + ruleId + "] " + message;
    }
}
