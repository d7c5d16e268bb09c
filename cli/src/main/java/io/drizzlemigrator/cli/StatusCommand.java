package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.ValidationException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code status}: shows every migration's state without changing anything or taking the lock. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        defaultValueProvider = CliDefaults.class, sortOptions = false,
        description = {"Show every migration of the folder with its state (applied, pending, edited, out of order) "
                + "and the rows of the bookkeeping table that match no file. Changes nothing, takes no lock.",
            "Exits with 3 when a migration is out of order, or edited while --edited=fail."})
final class StatusCommand extends MigratorCommand {

    StatusCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute(DrizzleMigrator migrator) {
        StatusReport report = migrator.status();
        List<Problem> problems = Problem.of(report, options.edited, false);
        int code = Problem.anyBlocking(problems) ? ExitCodes.PROBLEMS_FOUND : ExitCodes.OK;
        report(report, problems, code, context, this);
        return code;
    }

    /** Prints a status report as status and validate do: a JSON document, or the table and the problems. */
    static void report(StatusReport report, List<Problem> problems, int code, CliContext context,
            MigratorCommand command) {
        if (command.json()) {
            JsonReport.print(context.out(), json -> {
                JsonReport.outcome(json, command.name(), code);
                JsonReport.status(json, report, problems, context.redactor());
            });
        } else if (command.summary()) {
            TextReport.status(context.out(), report, problems, context.redactor());
        }
    }

    @Override
    void jsonFailureDetails(JsonGenerator json, RuntimeException error) throws IOException {
        if (error instanceof ValidationException invalid && invalid.status() != null) {
            JsonReport.status(json, invalid.status(), Problem.of(invalid.status(), options.edited, false),
                    context.redactor());
        }
    }
}
