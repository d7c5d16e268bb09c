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
import picocli.CommandLine.ParseResult;
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
        return commandLine(context, args).execute(args);
    }

    /** The command line with every subcommand, as {@code --help} and the tests see it. */
    static CommandLine commandLine(CliContext context) {
        return commandLine(context, new String[] {"--help"});
    }

    /**
     * The command line for {@code args}. Building a subcommand's model is most of the command line's own start-up
     * (picocli reflects over every option of it): when the first argument names a subcommand, only that one is built,
     * and the property names and exit codes that only help shows are added only when help is asked for. Anything else
     * (no command, a mistyped one, the root's help) gets every subcommand, for the usage and the suggestions.
     */
    static CommandLine commandLine(CliContext context, String[] args) {
        String only = args.length > 0 ? args[0] : "";
        boolean help = asksForHelp(args);
        CommandLine cli = new CommandLine(new RootCommand());
        boolean known = false;
        for (String name : COMMANDS) {
            if (name.equals(only)) {
                known = true;
            }
        }
        for (String name : COMMANDS) {
            if (!known || name.equals(only)) {
                cli.addSubcommand(command(name, context));
            }
        }
        // registered after the subcommands: picocli applies these settings to the subcommands present
        cli.registerConverter(Duration.class, new DurationConverter());
        cli.registerConverter(OutOfOrderPolicy.class, new EnumConverter<>(OutOfOrderPolicy.class));
        cli.registerConverter(EditedMigrationPolicy.class, new EnumConverter<>(EditedMigrationPolicy.class));
        cli.registerConverter(LintMode.class, new EnumConverter<>(LintMode.class));
        cli.registerConverter(TransactionMode.class, new EnumConverter<>(TransactionMode.class));
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        Handlers handlers = new Handlers(context);
        cli.setParameterExceptionHandler(handlers);
        cli.setExecutionExceptionHandler(handlers);
        if (help || !known) {
            cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCodes.descriptions(cli.getCommandName()));
            for (CommandLine sub : cli.getSubcommands().values()) {
                sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                        .exitCodeList(ExitCodes.descriptions(sub.getCommandName()));
                nameTheSettings(sub.getCommandSpec());
            }
        }
        return cli;
    }

    /** The subcommands, in the order help lists them. */
    private static final String[] COMMANDS = {"migrate", "fanout", "status", "validate", "plan", "verify", "lint",
        "prepare"};

    private static Object command(String name, CliContext context) {
        switch (name) {
            case "migrate":
                return new MigrateCommand(context);
            case "fanout":
                return new FanOutCommand(context);
            case "status":
                return new StatusCommand(context);
            case "validate":
                return new ValidateCommand(context);
            case "plan":
                return new PlanCommand(context);
            case "verify":
                return new VerifyCommand(context);
            case "lint":
                return new LintCommand(context);
            case "prepare":
                return new PrepareCommand(context);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** Whether the arguments ask for help or the version anywhere (picocli's standard options). */
    private static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return true;
            }
        }
        return false;
    }

    /** What picocli calls on a usage error and on an exception a command did not handle (a class: no lambda on start). */
    private static final class Handlers implements CommandLine.IParameterExceptionHandler,
            CommandLine.IExecutionExceptionHandler {

        private final CliContext context;

        Handlers(CliContext context) {
            this.context = context;
        }

        @Override
        public int handleParseException(ParameterException error, String[] args) {
            return usageError(context, error, args);
        }

        @Override
        public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
            // the commands handle their own failures: this is a bug in the command line itself
            context.error(Errors.message(error));
            context.err().print(context.redactor().redact(Errors.stackTrace(error)));
            context.err().flush();
            return ExitCodes.of(error, commandLine.getCommandName());
        }
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
