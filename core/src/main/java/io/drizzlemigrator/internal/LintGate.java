package io.drizzlemigrator.internal;

import io.drizzlemigrator.LintMode;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.internal.lint.FolderLinter;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFailedException;
import io.drizzlemigrator.lint.LintFinding;
import io.drizzlemigrator.lint.LintReport;
import io.drizzlemigrator.lint.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The startup lint: the migrations a run is about to apply (never applied history) are linted with the folder's
 * configuration; findings are logged, and in {@link LintMode#FAIL} error-level findings refuse the run before
 * anything is applied.
 */
final class LintGate {

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
     * @param before the state found, for the refusal's report
     * @throws LintFailedException in {@link LintMode#FAIL}, when a finding is an error
     */
    void check(LoadedFolder folder, List<String> toRun, PreparedCache prepared, StatusReport before,
            List<String> warnings) {
        if (mode == LintMode.OFF || toRun.isEmpty()) {
            return;
        }
        Set<String> tags = new HashSet<>(toRun);
        LintReport report = FolderLinter.lintMigrations(folder, classLoader, m -> tags.contains(m.tag()),
                prepared, LintConfig.defaults());
        for (LintFinding f : report.findings()) {
            if (f.severity() == Severity.INFO) {
                Log.LOG.info("lint: {}", f);
            } else {
                Log.LOG.warn("lint: {}", f);
            }
        }
        if (report.isEmpty()) {
            return;
        }
        if (mode == LintMode.FAIL && report.hasErrors()) {
            throw new LintFailedException(report, before);
        }
        warnings.add("lint: " + report.summary() + " in the migrations applied by this run (see the log; rules in"
                + " docs/lint-rules.md)");
    }
}
