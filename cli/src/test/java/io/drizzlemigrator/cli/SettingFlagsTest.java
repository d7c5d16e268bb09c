package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.Setting;
import io.drizzlemigrator.TransactionMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Model.CommandSpec;

/** Messages name a setting as the command line's user wrote it: the flag, never the library's builder name. */
class SettingFlagsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The index is refused: add CONCURRENTLY, or raise largeTableRows. | "
            + "The index is refused: add CONCURRENTLY, or raise --large-table-rows.",
        "It is applied next (outOfOrder=APPLY). | It is applied next (--out-of-order=apply).",
        "Use transactionMode PER_MIGRATION (the default). | Use --transaction-mode=per-migration (the default).",
        "with largeTableRows=20000, 0 turns it off | with --large-table-rows=20000, 0 turns it off",
        "199 would refuse the run with lintMode=FAIL | 199 would refuse the run with --lint=fail",
        "editedMigrations=FAIL refuses it; set editedMigrations | --edited=fail refuses it; set --edited"})
    void aCoreMessageNamesTheFlags(String core, String cli) {
        assertThat(SettingFlags.render(core)).isEqualTo(cli);
    }

    @Test
    void plainWordsAndQualifiedNamesStayAsTheyAre() {
        String message = "the bookkeeping table drizzle.__drizzle_migrations in its schema; set the location to `out`";

        assertThat(SettingFlags.render(message)).isEqualTo(message);
    }

    @Test
    void problemsSpellTheSettingAsAFlagWithItsValue() {
        assertThat(SettingFlags.spell("outOfOrder", OutOfOrderPolicy.APPLY)).isEqualTo("--out-of-order=apply");
        assertThat(SettingFlags.spell("transactionMode", TransactionMode.ALL_IN_ONE))
                .isEqualTo("--transaction-mode=all-in-one");
    }

    @Test
    void everyFlagOfTheTableIsAnOptionOfMigrateAndItsHelpNamesTheProperty() {
        CommandSpec migrate = migrateSpec();

        for (Map.Entry<String, String> e : SettingFlags.all().entrySet()) {
            assertThat(migrate.findOption(e.getValue())).as(e.getValue()).isNotNull();
            String[] help = migrate.findOption(e.getValue()).description();
            String property = e.getKey().equals("dataSource") ? "drizzle.migrations.url"
                    : "drizzle.migrations." + e.getKey().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            assertThat(help[help.length - 1]).isEqualTo("Property: " + property + ".");
        }
        assertThat(migrate.findOption("--lint").description()).endsWith(
                "Property: drizzle.migrations.lint-mode.");
        assertThat(migrate.findOption("--password").description()).endsWith(
                "Property: drizzle.migrations.password.");
    }

    @Test
    void theShortFlagsOlderThanTheVocabularyTakeTheLongNameAsAnAlias() {
        CommandSpec migrate = migrateSpec();

        assertThat(migrate.findOption("--location")).isSameAs(migrate.findOption("--dir"));
        assertThat(migrate.findOption("--lint-mode")).isSameAs(migrate.findOption("--lint"));
        assertThat(migrate.findOption("--edited-migrations")).isSameAs(migrate.findOption("--edited"));
    }

    private static CommandSpec migrateSpec() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return Main.commandLine(new CliContext(sink, sink, Map.of(), Redactor.of(new String[0],
                Map.of()))).getSubcommands().get("migrate").getCommandSpec();
    }

    @Test
    void everySettingCoreErrorsCanNameHasAFlag() {
        for (Setting setting : Setting.values()) {
            assertThat(SettingFlags.flag(setting.builderName())).as("the flag of core's %s", setting).isPresent();
        }
    }
}
