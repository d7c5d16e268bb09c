package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFinding;
import io.drizzlemigrator.lint.LintReport;
import io.drizzlemigrator.lint.MigrationLinter;
import io.drizzlemigrator.lint.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lint}: checks a migration folder without a database, for statements that lock or break production, the
 * organisation's conventions and the journal's consistency. Prints text, a JSON document or GitHub annotations;
 * exits with {@link ExitCodes#LINT_ERRORS} when an error-level rule fires.
 */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        defaultValueProvider = CliDefaults.class, sortOptions = false,
        description = {"Lint the migration folder: statements that lock or rewrite tables, break running instances "
                + "or fail on retry, with the safe alternative spelled out; the header, rollback-file and naming "
                + "conventions; and meta/_journal.json (stray and missing files, duplicates, the order of \"when\"). "
                + "Needs no database. The rules are described in docs/lint-rules.md.",
            "Suppress a finding with -- drizzle-migrator:ignore <rule-id> <reason> before the statement, or for a "
                + "whole file with -- drizzle-migrator:ignore-file <rule-id> <reason> in its header.",
            "Exits with 5 when a rule of severity error fires."})
final class LintCommand implements Callable<Integer> {

    @Option(names = {"--dir", "--location"}, paramLabel = "<dir>",
            description = {"The drizzle migrations folder: a path, or classpath:<path>.", "Default: ${DEFAULT-VALUE}."})
    String dir;

    @Option(names = "--format", paramLabel = "text|json|github",
            description = {"text: findings with their safe alternatives; json: one JSON document; github: workflow "
                    + "annotations (::error file=...,line=...::...) for GitHub Actions.", "Default: text."})
    String format = "text";

    @Option(names = "--config", paramLabel = "<file>",
            description = "A drizzle-lint.json whose settings apply on top of the folder's own drizzle-lint.json.")
    Path config;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    LintCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json") && !f.equals("github")) {
            throw new ParameterException(spec.commandLine(), "--format is '" + format + "'; use text, json or github");
        }
        Logging.configure(false, false, false);
        LintReport report;
        try {
            LintConfig settings = config != null ? LintConfig.fromJson(config) : LintConfig.defaults();
            report = MigrationLinter.lint(dir, null, settings);
        } catch (RuntimeException e) {
            return fail(f, e);
        }
        int code = report.hasErrors() ? ExitCodes.LINT_ERRORS : ExitCodes.OK;
        switch (f) {
            case "json" -> json(report, code);
            case "github" -> github(report);
            default -> context.out().print(report.toText());
        }
        context.out().flush();
        return code;
    }

    private int fail(String f, RuntimeException error) {
        int code = ExitCodes.of(error, "lint");
        if (f.equals("json")) {
            JsonReport.print(context.out(), json -> {
                JsonReport.outcome(json, "lint", code);
                JsonReport.error(json, error, Errors.message(error), context.redactor());
            });
        }
        context.error(Errors.expected(error) ? Errors.message(error)
                : Errors.message(error) + "\n" + Errors.stackTrace(error));
        return code;
    }

    private void json(LintReport report, int code) {
        JsonReport.print(context.out(), json -> {
            JsonReport.outcome(json, "lint", code);
            json.writeStringField("location", dir);
            json.writeObjectFieldStart("counts");
            json.writeNumberField("errors", report.count(Severity.ERROR));
            json.writeNumberField("warnings", report.count(Severity.WARNING));
            json.writeNumberField("infos", report.count(Severity.INFO));
            json.writeEndObject();
            json.writeObjectFieldStart("rules");
            for (Map.Entry<String, Integer> e : report.countsByRule().entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("findings");
            for (LintFinding finding : report.findings()) {
                finding(json, finding);
            }
            json.writeEndArray();
        });
    }

    private static void finding(JsonGenerator json, LintFinding f) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", f.ruleId());
        json.writeStringField("severity", f.severity().id());
        json.writeStringField("file", f.file());
        json.writeNumberField("line", f.line());
        json.writeNumberField("column", f.column());
        json.writeStringField("message", f.message());
        json.writeStringField("safeAlternative", f.safeAlternative());
        json.writeEndObject();
    }

    /**
     * GitHub Actions workflow commands, one per finding:
     * {@code ::error file=<path>,line=<n>,col=<n>,title=<rule>::<message>}
     * ({@code ::notice} for info), the safe alternative on the following lines of the message.
     */
    private void github(LintReport report) {
        PrintStream out = context.out();
        String base = folderPath();
        for (LintFinding f : report.findings()) {
            StringBuilder line = new StringBuilder("::").append(switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            });
            line.append(" file=").append(property(base + f.file()));
            if (f.line() > 0) {
                line.append(",line=").append(f.line());
                if (f.column() > 0) {
                    line.append(",col=").append(f.column());
                }
            }
            line.append(",title=").append(property(f.ruleId())).append("::").append(data(f.message()));
            if (!f.safeAlternative().isEmpty()) {
                line.append(data("\n" + f.safeAlternative()));
            }
            out.println(line);
        }
        out.println(report.summary());
    }

    /** The folder as a path prefix relative to the workspace, for annotation file names. */
    private String folderPath() {
        if (dir.startsWith("classpath:")) {
            return "";
        }
        String d = dir.startsWith("filesystem:") ? dir.substring("filesystem:".length()) : dir;
        d = d.replace('\\', '/');
        while (d.startsWith("./")) {
            d = d.substring(2);
        }
        if (d.isEmpty() || d.equals(".")) {
            return "";
        }
        return d.endsWith("/") ? d : d + "/";
    }

    /** Escapes a workflow command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
