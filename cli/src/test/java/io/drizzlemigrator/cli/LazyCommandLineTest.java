package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line builds only what the arguments need: the named subcommand alone (picocli's reflection over the
 * others was most of the CLI's own start-up), help's extras only for help, everything when no known command is named.
 */
class LazyCommandLineTest {

    private static CommandLine commandLine(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return Main.commandLine(new CliContext(sink, sink, Map.of(), Redactor.of(args, Map.of())), args);
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuiltAndItsOptionsCarryNoHelpExtras() {
        CommandLine cli = commandLine("migrate", "--url", "jdbc:postgresql://h/db");

        assertThat(cli.getSubcommands()).containsOnlyKeys("migrate");
        assertThat(String.join(" ", cli.getSubcommands().get("migrate").getCommandSpec().findOption("--lock-timeout")
                .description())).doesNotContain("Property:");
    }

    @Test
    void helpOfACommandNamesTheSettingsProperties() {
        CommandLine cli = commandLine("status", "--help");

        assertThat(cli.getSubcommands()).containsOnlyKeys("status");
        assertThat(String.join(" ", cli.getSubcommands().get("status").getCommandSpec().findOption("--schema")
                .description())).contains("Property: drizzle.migrations.schema.");
    }

    @Test
    void noCommandOrAMistypedOneGetsEveryCommandForTheUsageAndTheSuggestions() {
        assertThat(commandLine().getSubcommands()).containsOnlyKeys("migrate", "fanout", "status", "validate", "plan",
                "verify", "lint", "prepare");
        assertThat(commandLine("migrat", "--url", "x").getSubcommands()).hasSize(8);
    }
}
