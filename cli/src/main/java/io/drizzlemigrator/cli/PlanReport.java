package io.drizzlemigrator.cli;

import io.drizzlemigrator.MigrationPlan;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.Problem;
import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.lint.LintFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders core's {@link MigrationPlan}: as text for a terminal, as Markdown for a pull-request comment (one table
 * per migration, a summary of what blocks reads or writes first). Decides nothing: every fact is the model's.
 */
final class PlanReport {

    private PlanReport() {
    }

    static String text(MigrationPlan plan, StatusView view) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for ").append(plan.location()).append(" (").append(plan.table()).append("): ")
                .append(counts(plan)).append(plan.traced() ? "; locks traced on a scratch database" : "")
                .append(plan.oneTransaction() ? "; the whole run is one transaction (its locks held until the end)"
                        : "").append('\n');
        for (MigrationPlan.Migration m : plan.migrations()) {
            out.append('\n').append(m.tag()).append(" (").append(state(m.state())).append(')')
                    .append(m.file() == null ? "" : " " + m.file()).append('\n');
            for (MigrationPlan.Segment s : m.segments()) {
                out.append("  ").append(segment(s)).append('\n');
                for (MigrationPlan.Statement st : s.statements()) {
                    out.append("    line ").append(st.line()).append("  ").append(st.kind())
                            .append(st.rewrite() ? "  REWRITES" : st.scan() ? "  scans" : "").append('\n');
                    out.append("      ").append(firstLine(st.sql())).append('\n');
                    for (Map.Entry<String, List<String>> rel : locksByRelation(st).entrySet()) {
                        out.append("      ").append(rel.getKey()).append(size(st, rel.getKey())).append(": ")
                                .append(String.join(", ", rel.getValue())).append('\n');
                    }
                    if (st.traceError() != null) {
                        out.append("      trace failed: ").append(st.traceError()).append('\n');
                    }
                    for (LintFinding f : st.lint()) {
                        out.append("      lint ").append(f.severity().id()).append(" [").append(f.ruleId())
                                .append("] ").append(f.message()).append('\n');
                    }
                }
            }
            for (LintFinding f : m.lint()) {
                out.append("  lint ").append(f.severity().id()).append(" [").append(f.ruleId()).append("] ")
                        .append(f.message()).append('\n');
            }
        }
        problems(out, view, "Problems:", "  - ");
        return out.toString();
    }

    static String markdown(MigrationPlan plan, StatusView view) {
        StringBuilder out = new StringBuilder("## drizzle-migrator plan\n\n");
        out.append("`").append(plan.location()).append("`: ").append(counts(plan))
                .append(plan.traced() ? "; lock modes **traced** on a scratch database as well as derived" : "")
                .append(plan.oneTransaction() ? "; **the whole run is one transaction**: every lock below is held"
                        + " until the last migration commits" : "")
                .append(".\n\n");
        List<String> blocking = new ArrayList<>();
        int onNewTables = 0;
        for (MigrationPlan.Migration m : plan.migrations()) {
            for (MigrationPlan.Segment s : m.segments()) {
                for (MigrationPlan.Statement st : s.statements()) {
                    for (MigrationPlan.Lock l : st.locks(plan.traced() ? MigrationPlan.TRACED : MigrationPlan.DERIVED)) {
                        if (st.keepsTheApplicationWaiting(l)) {
                            blocking.add("`" + m.file() + ":" + st.line() + "` " + st.kind() + ": **"
                                    + (l.blocksReads() ? "blocks reads and writes" : "blocks writes") + "** on `"
                                    + l.relation() + "`" + size(st, l.relation()) + (s.transactional()
                                    ? " until its transaction commits" : ""));
                        } else if (l.blocksWrites()) {
                            onNewTables++;
                        }
                    }
                }
            }
        }
        if (!blocking.isEmpty()) {
            out.append("<details><summary>").append(blocking.size())
                    .append(" lock(s) on existing tables that keep the application waiting</summary>\n\n");
            blocking.forEach(b -> out.append("- ").append(b).append('\n'));
            out.append("\n</details>\n\n");
        } else {
            out.append("No lock on an existing table keeps the application waiting.\n\n");
        }
        if (onNewTables > 0) {
            out.append(onNewTables).append(" more lock(s) that block writes are on tables this plan creates, which no")
                    .append(" application uses yet.\n\n");
        }
        for (MigrationPlan.Migration m : plan.migrations()) {
            out.append("### ").append(m.tag()).append(" (").append(state(m.state())).append(")\n\n");
            for (MigrationPlan.Segment s : m.segments()) {
                out.append("_").append(segment(s)).append("_\n\n")
                        .append("| line | statement | kind | locks | rewrite | scan | lint |\n")
                        .append("|---|---|---|---|---|---|---|\n");
                for (MigrationPlan.Statement st : s.statements()) {
                    List<String> locks = new ArrayList<>();
                    locksByRelation(st).forEach((rel, modes) -> locks.add("`" + cell(rel) + "`" + size(st, rel)
                            + ": " + String.join(", ", modes)));
                    List<String> lint = new ArrayList<>();
                    st.lint().forEach(f -> lint.add(f.severity().id() + " `" + cell(f.ruleId()) + "`"));
                    out.append("| ").append(st.line()).append(" | `").append(cell(firstLine(st.sql())))
                            .append("` | ").append(cell(st.kind())).append(" | ").append(String.join("<br>", locks))
                            .append(" | ").append(yesNo(st.rewrite(), st.tracedRewrite()))
                            .append(" | ").append(st.scan() ? "yes" : "no").append(" | ")
                            .append(String.join("<br>", lint)).append(st.traceError() == null ? ""
                                    : "<br>trace failed: " + cell(st.traceError())).append(" |\n");
                }
                out.append('\n');
            }
            for (LintFinding f : m.lint()) {
                out.append("- lint ").append(f.severity().id()).append(" `").append(f.ruleId()).append("`: ")
                        .append(f.message()).append('\n');
            }
        }
        problems(out, view, "### Problems\n", "- ");
        return out.toString();
    }

    /** Each relation of a statement with its modes: derived ones, and traced ones marked so. */
    private static Map<String, List<String>> locksByRelation(MigrationPlan.Statement st) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (MigrationPlan.Lock l : st.locks()) {
            out.computeIfAbsent(l.relation(), r -> new ArrayList<>()).add(l.mode() + " (" + l.source() + ")");
        }
        return out;
    }

    private static String size(MigrationPlan.Statement st, String relation) {
        for (MigrationPlan.Relation r : st.relations()) {
            if (r.name().equals(relation)) {
                return r.exists() ? " (~" + Math.max(0, r.rows()) + " rows, " + bytes(r.totalBytes()) + ")"
                        : " (created by the plan)";
            }
        }
        return "";
    }

    static String bytes(long n) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String segment(MigrationPlan.Segment s) {
        return s.transactional() ? "in one transaction (its locks held until it commits):"
                : "outside a transaction (each statement commits on its own):";
    }

    private static String yesNo(boolean derived, Boolean traced) {
        return (derived ? "yes" : "no") + (traced == null ? "" : " (traced: " + (traced ? "yes" : "no") + ")");
    }

    private static String counts(MigrationPlan plan) {
        Map<MigrationState, Integer> c = plan.counts();
        return c.get(MigrationState.PENDING) + " pending, " + c.get(MigrationState.OUT_OF_ORDER) + " out of order, "
                + c.get(MigrationState.EDITED) + " edited, " + c.get(MigrationState.UNKNOWN) + " unknown";
    }

    private static String state(MigrationState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String firstLine(String sql) {
        String s = sql.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).stripTrailing() + " ...";
    }

    /** Text safe in a Markdown table cell. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("`", "'").replace("\n", " ");
    }

    private static void problems(StringBuilder out, StatusView view, String heading, String bullet) {
        if (view.problems().isEmpty()) {
            return;
        }
        out.append('\n').append(heading).append('\n');
        for (Problem p : view.problems()) {
            out.append(bullet).append(p.severity() == Problem.Severity.BLOCKING ? ""
                    : "(" + p.severity().name().toLowerCase(Locale.ROOT) + ") ").append(p.message()).append('\n');
        }
    }
}
