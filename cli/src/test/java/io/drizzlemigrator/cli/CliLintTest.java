package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint}: no database; text, JSON and GitHub output; exit 5 on errors, 0 otherwise, 2 on bad usage. */
class CliLintTest {

    private static final String HEADER = "-- Migration: drop the nickname\n-- Date: 2024-11-19\n-- Author: ann (dev)\n"
            + "-- Source: TICKET-7\n-- Rollback: See 0001_drop_nickname_rollback.sql\n";

    @TempDir
    Path dir;

    /** A folder whose only problem is an error-level drop-column on line 6 of 0001_drop_nickname.sql. */
    private Path folderWithAnError() throws IOException {
        Path folder = TestFolder.in(dir.resolve("drizzle"))
                .migration("0000_create_users", HEADER.replace("drop the nickname", "create users")
                        + "CREATE TABLE users (id int, nickname text);")
                .migration("0001_drop_nickname", HEADER + "ALTER TABLE users DROP COLUMN nickname;").write();
        Files.writeString(folder.resolve("0001_drop_nickname_rollback.sql"), "ALTER TABLE users ADD COLUMN nickname text;");
        return folder;
    }

    @Test
    void textListsEachFindingWithItsSafeAlternativeAndExitsFiveOnAnError() throws IOException {
        CliRun run = CliRun.run("lint", "--dir", folderWithAnError().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.LINT_ERRORS);
        assertThat(run.out()).contains("0001_drop_nickname.sql:6:19: error [drop-column] Dropping column users.nickname")
                .contains("    Zero-downtime, over two releases")
                .endsWith("1 error, 0 warnings, 0 infos\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void warningsAloneExitZero() throws IOException {
        Path folder = TestFolder.in(dir).migration("0000_create_users", "CREATE TABLE users (id int);").write();

        CliRun run = CliRun.run("lint", "--dir", folder.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("warning [missing-header]").contains("0 errors, 1 warning, 0 infos");
    }

    @Test
    void jsonIsOneDocumentWithCountsAndFindings() throws IOException {
        CliRun run = CliRun.run("lint", "--dir", folderWithAnError().toString(), "--format", "json");

        Map<String, Object> doc = Json.object(run.out());
        assertThat(doc).containsEntry("command", "lint").containsEntry("success", false);
        assertThat(((Number) doc.get("exitCode")).intValue()).isEqualTo(ExitCodes.LINT_ERRORS);
        assertThat(((Number) Json.map(doc.get("counts")).get("errors")).intValue()).isEqualTo(1);
        assertThat(((Number) Json.map(doc.get("rules")).get("drop-column")).intValue()).isEqualTo(1);
        List<Object> findings = Json.list(doc.get("findings"));
        assertThat(findings).singleElement().satisfies(f -> {
            Map<String, Object> finding = Json.map(f);
            assertThat(finding).containsEntry("rule", "drop-column").containsEntry("severity", "error")
                    .containsEntry("file", "0001_drop_nickname.sql");
            assertThat(((Number) finding.get("line")).intValue()).isEqualTo(6);
            assertThat((String) finding.get("safeAlternative")).contains("release 2");
        });
    }

    @Test
    void githubFormatPrintsWorkflowAnnotationsWithThePathFromTheWorkspace() throws IOException {
        Path folder = folderWithAnError();
        Files.writeString(folder.resolve("0009_stray.sql"), "SELECT 1;");
        String relative = Path.of("").toAbsolutePath().relativize(folder).toString();

        CliRun run = CliRun.run("lint", "--dir", "./" + relative + "/", "--format", "github");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.LINT_ERRORS);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).contains("::warning file=" + relative + "/0009_stray.sql,title=stray-sql-file::"
                + "Not in meta/_journal.json: no migrator will ever run it%0AIf it is a leftover "
                + "(a file renamed or regenerated after a merge, often with a duplicate number), delete it. If it "
                + "should run, regenerate it with drizzle-kit generate --custom so that the journal gets an entry, "
                + "and move the SQL into that file.");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("::error file=" + relative
                + "/0001_drop_nickname.sql,line=6,col=19,title=drop-column::Dropping column"));
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\r"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 error, 1 warning, 0 infos");
    }

    @Test
    void annotationTextIsEscapedAsGitHubWorkflowCommandsRequire() {
        assertThat(LintCommand.data("100% done\r\nnext: a,b")).isEqualTo("100%25 done%0D%0Anext: a,b");
        assertThat(LintCommand.property("dir:a,b/0001.sql")).isEqualTo("dir%3Aa%2Cb/0001.sql");
    }

    @Test
    void theConfigFileTurnsRulesOffOrChangesTheirSeverity() throws IOException {
        Path folder = folderWithAnError();
        Path config = dir.resolve("lint.json");
        Files.writeString(config, "{\"rules\": {\"drop-column\": \"warning\"}}");

        CliRun run = CliRun.run("lint", "--dir", folder.toString(), "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("warning [drop-column]");
    }

    @Test
    void aMissingFolderAnInvalidConfigOrAnUnknownFormatExitTwo() throws IOException {
        Path config = dir.resolve("lint.json");
        Files.writeString(config, "{\"rules\": {\"drop-colum\": \"off\"}}");
        Path folder = folderWithAnError();

        CliRun missing = CliRun.run("lint", "--dir", dir.resolve("nope").toString());
        CliRun badConfig = CliRun.run("lint", "--dir", folder.toString(), "--config", config.toString());
        CliRun badFormat = CliRun.run("lint", "--dir", folder.toString(), "--format", "xml");
        CliRun jsonError = CliRun.run("lint", "--dir", dir.resolve("nope").toString(), "--format", "json");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("error: ").contains("does not exist");
        assertThat(badConfig.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badConfig.err()).contains("did you mean \"drop-column\"");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err()).contains("use text, json or github");
        assertThat(jsonError.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Json.map(Json.object(jsonError.out()).get("error"))).containsEntry("type", "migration_source");
    }

    @Test
    void helpDescribesTheCommandAndItsExitCode() {
        CliRun run = CliRun.run("lint", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--format", "--config", "drizzle-migrator:ignore", "Default: drizzle/migrations.")
                .containsPattern("(?m)^  5 ");
    }
}
