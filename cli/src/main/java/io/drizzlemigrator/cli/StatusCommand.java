package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.Problems;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.ValidationException;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code status}: shows every migration's state without changing anything or taking the lock. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        defaultValueProvider = CliDefaults.class, sortOptions = false,
        description = {"Show every migration of the folder with its state (applied, pending, edited, out of order) "
                + "and the rows of the bookkeeping table that match no file. Changes nothing, takes no lock.",
            "Exits with 3 when a migration is out of order while --out-of-order=fail (the default), or edited while "
                + "--edited=fail."})
final class StatusCommand extends MigratorCommand {

    StatusCommand(CliContext context) {
        super(context);
    }

    /** Problems name the command line's options: {@code --out-of-order=apply}. */
    static final Problems.Spelling OPTIONS = SettingFlags::spell;

    @Override
    int execute(DrizzleMigrator migrator) {
        StatusView view = view(migrator.status(), options, Problems.Purpose.STATUS);
        int code = view.problems().stream().anyMatch(p -> p.blocking()) ? ExitCodes.PROBLEMS_FOUND : ExitCodes.OK;
        report(view, code, context, this);
        return code;
    }

    /** Core's view of a report, its problems weighed by core for {@code purpose} under the given options' policies. */
    static StatusView view(StatusReport report, CommonOptions options, Problems.Purpose purpose) {
        return StatusView.of(null, report, Problems.of(report, options.outOfOrder, options.edited, purpose, OPTIONS),
                null, null);
    }

    /** Prints a status view as status and validate do: a JSON document, or the table and the problems. */
    static void report(StatusView view, int code, CliContext context, MigratorCommand command) {
        if (command.json()) {
            JsonReport.print(context.out(), json -> {
                JsonReport.outcome(json, command.name(), code);
                JsonReport.status(json, view, context.redactor());
            });
        } else if (command.summary()) {
            TextReport.status(context.out(), view, context.redactor());
        }
    }

    @Override
    void jsonFailureDetails(JsonGenerator json, RuntimeException error) throws IOException {
        if (error instanceof ValidationException invalid && invalid.status() != null) {
            JsonReport.status(json, view(invalid.status(), options, Problems.Purpose.STATUS), context.redactor());
        }
    }
}
