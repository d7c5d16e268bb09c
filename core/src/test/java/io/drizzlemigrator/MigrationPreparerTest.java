package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prepare without a database: layouts, the journal's bytes, MANUAL blocks, and its refusals. */
class MigrationPreparerTest {

    @TempDir
    Path dir;

    private static MigrationPreparer.Builder prepare(Path folder) {
        return MigrationPreparer.configure().folder(folder).name("drop_nickname").author("Ada (backend)")
                .source("T-2");
    }

    @Test
    void editsOnlyTheTagOfAJournalWrittenInAnotherKeyOrderWithoutATrailingNewline() throws IOException {
        Path folder = dir.resolve("drizzle");
        Files.createDirectories(folder.resolve("meta"));
        String journal = "{\"version\":\"5\",\"dialect\":\"pg\",\"entries\":[{\"tag\" : \"0000_dizzy_falcon\","
                + "\"idx\":0,\"when\":1732000000000,\"version\":\"5\",\"breakpoints\":true}]}";
        Files.writeString(folder.resolve("meta/_journal.json"), journal);
        Files.writeString(folder.resolve("0000_dizzy_falcon.sql"), "CREATE TABLE \"users\" (\"id\" integer);");

        PrepareResult result = prepare(folder).name("create_users").prepare();

        assertThat(result.newTag()).isEqualTo("0000_create_users");
        assertThat(Files.readString(folder.resolve("meta/_journal.json")))
                .isEqualTo(journal.replace("0000_dizzy_falcon", "0000_create_users"));
        assertThat(result.rollbackFile()).as("an additive migration needs no rollback").isNull();
    }

    @Test
    void renamesTheNamePartOfADrizzleOneFolder() throws IOException {
        Path folder = dir.resolve("drizzle");
        Files.createDirectories(folder.resolve("20261125165841_dizzy_falcon"));
        Files.writeString(folder.resolve("20261125165841_dizzy_falcon/migration.sql"),
                "ALTER TABLE \"users\" DROP COLUMN \"nickname\";");

        PrepareResult result = prepare(folder).prepare();

        assertThat(folder.resolve("20261125165841_dizzy_falcon")).doesNotExist();
        assertThat(Files.readString(folder.resolve("20261125165841_drop_nickname/migration.sql")))
                .contains("-- Rollback: See 20261125165841_drop_nickname/rollback.sql");
        assertThat(result.rollbackFile()).isEqualTo("20261125165841_drop_nickname/rollback.sql");
        assertThat(Files.readString(folder.resolve(result.rollbackFile())))
                .contains("-- MANUAL: the column's data is gone", "--   ALTER TABLE \"users\" DROP COLUMN \"nickname\"");
        assertThat(result.allInversesDerived()).isFalse();
    }

    @Test
    void anAddedEnumValueIsAdditiveSoNeedsNoRollbackAndIsVerifiedWithoutUsingTheNewValue() {
        Path folder = TestFolder.in(dir.resolve("drizzle"))
                .migration("0000_create_status", "CREATE TYPE \"status\" AS ENUM('open');")
                .migration("0001_dizzy_falcon", "ALTER TYPE \"status\" ADD VALUE 'paused';").write();

        PrepareResult result = prepare(folder).name("add_paused_status").dryRun();

        assertThat(result.written()).isFalse();
        assertThat(result.rollbackFile()).as("ADD VALUE is append-only, as missing-rollback sees it").isNull();
        assertThat(result.verificationQueries()).singleElement().asString()
                .contains("enumtypid = to_regtype('\"status\"')", "enumlabel = E'paused'");
        assertThat(folder.resolve("0001_dizzy_falcon.sql")).exists();
    }

    @Test
    void refusesAMigrationGitHasInACommitAndOnePreparedAlready() throws Exception {
        Path folder = TestFolder.in(dir.resolve("drizzle"))
                .migration("0000_dizzy_falcon", "ALTER TABLE \"users\" DROP COLUMN \"nickname\";").write();
        git(dir, "init", "-q");
        git(dir, "-c", "user.name=t", "-c", "user.email=t@e", "add", ".");
        git(dir, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "generated");

        assertThatThrownBy(() -> prepare(folder).prepare()).isInstanceOf(PrepareRefusedException.class)
                .hasMessageContaining("git has it in commit").hasMessageContaining("\"edited\"")
                .hasMessageContaining("--force");
        assertThat(ExitCode.of(new PrepareRefusedException("x"))).isEqualTo(ExitCode.USAGE);

        PrepareResult forced = prepare(folder).force(true).prepare();
        assertThat(forced.newTag()).isEqualTo("0000_drop_nickname");
        assertThatThrownBy(() -> prepare(folder).force(true).name("again").prepare())
                .isInstanceOf(PrepareRefusedException.class).hasMessageContaining("prepared already");
    }

    private static void git(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s (apt-get install git): %s", String.join(" ", args), out).isZero();
    }
}
