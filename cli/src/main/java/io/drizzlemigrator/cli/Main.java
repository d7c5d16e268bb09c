package io.drizzlemigrator.cli;

import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.LintMode;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.TransactionMode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code java -jar drizzle-migrator.jar <migrate|status|validate> [options]}.
 *
 * <p>{@link #run} does everything but exit, so that tests (and tools embedding the command line) can run it
 * in-process with their own streams and environment. The exit codes are those of {@link ExitCodes}.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs one command.
     *
     * @param args the arguments, subcommand first
     * @param out where the summary, the JSON document, {@code --help} and {@code --version} go
     * @param err where error lines and usage errors go (logs go to {@code System.err})
     * @param env the environment ({@code DATABASE_URL}, {@code PGPASSWORD})
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CliContext context = new CliContext(out, err, Map.copyOf(env), Redactor.of(args, env));
        return commandLine(context).execute(args);
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new RootCommand());
        for (MigratorCommand command : List.of(new MigrateCommand(context), new FanOutCommand(context),
                new StatusCommand(context), new ValidateCommand(context), new PlanCommand(context),
                new VerifyCommand(context))) {
            cli.addSubcommand(command);
        }
        cli.addSubcommand(new LintCommand(context));
        cli.addSubcommand(new PrepareCommand(context));
        // registered after the subcommands: picocli applies these settings to the subcommands present
        cli.registerConverter(Duration.class, new DurationConverter());
        cli.registerConverter(OutOfOrderPolicy.class, new EnumConverter<>(OutOfOrderPolicy.class));
        cli.registerConverter(EditedMigrationPolicy.class, new EnumConverter<>(EditedMigrationPolicy.class));
        cli.registerConverter(LintMode.class, new EnumConverter<>(LintMode.class));
        cli.registerConverter(TransactionMode.class, new EnumConverter<>(TransactionMode.class));
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.setParameterExceptionHandler((error, args) -> usageError(context, error, args));
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            // the commands handle their own failures: this is a bug in the command line itself
            context.error(Errors.message(error));
            context.err().print(context.redactor().redact(Errors.stackTrace(error)));
            context.err().flush();
            return ExitCodes.of(error, commandLine.getCommandName());
        });
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.descriptions(cli.getCommandName()));
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCodes.descriptions(sub.getCommandName()));
            nameTheSettings(sub.getCommandSpec());
        }
        return cli;
    }

    /**
     * Ends each option's description with the property that sets the same thing in the Spring Boot starter and the
     * Micronaut module ({@code Property: drizzle.migrations.large-table-rows.}), from the one table of
     * {@link SettingFlags}. The options are removed and added back in their order, as picocli's are immutable.
     */
    private static void nameTheSettings(CommandSpec spec) {
        List<OptionSpec> options = List.copyOf(spec.options());
        options.forEach(spec::remove);
        for (OptionSpec option : options) {
            Optional<String> property = Optional.empty();
            for (String name : option.names()) {
                property = property.or(() -> SettingFlags.property(name));
            }
            if (property.isEmpty()) {
                spec.addOption(option);
                continue;
            }
            OptionSpec.Builder rebuilt = option.toBuilder();
            List<String> description = new ArrayList<>(List.of(rebuilt.description())); // as written: ${DEFAULT-VALUE}
            description.add("Property: " + property.get() + ".");
            spec.addOption(rebuilt.description(description.toArray(String[]::new)).build());
        }
    }

    private static int usageError(CliContext context, ParameterException error, String[] args) {
        StringBuilder line = new StringBuilder(error.getMessage());
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
        }
        line.append(". See '").append(error.getCommandLine().getCommandSpec().qualifiedName()).append(" --help'.");
        if (wantsJson(args)) {
            // the arguments did not parse, so --json is looked for in them: a script reading stdout still gets JSON
            JsonReport.print(context.out(), json -> {
                JsonReport.outcome(json, error.getCommandLine().getCommandName(), ExitCodes.USAGE);
                JsonReport.error(json, "usage", context.redactor().redact(line.toString()));
            });
        }
        context.error(line.toString());
        return ExitCodes.USAGE;
    }

    /** Whether the arguments ask for a JSON document: {@code --json}, or lint's {@code --format json}. */
    static boolean wantsJson(String[] args) {
        List<String> list = List.of(args);
        int format = list.indexOf("--format");
        return list.contains("--json") || list.contains("--format=json")
                || format >= 0 && format + 1 < list.size() && list.get(format + 1).equals("json");
    }
}
