package io.drizzlemigrator.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.testing.TestFolder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintConfigTest {

    @TempDir
    Path dir;

    private static LintConfig json(String json) {
        return LintConfig.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void rulesNotMentionedKeepTheirDefaultSeverity() {
        LintConfig config = LintConfig.builder().disable("drop-column").severity("auto-name", Severity.ERROR).build();

        assertThat(config.severity("drop-column")).isEmpty();
        assertThat(config.severity("auto-name")).contains(Severity.ERROR);
        assertThat(config.severity("drop-table")).contains(LintConfig.defaultSeverity("drop-table"));
        assertThat(LintConfig.defaults().severity("drop-table")).contains(Severity.ERROR);
    }

    @Test
    void theJsonFileSetsRulesWithTheSameWords() {
        LintConfig config = json("{\"$schema\": \"x\", \"rules\": {\"drop-column\": \"off\", \"auto-name\": \"error\", "
                + "\"missing-header\": \"WARN\", \"stray-sql-file\": \"info\"}}");

        assertThat(config).isEqualTo(LintConfig.builder().disable("drop-column").severity("auto-name", Severity.ERROR)
                .severity("missing-header", Severity.WARNING).severity("stray-sql-file", Severity.INFO).build());
        assertThat(config.settings()).containsEntry("missing-header", "warning");
    }

    @Test
    void anUnknownRuleIsRefusedWithTheFileTheLineAndTheClosestId() {
        assertThatThrownBy(() -> json("{\n  \"rules\": {\n    \"drop-colum\": \"off\"\n  }\n}"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("test.json:3")
                .hasMessageContaining("unknown lint rule \"drop-colum\"")
                .hasMessageContaining("did you mean \"drop-column\"");
    }

    @Test
    void anUnknownSettingOrShapeIsRefused() {
        assertThatThrownBy(() -> json("{\"rules\": {\"drop-column\": \"fatal\"}}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("use off, info, warning or error");
        assertThatThrownBy(() -> json("{\"rule\": {}}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown key \"rule\"");
        assertThatThrownBy(() -> json("{\"rules\": {\"drop-column\": false}}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("is not a string");
        assertThatThrownBy(() -> json("{\"rules\": {"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> LintConfig.fromJson(dir.resolve("nope.json")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist");
    }

    @Test
    void theBuilderRefusesUnknownRules() {
        assertThatThrownBy(() -> LintConfig.builder().disable("nope"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown lint rule \"nope\"");
    }

    @Test
    void theProgrammaticConfigurationOverridesTheFolderFile() {
        Path folder = TestFolder.in(dir).migration("0000_change", "ALTER TABLE t DROP COLUMN a;\nDROP TABLE u;").write();
        LintFixture.write(folder, "drizzle-lint.json", "{\"rules\": {\"drop-column\": \"off\", \"drop-table\": \"warning\"}}");
        LintConfig given = LintFixture.STATEMENTS.toBuilder().severity("drop-table", Severity.INFO).build();

        LintReport report = LintFixture.lint(folder, given);

        assertThat(report.findings()).extracting(LintFinding::ruleId, LintFinding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("drop-table", Severity.INFO));
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void anInvalidFolderFileIsAConfigurationError() {
        Path folder = TestFolder.in(dir).migration("0000_change", "SELECT 1;").write();
        LintFixture.write(folder, "drizzle-lint.json", "{\"rules\": {\"nope\": \"off\"}}");

        assertThatThrownBy(() -> LintFixture.lint(folder, LintConfig.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("drizzle-lint.json:1");
    }

    @Test
    void overridingKeepsSettingsTheOtherDoesNotMention() {
        LintConfig base = LintConfig.builder().disable("auto-name").severity("drop-table", Severity.WARNING).build();
        LintConfig merged = base.overriddenBy(LintConfig.builder().severity("drop-table", Severity.INFO).build());

        assertThat(merged.severity("auto-name")).isEqualTo(Optional.empty());
        assertThat(merged.severity("drop-table")).contains(Severity.INFO);
        assertThat(LintConfig.ruleIds()).contains("index-not-concurrent", "journal-when-in-future", "unused-suppression")
                .doesNotHaveDuplicates();
    }
}
