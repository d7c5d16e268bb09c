package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.Problems;
import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.ValidationException;
import java.io.IOException;
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
        StatusView view = StatusCommand.view(migrator.validate(), options, Problems.Purpose.VALIDATE);
        if (json()) {
            StatusCommand.report(view, ExitCodes.OK, context, this);
        } else if (summary()) {
            context.out().println("Valid: " + TextReport.counts(view));
            TextReport.problems(context.out(), view, context.redactor());
            context.out().flush();
        }
        return ExitCodes.OK;
    }

    @Override
    void jsonFailureDetails(JsonGenerator json, RuntimeException error) throws IOException {
        if (error instanceof ValidationException invalid && invalid.status() != null) {
            JsonReport.status(json, StatusCommand.view(invalid.status(), options, Problems.Purpose.VALIDATE),
                    context.redactor());
        }
    }

    @Override
    void textFailureDetails(RuntimeException error) {
        if (error instanceof ValidationException invalid && invalid.status() != null) {
            TextReport.status(context.out(), StatusCommand.view(invalid.status(), options, Problems.Purpose.VALIDATE),
                    context.redactor());
        }
    }
}
