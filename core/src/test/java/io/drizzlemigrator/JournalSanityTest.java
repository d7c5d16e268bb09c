package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.LogCapture;
import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run says about a journal drizzle-kit would not write: refused where it is clearly broken (another dialect, a
 * negative {@code when}), a warning where the folder still applies as drizzle would apply it.
 */
@FreshDatabasePerTest
class JournalSanityTest {

    @TempDir
    Path dir;

    private final TestDatabase db;

    private Path folder(String header, String entries, String... files) throws IOException {
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("meta/_journal.json"), "{" + header + "\"entries\":[" + entries + "]}");
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve(files[i] + ".sql"), files[i + 1]);
        }
        return dir;
    }

    private static String entry(int idx, long when, String tag) {
        return "{\"idx\":" + idx + ",\"version\":\"7\",\"when\":" + when + ",\"tag\":\"" + tag + "\",\"breakpoints\":true}";
    }

    private MigrateResult migrate(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString()).load().migrate();
    }

    JournalSanityTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aNegativeWhenIsRefused() throws IOException {
        Path folder = folder("\"version\":\"7\",\"dialect\":\"postgresql\",", entry(0, -5, "0000_a"),
                "0000_a", "CREATE TABLE a (id int);");

        assertThatThrownBy(() -> migrate(folder)).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("0000_a").hasMessageContaining("negative \"when\" (-5)");
        assertThat(db.relationExists("a")).isFalse();
    }

    @Test
    void aJournalOfAnotherDialectIsRefused() throws IOException {
        Path folder = folder("\"version\":\"7\",\"dialect\":\"sqlite\",", entry(0, 1, "0000_a"),
                "0000_a", "CREATE TABLE a (id int);");

        assertThatThrownBy(() -> migrate(folder)).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("sqlite");
    }

    @Test
    void aDuplicateIdxAMissingDialectAnUnknownVersionAndAnEmptyFileAreWarnedAbout() throws IOException {
        Path folder = folder("\"version\":\"99\",", entry(0, 1_000, "0000_a") + "," + entry(0, 2_000, "0001_empty"),
                "0000_a", "CREATE TABLE a (id int);", "0001_empty", "");

        String log = LogCapture.during(() -> assertThat(migrate(folder).appliedCount()).isEqualTo(2));

        assertThat(log).contains("idx 0", "0000_a", "0001_empty")
                .contains("no \"dialect\"")
                .contains("version \"99\"")
                .contains("0001_empty.sql is empty");
        assertThat(db.relationExists("a")).isTrue();
    }
}
