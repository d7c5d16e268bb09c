package io.drizzlemigrator.cli;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrationPlan;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.Problems;
import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.TransactionMode;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code plan}: what migrate would run, statement by statement, with the lock modes each takes on each table, for a
 * review before merge. Prints core's {@link MigrationPlan} as text, JSON or Markdown (a pull-request comment).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        defaultValueProvider = CliDefaults.class, sortOptions = false,
        description = {"Show what migrate would run: each pending migration in the segments the executor runs (in a "
                + "transaction or outside one), and for each statement its line, kind, the tables it touches with "
                + "their size, the lock modes it takes on each (derived from PostgreSQL's lock table), whether it "
                + "rewrites or scans a table, and its lint findings. Read-only: no lock, no write, no bookkeeping "
                + "table created.",
            "With --trace the locks are also measured: on a scratch database (created beside the target and "
                + "dropped, or --scratch-url), the applied migrations are replayed and each pending statement is run "
                + "and its locks read from pg_locks. The target is never touched.",
            "Exits with 3 when migrate would refuse the state (an out-of-order migration while --out-of-order=fail, "
                + "an edited one while --edited=fail)."})
final class PlanCommand extends MigratorCommand {

    /** The output formats. */
    enum Format { TEXT, JSON, MARKDOWN }

    @Option(names = "--format", paramLabel = "text|json|markdown",
            description = {"text for a terminal, json for tools, markdown for a pull-request comment.",
                    "Default: text (json with --json)."})
    String format;

    @Option(names = "--trace", description = "Also measure the locks on a scratch database (never the target).")
    boolean trace;

    @Option(names = "--scratch-url", paramLabel = "<url>",
            description = {"An empty database for --trace to fill, instead of one created beside the target (which "
                    + "needs CREATEDB). It is neither emptied nor dropped."})
    String scratchUrl;

    @Option(names = "--transaction-mode", paramLabel = "per-migration|all-in-one",
            description = {"As for migrate: the plan shows the segments migrate would run with it.",
                    "Default: ${DEFAULT-VALUE}."})
    TransactionMode transactionMode;

    PlanCommand(CliContext context) {
        super(context);
    }

    @Override
    void configure(MigratorConfiguration.Builder builder) {
        builder.transactionMode(transactionMode);
    }

    private Format format() {
        if (format == null) {
            return options.json ? Format.JSON : Format.TEXT;
        }
        try {
            Format f = Format.valueOf(format.toUpperCase(Locale.ROOT));
            if (options.json && f != Format.JSON) {
                throw new ParameterException(spec.commandLine(), "--json and --format " + format
                        + " exclude each other: choose one");
            }
            return f;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--format': '" + format
                    + "' is not one of text, json, markdown");
        }
    }

    @Override
    boolean json() {
        return options.json || "json".equalsIgnoreCase(format);
    }

    @Override
    boolean summary() {
        return !json() && !options.quiet;
    }

    @Override
    int execute(DrizzleMigrator migrator) {
        Format f = format();
        if (scratchUrl != null && !trace) {
            throw new ParameterException(spec.commandLine(), "--scratch-url is for --trace: add --trace");
        }
        MigrationPlan plan = migrator.plan(!trace ? MigrationPlan.Trace.none()
                : scratchUrl != null ? MigrationPlan.Trace.scratchUrl(scratchUrl) : MigrationPlan.Trace.scratchDatabase());
        StatusView view = StatusCommand.view(plan.status(), options, Problems.Purpose.STATUS);
        int code = view.problems().stream().anyMatch(p -> p.blocking()) ? ExitCodes.PROBLEMS_FOUND : ExitCodes.OK;
        switch (f) {
            case JSON -> JsonReport.print(context.out(), json -> {
                JsonReport.outcome(json, name(), code);
                JsonReport.fields(json, plan.toMap(), context.redactor());
            });
            case MARKDOWN -> context.out().print(context.redactor().redact(PlanReport.markdown(plan, view)));
            case TEXT -> {
                if (!options.quiet) {
                    context.out().print(context.redactor().redact(PlanReport.text(plan, view)));
                }
            }
        }
        context.out().flush();
        return code;
    }
}
