package io.drizzlemigrator.lint;

import io.drizzlemigrator.Setting;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.ValidationException;
import java.util.Objects;

/**
 * The startup check ({@code lint = fail}) found error-level problems in the pending migrations; nothing was applied.
 * The message lists the errors (file, line, rule, message) and says how to resolve them. Its
 * {@link #setting()} is {@link Setting#LINT_MODE}: the check refuses because {@code lintMode} is {@code FAIL}.
 */
public class LintFailedException extends ValidationException {

    private static final int LISTED = 10;

    private final transient LintReport report;

    /**
     * @param report the findings (with at least one error)
     * @param status the state of the database and the folder when the check ran, if known (may be null)
     */
    public LintFailedException(LintReport report, StatusReport status) {
        super(message(Objects.requireNonNull(report, "report")), status, Setting.LINT_MODE);
        this.report = report;
    }

    /** Every finding of the check, errors and the rest. */
    public LintReport report() {
        return report;
    }

    private static String message(LintReport report) {
        int errors = report.count(Severity.ERROR);
        StringBuilder out = new StringBuilder("The migration linter found ").append(errors)
                .append(errors == 1 ? " error" : " errors").append(" in the pending migrations; nothing was applied:");
        int listed = 0;
        for (LintFinding f : report.findings()) {
            if (f.severity() == Severity.ERROR && listed < LISTED) {
                out.append("\n  ").append(f);
                listed++;
            }
        }
        if (errors > listed) {
            out.append("\n  ... and ").append(errors - listed).append(" more");
        }
        return out.append("\nMake each migration safe (docs/lint-rules.md spells out the alternative), or, where it is "
                + "safe as it is, suppress the finding with a reason (-- drizzle-migrator:ignore <rule-id> <reason>) "
                + "or change the rule's severity in drizzle-lint.json.").toString();
    }
}
