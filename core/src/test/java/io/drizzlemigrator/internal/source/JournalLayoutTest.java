package io.drizzlemigrator.internal.source;

import static io.drizzlemigrator.internal.source.Fixtures.entry;
import static io.drizzlemigrator.internal.source.Fixtures.journal;
import static io.drizzlemigrator.internal.source.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drizzle-kit 0.x layout: the journal decides what is a migration and in which order. */
class JournalLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsALegacyPgHeaderWithMixedEntryVersions() {
        write(dir, "meta/_journal.json", "{\n  \"version\": \"5\",\n  \"dialect\": \"pg\",\n  \"entries\": [\n"
                + "    {\"idx\": 0, \"version\": \"5\", \"when\": 1713262741218, \"tag\": \"0000_a\", \"breakpoints\": true},\n"
                + "    {\"idx\": 1, \"version\": \"6\", \"when\": 1713761637676, \"tag\": \"0001_b\", \"breakpoints\": true},\n"
                + "    {\"idx\": 2, \"version\": \"7\", \"when\": 1714000000000, \"tag\": \"0002_c\", \"breakpoints\": false}\n"
                + "  ]\n}");
        write(dir, "0000_a.sql", "SELECT 1;");
        write(dir, "0001_b.sql", "SELECT 2;");
        write(dir, "0002_c.sql", "SELECT 3;");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(Fixtures.tags(folder)).containsExactly("0000_a", "0001_b", "0002_c");
        assertThat(folder.migrations()).extracting(MigrationFile::folderMillis)
                .containsExactly(1713262741218L, 1713761637676L, 1714000000000L);
        assertThat(folder.migrations()).extracting(MigrationFile::sql)
                .containsExactly("SELECT 1;", "SELECT 2;", "SELECT 3;");
    }

    @Test
    void acceptsKeysInAnyOrderAndSkipsUnknownKeysWhateverTheirValue() {
        write(dir, "meta/_journal.json", "{\"entries\":[{\"breakpoints\":true,\"tag\":\"0000_a\",\"extra\":"
                + "{\"nested\":[1,{\"tag\":\"evil\"},[\"x\"]]},\"when\":1700000000000,\"idx\":0,\"version\":\"7\"},"
                + "{\"when\":1700000001000,\"notes\":[\"tag\",\"when\"],\"tag\":\"0001_b\",\"idx\":1,\"flag\":null}],"
                + "\"meta\":{\"entries\":\"not these\"},\"dialect\":\"postgresql\",\"version\":\"7\"}");
        write(dir, "0000_a.sql", "SELECT 1;");
        write(dir, "0001_b.sql", "SELECT 2;");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(Fixtures.tags(folder)).containsExactly("0000_a", "0001_b");
        assertThat(folder.migrations()).extracting(MigrationFile::folderMillis)
                .containsExactly(1700000000000L, 1700000001000L);
    }

    @Test
    void keepsArrayOrderGapsInIdxDuplicateAndDecreasingWhen() {
        write(dir, "meta/_journal.json", journal("postgresql",
                entry(0, 1700000005000L, "0000_a"),
                entry(3, 1700000001000L, "0003_d"),
                entry(7, 1700000001000L, "0007_h")));
        write(dir, "0000_a.sql", "SELECT 1;");
        write(dir, "0003_d.sql", "SELECT 2;");
        write(dir, "0007_h.sql", "SELECT 3;");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(Fixtures.tags(folder)).containsExactly("0000_a", "0003_d", "0007_h");
        assertThat(folder.migrations()).extracting(MigrationFile::journalIdx).containsExactly(0, 3, 7);
        assertThat(folder.migrations()).extracting(MigrationFile::folderMillis)
                .containsExactly(1700000005000L, 1700000001000L, 1700000001000L);
    }

    @Test
    void usesThePositionWhenAnEntryHasNoIdx() {
        write(dir, "meta/_journal.json", "{\"dialect\":\"postgresql\",\"entries\":[{\"when\":1,\"tag\":\"a\"},"
                + "{\"when\":2,\"tag\":\"b\",\"idx\":\"x\"}]}");
        write(dir, "a.sql", "");
        write(dir, "b.sql", "");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(folder.migrations()).extracting(MigrationFile::journalIdx).containsExactly(0, 1);
    }

    @Test
    void aJournalWithNoEntriesGivesAnEmptyList() {
        write(dir, "meta/_journal.json", journal("postgresql"));

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(folder.layout()).isEqualTo(Layout.JOURNAL);
        assertThat(folder.migrations()).isEmpty();
    }

    @Test
    void keepsAByteOrderMarkAndCrlfInTheTextAndHashesTheRawBytes() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "CREATE TABLE \"a\" (\"id\" int);\r\n--> statement-breakpoint\r\nSELECT 1;\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
        write(dir, "meta/_journal.json", journal("postgresql", entry(0, 1700000000000L, "0000_bom")));
        write(dir, "0000_bom.sql", bytes);

        MigrationFile m = MigrationFolderReader.read(dir.toString(), null).migrations().get(0);

        assertThat(m.sql()).startsWith("\uFEFFCREATE TABLE").contains("\r\n--> statement-breakpoint\r\n");
        assertThat(m.hash()).isEqualTo(Fixtures.sha256(bytes));
        assertThat(m.hash()).isEqualTo(Fixtures.sha256(m.sql().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hashesNonAsciiCommentsOverTheirUtf8Bytes() {
        String sql = "-- Größe des Käses, 日本語, emoji \uD83D\uDE00\nALTER TABLE \"t\" ADD COLUMN \"größe\" text;";
        write(dir, "meta/_journal.json", journal("postgresql", entry(0, 1700000000000L, "0000_umlaut")));
        Path file = write(dir, "0000_umlaut.sql", sql);

        MigrationFile m = MigrationFolderReader.read(dir.toString(), null).migrations().get(0);

        assertThat(m.sql()).isEqualTo(sql);
        assertThat(m.hash()).isEqualTo(Fixtures.sha256(file));
    }

    @Test
    void aCustomMigrationFileIsAMigrationLikeAnyOther() {
        write(dir, "meta/_journal.json", journal("postgresql", entry(0, 1700000000000L, "0000_custom")));
        write(dir, "0000_custom.sql", "-- Custom SQL migration file, put your code below! --");

        assertThat(MigrationFolderReader.read(dir.toString(), null).migrations()).singleElement()
                .extracting(MigrationFile::sql).isEqualTo("-- Custom SQL migration file, put your code below! --");
    }

    @Test
    void reportsSqlFilesOutsideTheJournalAsStraysButNotRollbackCompanions() {
        Fixtures.journalFolder(dir, "0000_a", "0001_b");
        write(dir, "0001_b_rollback.sql", "DROP TABLE t1;");
        write(dir, "0002_merged_late.sql", "SELECT 1;");
        write(dir, "0001_duplicate_number.sql", "SELECT 1;");
        write(dir, "notes.txt", "not sql");
        write(dir, "sub/0003_nested.sql", "SELECT 1;");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(Fixtures.tags(folder)).containsExactly("0000_a", "0001_b");
        assertThat(folder.strays()).containsExactly("0001_duplicate_number.sql", "0002_merged_late.sql");
    }

    @Test
    void aRollbackFileListedInTheJournalIsAMigration() {
        Fixtures.journalFolder(dir, "0000_a_rollback");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(Fixtures.tags(folder)).containsExactly("0000_a_rollback");
        assertThat(folder.strays()).isEmpty();
    }

    @Test
    void derivesTheDrizzle1NameFromTagAndWhen() {
        write(dir, "meta/_journal.json", journal("postgresql", entry(0, 1700000000000L, "0000_init"),
                entry(1, 1732000000999L, "0001_increase-secret-kind-length")));
        write(dir, "0000_init.sql", "");
        write(dir, "0001_increase-secret-kind-length.sql", "");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        // the folder names drizzle-kit 1.0.0-rc.5's `up` gives these entries (see DrizzleNamesTest)
        assertThat(folder.migrations()).extracting(MigrationFile::name)
                .containsExactly("20231114221320_init", "20241119070640_increase-secret-kind-length");
    }

    @Test
    void resolvesARelativePlainPathAgainstTheWorkingDirectory() {
        Fixtures.journalFolder(dir, "0000_a");
        Path relative = Path.of("").toAbsolutePath().relativize(dir);

        LoadedFolder plain = MigrationFolderReader.read(relative.toString(), null);
        LoadedFolder prefixed = MigrationFolderReader.read("filesystem:" + relative, null);

        assertThat(Fixtures.tags(plain)).containsExactly("0000_a");
        assertThat(Fixtures.tags(prefixed)).containsExactly("0000_a");
        assertThat(prefixed.location()).isEqualTo("filesystem:" + relative);
    }

    @Test
    void aJournalWinsOverFoldersOfTheNewLayout() {
        Fixtures.journalFolder(dir, "0000_a");
        write(dir, "20261125165841_new/migration.sql", "SELECT 1;");

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(folder.layout()).isEqualTo(Layout.JOURNAL);
        assertThat(Fixtures.tags(folder)).containsExactly("0000_a");
    }

    @Test
    void loadsAThousandMigrations() {
        String[] tags = new String[1000];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = String.format("%04d_migration_%d", i, i);
        }
        Fixtures.journalFolder(dir, tags);

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(folder.migrations()).hasSize(1000);
        assertThat(folder.migrations().get(999).hash()).isEqualTo(Fixtures.sha256(dir.resolve(tags[999] + ".sql")));
        assertThat(folder.strays()).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
