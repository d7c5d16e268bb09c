package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Lints one migration file: its statements, its conventions, its suppression comments. */
final class FileLinter {

    private static final Comparator<LintFinding> BY_POSITION = Comparator.comparingInt(LintFinding::line)
            .thenComparingInt(LintFinding::column);

    private FileLinter() {
    }

    /**
     * @param preparer    splits the file into statements (the engine's {@link MigrationFile#prepare}, or its
     *                    cache of prepared migrations)
     * @param columnTypes column types learnt from the migrations linted before this one; updated
     */
    static List<LintFinding> lint(MigrationFile m, Function<MigrationFile, PreparedMigration> preparer,
            FolderContext folder, Map<String, ColumnType> columnTypes, LintConfig config) {
        Sink sink = new Sink(config);
        String sql = m.sql();
        Conventions.Header header = Conventions.header(sql);
        Suppressions suppressions = Suppressions.parse(sql, m.file(), header.endLine(), sink);

        PreparedMigration prepared = null;
        try {
            prepared = preparer.apply(m);
        } catch (MigrationSourceException e) {
            sink.add(new Draft(Rule.INVALID_FILE, m.file(), Math.max(e.line(), 0), 0, strip(e.getMessage(), m.file()),
                    "Close the quote, dollar quote or comment: no migrator can tell where its statements end.", null));
        }
        StatementRules rules = null;
        if (prepared != null) {
            rules = new StatementRules(m.file(), sink, columnTypes, prepared.transactional());
            int previousEnd = 0;
            for (PreparedMigration.Step step : prepared.statements()) {
                List<Token> tokens = step.statement().tokens();
                int lastLine = step.line();
                for (int i = tokens.size() - 1; i >= 0; i--) {
                    if (tokens.get(i).isSignificant()) {
                        lastLine = tokens.get(i).line();
                        break;
                    }
                }
                rules.statement(step.statement(), new Draft.Scope(step.line(), lastLine, previousEnd));
                previousEnd = lastLine;
            }
            VerificationRule.check(m.file(), prepared, sql, sink);
        }
        if (!Conventions.inert(prepared, sql)) {
            Conventions.header(m, header, rules, sink);
            if (rules != null) {
                Conventions.rollback(m, header, rules, folder, sink);
            }
            Conventions.autoName(m, folder.layout(), prepared, rules, sink);
        }

        List<LintFinding> findings = new ArrayList<>(sink.drafts().size());
        for (Draft d : sink.drafts()) {
            if (!suppressions.suppresses(d)) {
                findings.add(finding(d, config));
            }
        }
        Sink unused = new Sink(config);
        suppressions.reportUnused(m.file(), unused);
        for (Draft d : unused.drafts()) {
            findings.add(finding(d, config));
        }
        findings.sort(BY_POSITION);
        return findings;
    }

    static LintFinding finding(Draft d, LintConfig config) {
        return new LintFinding(d.rule().id(), config.severity(d.rule().id()).orElseThrow(), d.message(),
                d.alternative(), d.file(), d.line(), d.column());
    }

    /** A {@link MigrationSourceException} message without its {@code file:line: } prefix. */
    static String strip(String message, String file) {
        if (file != null && message.startsWith(file)) {
            int colon = message.indexOf(": ", file.length());
            if (colon >= 0) {
                return message.substring(colon + 2);
            }
        }
        return message;
    }
}
