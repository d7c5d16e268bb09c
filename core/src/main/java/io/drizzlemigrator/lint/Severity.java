package io.drizzlemigrator.lint;

import java.util.Locale;

/** How much a {@link LintFinding} matters. Only {@link #ERROR} makes {@link LintReport#hasErrors()} true. */
public enum Severity {
    /** Locks or breaks production, or fails at run time: fix it or suppress it with a reason. */
    ERROR,
    /** Risky or against the organisation's conventions: look at it. */
    WARNING,
    /** Advice. */
    INFO;

    /** The lower-case name used in {@code drizzle-lint.json}, reports and annotations: {@code error}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
