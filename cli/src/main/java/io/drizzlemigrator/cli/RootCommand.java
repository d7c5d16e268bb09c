package io.drizzlemigrator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code drizzle-migrator}: only dispatches to its subcommands. */
@Command(name = "drizzle-migrator", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        synopsisSubcommandLabel = "(migrate | fanout | status | validate | plan | verify | lint | prepare)",
        description = {"Applies the PostgreSQL migrations that drizzle-kit generate writes (NNNN_name.sql files and "
                + "meta/_journal.json), interchangeably with drizzle's own migrator: same bookkeeping table, same "
                + "hashes.", ""},
        footerHeading = "%nEnvironment:%n",
        footer = {"  " + CommonOptions.ENV_URL + "   the database URL when --url is not given",
            "  " + CommonOptions.ENV_PASSWORD + "     the password when neither --password nor the URL gives one",
            "",
            "Logs go to stderr; stdout holds the summary, or with --json only the JSON document.",
            "Run 'drizzle-migrator <command> --help' for the options of a command."})
final class RootCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: migrate, fanout, status, validate, plan or verify (or lint or prepare, which need no"
                        + " database)");
    }
}
