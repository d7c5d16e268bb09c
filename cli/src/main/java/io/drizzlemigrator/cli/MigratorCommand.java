package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigratorConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What the subcommands share: the options, building the migrator, and turning an exception into an error line,
 * an exit code and (with {@code --json}) an error document.
 */
abstract class MigratorCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    final CliContext context;

    MigratorCommand(CliContext context) {
        this.context = context;
    }

    /** The migrator the options describe, with what this command's own options add. */
    DrizzleMigrator migrator() {
        return options.migrator(context.env(), this::configure);
    }

    /** Adds this command's own options to the configuration (migrate's lock and run settings). */
    void configure(MigratorConfiguration.Builder builder) {
    }

    /** Runs the command against the configured migrator and returns the exit code. */
    abstract int execute(DrizzleMigrator migrator);

    /** Adds what this command knows about a failure to its JSON error document (after the error object). */
    void jsonFailureDetails(JsonGenerator json, RuntimeException error) throws IOException {
    }

    /** Prints what this command knows about a failure on stdout, before the error line goes to stderr. */
    void textFailureDetails(RuntimeException error) {
    }

    @Override
    public final Integer call() {
        if (options.quiet && options.verbose) {
            throw new ParameterException(spec.commandLine(), "--quiet and --verbose exclude each other: choose one");
        }
        Logging.configure(options.verbose, options.quiet, summary());
        long start = System.nanoTime();
        try {
            return execute(migrator());
        } catch (RuntimeException e) {
            return fail(e, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The command's name as it appears in JSON documents. */
    String name() {
        return spec.name();
    }

    boolean json() {
        return options.json;
    }

    /** Whether a human summary goes to stdout. */
    boolean summary() {
        return !options.json && !options.quiet;
    }

    private int fail(RuntimeException error, Duration elapsed) {
        int code = ExitCodes.of(error, name());
        String message = Errors.message(error, name());
        if (options.json) {
            JsonReport.print(context.out(), json -> {
                JsonReport.outcome(json, name(), code);
                json.writeNumberField("durationMs", elapsed.toMillis());
                JsonReport.error(json, error, message, context.redactor());
                jsonFailureDetails(json, error);
            });
        } else if (!options.quiet) {
            textFailureDetails(error);
        }
        if (options.verbose) {
            context.error(message);
            context.err().print(context.redactor().redact(Errors.stackTrace(error)));
            context.err().flush();
        } else {
            context.error(Errors.expected(error) ? message : message + " (run with --verbose for the stack trace)");
        }
        return code;
    }
}
