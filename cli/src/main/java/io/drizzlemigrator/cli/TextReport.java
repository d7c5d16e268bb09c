package io.drizzlemigrator.cli;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.StatusReport;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The human-readable summaries printed on stdout when {@code --json} is not given. */
final class TextReport {

    private static final String[] HEADER = {"TAG", "STATE", "CREATED", "APPLIED"};

    private TextReport() {
    }

    /** One line per migration applied, then the total, the state after the run and its problems. */
    static void migrate(PrintStream out, MigrateResult result, List<Problem> problems, Redactor redactor) {
        for (AppliedMigration m : result.applied()) {
            out.println(appliedLine(m));
        }
        StatusReport status = result.status();
        int appliedNow = status.applied().size();
        if (result.applied().isEmpty()) {
            out.println("Nothing to apply: " + appliedNow + " migration" + plural(appliedNow)
                    + " already applied (" + millis(result.duration()) + ").");
        } else {
            out.println("Applied " + result.appliedCount() + " migration" + plural(result.appliedCount()) + " in "
                    + millis(result.duration()) + " (lock wait " + millis(result.lockWait()) + "); "
                    + appliedNow + " applied in total.");
        }
        for (String warning : result.warnings()) {
            out.println("warning: " + redactor.redact(warning));
        }
        problems(out, problems, redactor);
        out.flush();
    }

    /** What a migration took, as printed by migrate (also for those applied before a failure). */
    static String appliedLine(AppliedMigration m) {
        return "Applied " + m.tag() + " in " + millis(m.duration())
                + (m.transactional() ? "" : " (outside a transaction)");
    }

    /** A table of tag / state / created / applied time, then the counts and the problems. */
    static void status(PrintStream out, StatusReport report, List<Problem> problems, Redactor redactor) {
        out.println("Migrations in " + report.location() + ", recorded in " + report.table() + ":");
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MigrationInfo m : report.migrations()) {
            rows.add(new String[] {m.tag(), Problem.stateName(m.state(), false), time(m.folderMillis()),
                m.appliedTime().map(TextReport::time).orElse(m.isApplied() ? "(not recorded)" : "-")});
        }
        if (report.migrations().isEmpty()) {
            out.println("  (the folder has no migrations)");
        } else {
            table(out, rows);
        }
        out.println();
        out.println(counts(report));
        problems(out, problems, redactor);
        out.flush();
    }

    static void problems(PrintStream out, List<Problem> problems, Redactor redactor) {
        if (problems.isEmpty()) {
            return;
        }
        out.println("Problems:");
        for (Problem p : problems) {
            out.println("  - " + (p.blocking() ? "" : "(warning) ") + redactor.redact(p.message()));
        }
    }

    static String counts(StatusReport report) {
        int total = report.migrations().size() - report.unknown().size();
        StringBuilder line = new StringBuilder();
        line.append(total).append(" migration").append(plural(total)).append(": ")
                .append(report.withState(MigrationState.APPLIED).size()).append(" applied, ")
                .append(report.pending().size()).append(" pending");
        if (!report.edited().isEmpty()) {
            line.append(", ").append(report.edited().size()).append(" edited");
        }
        if (!report.outOfOrder().isEmpty()) {
            line.append(", ").append(report.outOfOrder().size()).append(" out of order");
        }
        if (!report.unknown().isEmpty()) {
            line.append("; ").append(report.unknown().size()).append(" row").append(plural(report.unknown().size()))
                    .append(" of unknown migrations");
        }
        line.append(report.isUpToDate() ? ". Up to date." : ".");
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

    private static String time(long epochMillis) {
        return time(Instant.ofEpochMilli(epochMillis));
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
}
