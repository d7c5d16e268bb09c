package io.drizzlemigrator.internal;

import io.drizzlemigrator.LintMode;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.internal.fanout.RepeatedLines;
import io.drizzlemigrator.internal.lint.FolderLinter;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFailedException;
import io.drizzlemigrator.lint.LintFinding;
import io.drizzlemigrator.lint.LintReport;
import io.drizzlemigrator.lint.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The startup lint: the migrations a run is about to apply (never applied history) are linted with the folder's
 * configuration; the run gets one summary line (logged, and added to its warnings), each finding is logged at DEBUG,
 * and in {@link LintMode#FAIL} error-level findings refuse the run before anything is applied.
 *
 * <p>The organisation's conventions ({@link #CONVENTIONS}) apply only after the baseline: a first run (a database
 * with no migration applied yet) adopts the whole folder as it is, so its files are not held to conventions they
 * were written without; every later run's pending migrations are after that baseline and are held to them.
 */
final class LintGate {

    /** The rules about how a file is written rather than what it does to the database. */
    static final Set<String> CONVENTIONS = Set.of("missing-header", "missing-rollback", "auto-name");

    /** Initialised on first use, not with this class: see {@code Engine.Log}. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger("io.drizzlemigrator.DrizzleMigrator");
    }

    private final LintMode mode;
    private final ClassLoader classLoader;

    LintGate(LintMode mode, ClassLoader classLoader) {
        this.mode = mode;
        this.classLoader = classLoader;
    }

    /**
     * Lints {@code toRun}; adds a summary to {@code warnings} when there are findings.
     *
     * @param prepared the run's prepared migrations (each file is lexed once per run)
     * @param before the state found, for the baseline and the refusal's report
     * @throws LintFailedException in {@link LintMode#FAIL}, when a finding is an error
     */
    void check(LoadedFolder folder, List<String> toRun, PreparedCache prepared, StatusReport before,
            List<String> warnings) {
        if (mode == LintMode.OFF || toRun.isEmpty()) {
            return;
        }
        Set<String> tags = new HashSet<>(toRun);
        LintConfig config = LintConfig.defaults();
        LintReport report = FolderLinter.lintMigrations(folder, classLoader, m -> tags.contains(m.tag()),
                prepared, config);
        if (before.applied().isEmpty()) {
            report = new LintReport(report.findings().stream().filter(f -> !CONVENTIONS.contains(f.ruleId()))
                    .toList());
        }
        for (LintFinding f : report.findings()) {
            Log.LOG.debug("lint: {}", f);
        }
        if (report.isEmpty()) {
            return;
        }
        if (mode == LintMode.FAIL && report.hasErrors()) {
            throw new LintFailedException(report, before);
        }
        String summary = summary(report, toRun.size());
        if (RepeatedLines.first(summary)) {
            Log.LOG.warn(summary);
        } else {
            Log.LOG.debug("{} (as for an earlier target of this fan-out)", summary);
        }
        warnings.add(summary);
    }

    /**
     * One line: how many findings in how many migrations, per rule, and how many would refuse the run in
     * {@link LintMode#FAIL} ("lint mode", which every face's setting is called: a logged line cannot be spelled per
     * face). Never "errors": this run goes on.
     */
    static String summary(LintReport report, int migrations) {
        StringJoiner rules = new StringJoiner(", ");
        for (Map.Entry<String, Integer> rule : report.countsByRule().entrySet()) {
            rules.add(rule.getKey() + " " + rule.getValue());
        }
        int refusing = report.count(Severity.ERROR);
        int findings = report.findings().size();
        return "lint: " + findings + " finding" + (findings == 1 ? "" : "s") + " in the " + migrations
                + " migration" + (migrations == 1 ? "" : "s") + " applied by this run (" + rules + ")"
                + (refusing == 0 ? "" : "; " + refusing + " of them would refuse the run with lint mode fail")
                + "; run `drizzle-migrator lint` for details (rules in docs/lint-rules.md)";
    }
}
