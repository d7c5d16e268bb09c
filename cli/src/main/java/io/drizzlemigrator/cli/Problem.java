package io.drizzlemigrator.cli;

import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.StatusReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Something in a {@link StatusReport} a person should act on, with what to do about it.
 *
 * @param kind what it is: {@code out_of_order}, {@code edited}, {@code unknown} or {@code pending}
 * @param tag the migration it is about ({@code <unknown>} for rows matching no file)
 * @param message the explanation and the way out
 * @param blocking whether it makes the command exit with {@link ExitCodes#PROBLEMS_FOUND}
 */
record Problem(String kind, String tag, String message, boolean blocking) {

    /**
     * The problems of a report. Out-of-order entries always block (they are what drizzle's migrator silently skips);
     * edited files block only with {@code --edited=fail}; rows of a newer build never block; pending migrations are
     * problems (blocking) only when {@code pendingIsProblem}, that is for {@code validate}.
     */
    static List<Problem> of(StatusReport report, EditedMigrationPolicy edited, boolean pendingIsProblem) {
        List<Problem> problems = new ArrayList<>();
        String newest = report.lastApplied().map(MigrationInfo::tag).orElse("none");
        for (MigrationInfo m : report.migrations()) {
            switch (m.state()) {
                case OUT_OF_ORDER -> problems.add(new Problem("out_of_order", m.tag(), m.tag()
                        + " was never applied but is older than the newest applied migration (" + newest
                        + "); drizzle's migrator would skip it forever. Apply it with --out-of-order=apply, or "
                        + "regenerate it so that it comes last.", true));
                case EDITED -> problems.add(new Problem("edited", m.tag(), m.tag()
                        + " was edited after it was applied (stored hash " + shortHash(m.storedHash())
                        + ", file hash " + shortHash(m.hash()) + "); the database does not have the edit. Restore "
                        + "the file, or put the change in a new migration.", edited == EditedMigrationPolicy.FAIL));
                case UNKNOWN -> problems.add(new Problem("unknown", m.tag(), "a row of " + report.table()
                        + " (created_at " + m.folderMillis() + ", hash " + shortHash(m.storedHash())
                        + ") matches no migration of this folder: the database was migrated by a newer build or "
                        + "from another folder.", false));
                case PENDING -> {
                    if (pendingIsProblem) {
                        problems.add(new Problem("pending", m.tag(), m.tag() + " is pending: run migrate.", true));
                    }
                }
                default -> {
                    // applied: nothing to say
                }
            }
        }
        return problems;
    }

    /** This problem, reported without making the command fail. */
    Problem asWarning() {
        return blocking ? new Problem(kind, tag, message, false) : this;
    }

    /** Whether any of these makes the command fail. */
    static boolean anyBlocking(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::blocking);
    }

    /** How the state is written for people ({@code out of order}) and in JSON ({@code out_of_order}). */
    static String stateName(Enum<?> state, boolean forJson) {
        String lower = state.name().toLowerCase(Locale.ROOT);
        return forJson ? lower : lower.replace('_', ' ');
    }

    private static String shortHash(String hash) {
        if (hash == null) {
            return "none";
        }
        return hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
    }
}
