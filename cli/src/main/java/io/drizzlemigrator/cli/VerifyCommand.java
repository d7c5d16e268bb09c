package io.drizzlemigrator.cli;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.VerificationReport;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code verify}: runs the VERIFICATION QUERIES sections of the applied migrations and reports each result. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        defaultValueProvider = CliDefaults.class, sortOptions = false,
        description = {"Run the VERIFICATION QUERIES sections of the applied migrations (prepare writes them), each "
                + "in a read-only transaction with a 30 s statement timeout, and print each query with its result. "
                + "Changes nothing, takes no lock.",
            "Exits with 3 when a query returns false or no row, or fails."})
final class VerifyCommand extends MigratorCommand {

    VerifyCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute(DrizzleMigrator migrator) {
        VerificationReport report = migrator.verify();
        int code = report.passed() ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
        if (json()) {
            JsonReport.print(context.out(), json -> {
                JsonReport.outcome(json, name(), code);
                json.writeArrayFieldStart("queries");
                for (VerificationReport.Query q : report.queries()) {
                    json.writeStartObject();
                    json.writeStringField("file", q.file());
                    json.writeNumberField("line", q.line());
                    json.writeStringField("sql", q.sql());
                    if (q.result() == null) {
                        json.writeNullField("result");
                    } else {
                        json.writeBooleanField("result", q.result());
                    }
                    json.writeStringField("error", q.error());
                    json.writeEndObject();
                }
                json.writeEndArray();
            });
        } else if (summary()) {
            PrintStream out = context.out();
            for (VerificationReport.Query q : report.queries()) {
                out.println((q.passed() ? "true   " : q.error() != null ? "ERROR  " : q.result() == null ? "NO ROW "
                        : "FALSE  ") + q.file() + ":" + q.line() + "  " + q.sql()
                        + (q.error() != null ? "\n       " + context.redactor().redact(q.error()) : ""));
            }
            out.println(report.queries().size() + " verification queries, " + report.failures().size()
                    + " not true");
            out.flush();
        }
        return code;
    }
}
