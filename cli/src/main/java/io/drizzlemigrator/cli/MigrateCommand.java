package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.Problems;
import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.ValidationException;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code migrate}: applies the pending migrations and reports each one's time and the total. */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        defaultValueProvider = CliDefaults.class, sortOptions = false,
        description = {"Apply every pending migration of the folder, in journal order, holding a PostgreSQL "
                + "advisory lock so that concurrent runners wait for each other.",
            "Each migration runs in its own transaction (statements such as CREATE INDEX CONCURRENTLY outside one) "
                + "and is recorded in drizzle's bookkeeping table, as drizzle's own migrator does."})
final class MigrateCommand extends MigratorCommand {

    @Mixin
    MigrateOptions run;

    MigrateCommand(CliContext context) {
        super(context);
    }

    @Override
    void configure(MigratorConfiguration.Builder builder) {
        run.applyTo(builder);
    }

    @Override
    int execute(DrizzleMigrator migrator) {
        MigrateResult result = migrator.migrate();
        StatusView view = StatusCommand.view(result.status(), options, Problems.Purpose.MIGRATE);
        if (json()) {
            JsonReport.print(context.out(), json -> {
                JsonReport.outcome(json, name(), ExitCodes.OK);
                json.writeNumberField("durationMs", result.duration().toMillis());
                json.writeNumberField("lockWaitMs", result.lockWait().toMillis());
                json.writeNumberField("appliedCount", result.appliedCount());
                JsonReport.applied(json, "applied", result.applied());
                json.writeArrayFieldStart("warnings");
                for (String warning : result.warnings()) {
                    json.writeString(context.redactor().redact(SettingFlags.render(warning)));
                }
                json.writeEndArray();
                json.writeObjectFieldStart("status");
                JsonReport.status(json, view, context.redactor());
                json.writeEndObject();
            });
        } else if (summary()) {
            TextReport.migrate(context.out(), result, view);
        }
        return ExitCodes.OK;
    }

    @Override
    void jsonFailureDetails(JsonGenerator json, RuntimeException error) throws IOException {
        if (error instanceof MigrationFailedException failed) {
            JsonReport.applied(json, "applied", failed.appliedBefore());
        } else if (error instanceof ValidationException invalid && invalid.status() != null) {
            json.writeObjectFieldStart("status");
            JsonReport.status(json, StatusCommand.view(invalid.status(), options, Problems.Purpose.MIGRATE),
                    context.redactor());
            json.writeEndObject();
        }
    }

    @Override
    void textFailureDetails(RuntimeException error) {
        if (error instanceof MigrationFailedException failed) {
            for (AppliedMigration m : failed.appliedBefore()) {
                context.out().println(TextReport.appliedLine(m));
            }
            int before = failed.appliedBefore().size();
            context.out().println("Failed " + failed.tag() + " (" + failed.file() + ":" + failed.line() + ")"
                    + (before == 0 ? "." : "; the " + TextReport.count(before, "migration")
                    + " applied before it stay" + (before == 1 ? "s" : "") + " applied."));
        } else if (error instanceof ValidationException invalid && invalid.status() != null) {
            TextReport.problems(context.out(), StatusCommand.view(invalid.status(), options,
                    Problems.Purpose.MIGRATE), context.redactor());
        }
        context.out().flush();
    }
}
