package io.drizzlemigrator.internal.source;

import static io.drizzlemigrator.internal.source.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.MigrationSourceException;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classpath:} locations, from a directory and from a jar, as a service's jar carries its migrations. */
class ClasspathTest {

    @TempDir
    Path tmp;

    @Test
    void readsAJournalFolderFromTheTestResources() {
        LoadedFolder folder = MigrationFolderReader.read("classpath:source/journal", getClass().getClassLoader());

        assertThat(folder.layout()).isEqualTo(Layout.JOURNAL);
        assertThat(Fixtures.tags(folder)).containsExactly("0000_create_users", "0001_add_email");
        assertThat(folder.migrations().get(1).sql()).contains("ADD COLUMN \"email\"");
        assertThat(folder.strays()).as("the classpath is never listed for 0.x").isEmpty();
    }

    @Test
    void allowsALeadingAndATrailingSlash() {
        LoadedFolder folder = MigrationFolderReader.read("classpath:/source/journal/", getClass().getClassLoader());

        assertThat(Fixtures.tags(folder)).containsExactly("0000_create_users", "0001_add_email");
    }

    @Test
    void usesTheContextClassLoaderWhenNoneIsGiven() {
        assertThat(Fixtures.tags(MigrationFolderReader.read("classpath:source/journal", null))).hasSize(2);
    }

    @Test
    void readsAJournalFolderFromAJar() throws IOException {
        Path root = tmp.resolve("classes");
        Fixtures.journalFolder(root.resolve("drizzle/migrations"), "0000_a", "0001_b", "0002_índice con espacio");
        write(root, "drizzle/migrations/0003_stray.sql", "SELECT 1;");
        Path jar = Fixtures.jar(root, tmp.resolve("app.jar"), false);

        try (URLClassLoader loader = Fixtures.loader(jar)) {
            LoadedFolder folder = MigrationFolderReader.read("classpath:drizzle/migrations", loader);

            assertThat(Fixtures.tags(folder)).containsExactly("0000_a", "0001_b", "0002_índice con espacio");
            assertThat(folder.migrations().get(2).hash())
                    .isEqualTo(Fixtures.sha256(root.resolve("drizzle/migrations/0002_índice con espacio.sql")));
            assertThat(folder.strays()).isEmpty();
        }
    }

    @Test
    void readsTheNewLayoutFromAClasspathDirectoryInFolderOrder() throws IOException {
        Path root = tmp.resolve("classes");
        newLayout(root.resolve("db/migrations"));

        try (URLClassLoader loader = Fixtures.loader(root)) {
            LoadedFolder folder = MigrationFolderReader.read("classpath:db/migrations", loader);

            assertNewLayout(folder, root.resolve("db/migrations"));
        }
    }

    @Test
    void readsTheNewLayoutFromAJar() throws IOException {
        Path root = tmp.resolve("classes");
        newLayout(root.resolve("db/migrations"));
        write(root, "db/other/20240101000000_not_this/migration.sql", "SELECT 'other';");
        write(root, "db/migrations/20240101000000_init/nested/20240101000001_deep/migration.sql", "SELECT 'deep';");
        Path jar = Fixtures.jar(root, tmp.resolve("app.jar"), true);

        try (URLClassLoader loader = Fixtures.loader(jar)) {
            LoadedFolder folder = MigrationFolderReader.read("classpath:/db/migrations", loader);

            assertNewLayout(folder, root.resolve("db/migrations"));
        }
    }

    @Test
    void saysWhatToDoWhenTheClasspathFolderDoesNotExist() throws IOException {
        try (URLClassLoader loader = Fixtures.loader(tmp)) {
            assertThatThrownBy(() -> MigrationFolderReader.read("classpath:drizzle/migrations", loader))
                    .isInstanceOf(MigrationSourceException.class)
                    .hasMessageContaining("classpath:drizzle/migrations")
                    .hasMessageContaining("src/main/resources/drizzle/migrations");
        }
    }

    @Test
    void aNewLayoutJarWithoutDirectoryEntriesIsReportedAsNotFound() throws IOException {
        Path root = tmp.resolve("classes");
        newLayout(root.resolve("db/migrations"));
        Path jar = Fixtures.jar(root, tmp.resolve("app.jar"), false);

        try (URLClassLoader loader = Fixtures.loader(jar)) {
            assertThatThrownBy(() -> MigrationFolderReader.read("classpath:db/migrations", loader))
                    .isInstanceOf(MigrationSourceException.class)
                    .hasMessageContaining("classpath:db/migrations")
                    .hasMessageContaining("without directory entries");
        }
    }

    private static void newLayout(Path dir) {
        write(dir, "20261125165841_add_users/migration.sql", "CREATE TABLE users (id int);");
        write(dir, "20261125165841_add_users/snapshot.json", "{}");
        write(dir, "20240101000000_init/migration.sql", "CREATE SCHEMA app;");
        write(dir, "20240101000000_init/snapshot.json", "{}");
    }

    private static void assertNewLayout(LoadedFolder folder, Path dir) {
        assertThat(folder.layout()).isEqualTo(Layout.FOLDERS);
        assertThat(Fixtures.tags(folder)).containsExactly("20240101000000_init", "20261125165841_add_users");
        assertThat(folder.migrations()).extracting(MigrationFile::folderMillis).containsExactly(
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2026-11-25T16:58:41Z").toEpochMilli());
        assertThat(folder.migrations().get(1).hash())
                .isEqualTo(Fixtures.sha256(dir.resolve("20261125165841_add_users/migration.sql")));
        assertThat(folder.strays()).isEmpty();
    }
}
