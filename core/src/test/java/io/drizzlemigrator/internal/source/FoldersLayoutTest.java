package io.drizzlemigrator.internal.source;

import static io.drizzlemigrator.internal.source.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.MigrationSourceException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drizzle-kit 1.0 layout on disk: {@code <YYYYMMDDHHMMSS>_<name>/migration.sql}, ordered by folder name. */
class FoldersLayoutTest {

    @TempDir
    Path dir;

    @Test
    void ordersFoldersByNameAndTakesWhenFromTheUtcTimestamp() {
        write(dir, "20261125165841_add_users/migration.sql", "CREATE TABLE users (id int);");
        write(dir, "20240101000000_init/migration.sql", "CREATE SCHEMA app;");
        write(dir, "20240101000000_init/snapshot.json", "{\"not\":\"read\"}");
        write(dir, "20250630235959_b/migration.sql", "SELECT 2;");
        write(dir, "20250630235959_a/migration.sql", "SELECT 1;");

        LoadedFolder folder = MigrationFolderReader.read("filesystem:" + dir, null);

        assertThat(folder.layout()).isEqualTo(Layout.FOLDERS);
        assertThat(Fixtures.tags(folder)).containsExactly("20240101000000_init", "20250630235959_a",
                "20250630235959_b", "20261125165841_add_users");
        assertThat(folder.migrations()).extracting(MigrationFile::folderMillis).containsExactly(
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2025-06-30T23:59:59Z").toEpochMilli(),
                Instant.parse("2025-06-30T23:59:59Z").toEpochMilli(),
                Instant.parse("2026-11-25T16:58:41Z").toEpochMilli());
        assertThat(folder.migrations()).extracting(MigrationFile::journalIdx).containsExactly(0, 1, 2, 3);
        MigrationFile last = folder.migrations().get(3);
        assertThat(last.name()).isEqualTo("20261125165841_add_users");
        assertThat(last.file()).isEqualTo("20261125165841_add_users/migration.sql");
        assertThat(last.sql()).isEqualTo("CREATE TABLE users (id int);");
        assertThat(last.hash()).isEqualTo(Fixtures.sha256(dir.resolve("20261125165841_add_users/migration.sql")));
    }

    @Test
    void ignoresFoldersWithoutMigrationSqlAndReportsLooseSqlFilesAsStrays() {
        write(dir, "20240101000000_init/migration.sql", "SELECT 1;");
        write(dir, "20240101000000_init/down.sql", "SELECT 0;");
        write(dir, "notes/readme.md", "hello");
        write(dir, "20240202000000_pending/snapshot.json", "{}");
        write(dir, "leftover.sql", "SELECT 1;");
        write(dir, "0001_x_rollback.sql", "SELECT 1;");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(Fixtures.tags(folder)).containsExactly("20240101000000_init");
        assertThat(folder.strays()).containsExactly("leftover.sql");
    }

    @Test
    void acceptsAFolderConvertedFromATagWithoutUnderscore() {
        write(dir, "20240416101901_/migration.sql", "SELECT 1;");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(folder.migrations()).singleElement().extracting(MigrationFile::name)
                .isEqualTo("20240416101901_");
    }

    @Test
    void refusesATimestampThatIsNotADate() {
        write(dir, "20230229120000_leap/migration.sql", "SELECT 1;");

        assertThatThrownBy(() -> MigrationFolderReader.read(dir.toString(), null))
                .isInstanceOfSatisfying(MigrationSourceException.class, e -> {
                    assertThat(e.file()).contains("20230229120000_leap/migration.sql");
                    assertThat(e.getMessage()).contains("20230229120000_leap", dir.toString(),
                            "not a valid UTC date and time");
                });
    }

    @Test
    void refusesAFolderWithMigrationSqlWhoseNameIsNotATimestamp() {
        write(dir, "20240101000000_init/migration.sql", "SELECT 1;");
        write(dir, "hotfix/migration.sql", "SELECT 1;");

        assertThatThrownBy(() -> MigrationFolderReader.read(dir.toString(), null))
                .isInstanceOfSatisfying(MigrationSourceException.class, e -> {
                    assertThat(e.file()).contains("hotfix/migration.sql");
                    assertThat(e.getMessage()).contains("hotfix", "<YYYYMMDDHHMMSS>_<name>", dir.toString());
                });
    }

    @Test
    void refusesAFolderWithNeitherLayout() {
        write(dir, "0000_init.sql", "SELECT 1;");
        write(dir, "meta/0000_snapshot.json", "{}");

        assertThatThrownBy(() -> MigrationFolderReader.read(dir.toString(), null))
                .isInstanceOf(MigrationSourceException.class)
                .hasMessage("no meta/_journal.json and no <timestamp>_<name>/migration.sql folders in " + dir
                        + ": is this the drizzle-kit `out` folder?");
    }
}
