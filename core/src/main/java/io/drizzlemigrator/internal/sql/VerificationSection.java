package io.drizzlemigrator.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The VERIFICATION QUERIES section the organisation puts at the bottom of a migration: every statement after the
 * comment line that names it. drizzle's migrator runs the section as part of the file, so its statements must only
 * read; {@code verify} runs them again later, each expected to return one boolean.
 */
public final class VerificationSection {

    /** The words of the section's title comment. */
    public static final String TITLE = "VERIFICATION QUERIES";

    private VerificationSection() {
    }

    /** The line of the section's title comment ({@code -- VERIFICATION QUERIES}), or 0 when the file has none. */
    public static int line(String sql) {
        int line = 1;
        int start = 0;
        while (start <= sql.length()) {
            int end = sql.indexOf('\n', start);
            String text = sql.substring(start, end < 0 ? sql.length() : end).strip();
            if (text.startsWith("--") && !text.startsWith("-->")
                    && text.substring(2).strip().toUpperCase(java.util.Locale.ROOT).startsWith(TITLE)) {
                return line;
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
            line++;
        }
        return 0;
    }

    /** The statements of the section, in order; empty when the file has none. */
    public static List<PreparedMigration.Step> statements(PreparedMigration prepared, String sql) {
        int from = line(sql);
        List<PreparedMigration.Step> out = new ArrayList<>();
        if (from == 0) {
            return out;
        }
        for (PreparedMigration.Step step : prepared.statements()) {
            if (step.line() > from) {
                out.add(step);
            }
        }
        return out;
    }
}
