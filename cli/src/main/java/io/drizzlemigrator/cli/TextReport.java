package io.drizzlemigrator.cli;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.MigrationView;
import io.drizzlemigrator.Problem;
import io.drizzlemigrator.StatusView;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable summaries printed on stdout when {@code --json} is not given: core's view, as text. */
final class TextReport {

    private static final String[] HEADER = {"TAG", "STATE", "CREATED", "APPLIED"};

    private TextReport() {
    }

    /**
     * One line per migration applied, then the total, the state found after the run counted as status counts it
     * ({@link #counts}), and the number of the run's warnings: core logged each warning on stderr already (one line
     * for the lint summary too), so they are counted here, not printed twice.
     */
    static void migrate(PrintStream out, MigrateResult result, StatusView after) {
        for (AppliedMigration m : result.applied()) {
            out.println(appliedLine(m));
        }
        String warnings = result.warnings().isEmpty() ? ""
                : " " + count(result.warnings().size(), "warning") + " (logged above).";
        String run = result.applied().isEmpty() ? "Nothing to apply (" + millis(result.duration()) + ")."
                : "Applied " + count(result.appliedCount(), "migration") + " in " + millis(result.duration())
                        + " (lock wait " + millis(result.lockWait()) + ").";
        out.println(run + " " + counts(after) + warnings);
        out.flush();
    }

    /** What a migration took, as printed by migrate (also for those applied before a failure). */
    static String appliedLine(AppliedMigration m) {
        return "Applied " + m.tag() + " in " + millis(m.duration())
                + (m.transactional() ? "" : " (outside a transaction)");
    }

    /** A table of tag / state / created / applied time, then the counts and the problems. */
    static void status(PrintStream out, StatusView view, Redactor redactor) {
        out.println("Migrations in " + view.location() + ", recorded in " + view.table() + ":");
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MigrationView m : view.migrations()) {
            rows.add(new String[] {m.tag(), m.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                time(Instant.ofEpochMilli(m.createdAtMillis())), m.appliedAt() != null ? time(m.appliedAt())
                        : m.state() == MigrationState.PENDING || m.state() == MigrationState.OUT_OF_ORDER ? "-"
                        : "(not recorded)"});
        }
        if (view.migrations().isEmpty()) {
            out.println("  (the folder has no migrations)");
        } else {
            table(out, rows);
        }
        out.println();
        out.println(counts(view));
        problems(out, view, redactor);
        out.flush();
    }

    /** The problems core found, each marked with its weight: blocking ones unmarked, the others as warning or info. */
    static void problems(PrintStream out, StatusView view, Redactor redactor) {
        if (view.problems().isEmpty()) {
            return;
        }
        out.println("Problems:");
        for (Problem p : view.problems()) {
            String mark = switch (p.severity()) {
                case BLOCKING -> "";
                case WARNING -> "(warning) ";
                case INFO -> "(info) ";
            };
            out.println("  - " + mark + redactor.redact(p.message()));
        }
    }

    /**
     * The one count of the command line, status and migrate alike: each migration once, in its state as core's
     * {@link StatusView#counts()} gives it (an edited migration counts as edited, not also as applied), and "Up to
     * date" only when nothing is pending or out of order.
     */
    static String counts(StatusView view) {
        Map<MigrationState, Integer> counts = view.counts();
        int unknown = counts.get(MigrationState.UNKNOWN);
        int total = view.migrations().size() - unknown;
        StringBuilder line = new StringBuilder();
        line.append(count(total, "migration")).append(": ")
                .append(counts.get(MigrationState.APPLIED)).append(" applied, ")
                .append(counts.get(MigrationState.PENDING)).append(" pending");
        if (counts.get(MigrationState.EDITED) > 0) {
            line.append(", ").append(counts.get(MigrationState.EDITED)).append(" edited");
        }
        if (counts.get(MigrationState.OUT_OF_ORDER) > 0) {
            line.append(", ").append(counts.get(MigrationState.OUT_OF_ORDER)).append(" out of order");
        }
        if (unknown > 0) {
            line.append("; ").append(count(unknown, "row")).append(" of unknown migrations");
        }
        line.append(view.upToDate().orElse(false) ? ". Up to date." : ".");
        return line.toString();
    }

    private static void table(PrintStream out, List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append("  ");
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]));
            }
            out.println(line);
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    /** {@code 1 migration}, {@code 2 migrations}: the one way the command line counts things. */
    static String count(int n, String noun) {
        return n + " " + noun + plural(n);
    }
}
