package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.ValidationException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code validate}: succeeds only when every migration is applied, none out of order and (per policy) none edited. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        defaultValueProvider = CliDefaults.class, sortOptions = false,
        description = {"Check that the database has every migration of the folder: nothing pending, nothing out of "
                + "order and, with --edited=fail, no applied file edited since. Changes nothing, takes no lock.",
            "Exits with 3 when the check fails, for example as a deployment gate after migrate."})
final class ValidateCommand extends MigratorCommand {

    ValidateCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute(DrizzleMigrator migrator) {
        StatusReport report = migrator.validate();
        List<Problem> problems = Problem.of(report, options.edited, true);
        if (json()) {
            StatusCommand.report(report, problems, ExitCodes.OK, context, this);
        } else if (summary()) {
            context.out().println("Valid: " + TextReport.counts(report));
            TextReport.problems(context.out(), problems, context.redactor());
            context.out().flush();
        }
        return ExitCodes.OK;
    }

    @Override
    void jsonFailureDetails(JsonGenerator json, RuntimeException error) throws IOException {
        if (error instanceof ValidationException invalid && invalid.status() != null) {
            JsonReport.status(json, invalid.status(), Problem.of(invalid.status(), options.edited, true),
                    context.redactor());
        }
    }

    @Override
    void textFailureDetails(RuntimeException error) {
        if (error instanceof ValidationException invalid && invalid.status() != null) {
            TextReport.status(context.out(), invalid.status(), Problem.of(invalid.status(), options.edited, true),
                    context.redactor());
        }
    }
}
