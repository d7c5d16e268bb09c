package io.drizzlemigrator.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.source.MigrationFolderReader;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFinding;
import io.drizzlemigrator.lint.LintReport;
import io.drizzlemigrator.lint.Severity;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's entry point: lint the pending migrations of a folder it has already read. */
class PendingLintTest {

    @TempDir
    Path dir;

    private LoadedFolder folder() throws Exception {
        Path folder = TestFolder.in(dir)
                .migration("0000_create_users", "CREATE TABLE users (id int, nickname text);")
                .migration("0001_drop_nickname", "ALTER TABLE users DROP COLUMN nickname;")
                .migration("0002_index_users", "CREATE INDEX users_id ON users (id);").write();
        Files.writeString(folder.resolve("0003_stray.sql"), "DROP TABLE users;", StandardCharsets.UTF_8);
        return MigrationFolderReader.read(folder.toString(), null);
    }

    @Test
    void onlyTheSelectedMigrationsAreLintedAndJournalRulesDoNotRun() throws Exception {
        Set<String> pending = Set.of("0002_index_users");

        LintReport report = FolderLinter.lintMigrations(folder(), null, m -> pending.contains(m.tag()),
                LintConfig.defaults());

        assertThat(report.findings()).extracting(LintFinding::file).containsOnly("0002_index_users.sql");
        assertThat(report.findings()).extracting(LintFinding::ruleId)
                .contains("index-not-concurrent", "missing-header")
                .doesNotContain("stray-sql-file", "drop-column");
    }

    @Test
    void theEnginesPreparedMigrationsAreReusedAndTheFolderConfigurationApplies() throws Exception {
        LoadedFolder folder = folder();
        Files.writeString(dir.resolve("drizzle-lint.json"), "{\"rules\": {\"drop-column\": \"warning\"}}");
        List<String> prepared = new ArrayList<>();

        LintReport report = FolderLinter.lintMigrations(folder, null, m -> m.journalIdx() >= 1, m -> {
            prepared.add(m.tag());
            return m.prepare();
        }, LintConfig.builder().disable("missing-header").disable("missing-rollback").disable("auto-name").build());

        assertThat(prepared).containsExactly("0001_drop_nickname", "0002_index_users");
        assertThat(report.findings()).extracting(LintFinding::ruleId, LintFinding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("drop-column", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("index-not-concurrent", Severity.ERROR));
    }

    @Test
    void nothingPendingIsAnEmptyReport() throws Exception {
        LintReport report = FolderLinter.lintMigrations(folder(), null, (MigrationFile m) -> false,
                LintConfig.defaults());

        assertThat(report.isEmpty()).isTrue();
        assertThat(report.hasErrors()).isFalse();
    }
}
