package io.drizzlemigrator.internal.source;

import static io.drizzlemigrator.internal.source.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.MigrationSourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a folder again in the same JVM: unchanged files keep their remembered hash, and every edit that changes a
 * file's size or modification time is seen. (Each test has its own folder: the memo is per file path.)
 */
class HashMemoTest {

    /** A modification time long settled: an hour ago, on a whole second (as coarse filesystems store it). */
    private static final long SETTLED = (System.currentTimeMillis() - 3_600_000L) / 1000 * 1000;

    @TempDir
    Path dir;

    @Test
    void anUnchangedSettledFileIsNotReadAgainAndItsTextIsVerifiedWhenNeeded() {
        Path file = settledFolder("SELECT 1;");
        String hash = hashOf(read(), 0);

        // the documented blind spot: same size, modification time put back. The memo answers with the old hash...
        replaceKeepingSizeAndTime(file, "SELECT 2;");
        MigrationFile again = read().migrations().get(0);
        assertThat(again.hash()).isEqualTo(hash);
        // ...and the text, read only when needed, is checked against it: what was hashed is what would run
        assertThatThrownBy(again::sql).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("0000_a.sql").hasMessageContaining("changed while the migrator was running");
    }

    @Test
    void aRememberedFileStillGivesItsTextWhenItIsNeeded() {
        settledFolder("SELECT 1;");
        read();

        MigrationFile again = read().migrations().get(0);

        assertThat(again.sql()).isEqualTo("SELECT 1;");
        assertThat(again.hash()).isEqualTo(Fixtures.sha256("SELECT 1;".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEditThatKeepsTheSizeButChangesTheTimeIsSeen() throws IOException {
        Path file = settledFolder("SELECT 1;");
        read();

        Files.writeString(file, "SELECT 2;");
        Files.setLastModifiedTime(file, FileTime.fromMillis(SETTLED + 1000)); // one coarse tick later

        LoadedFolder again = read();
        assertThat(hashOf(again, 0)).isEqualTo(Fixtures.sha256(file));
        assertThat(again.migrations().get(0).sql()).isEqualTo("SELECT 2;");
    }

    @Test
    void anEditThatKeepsTheTimeButChangesTheSizeIsSeen() throws IOException {
        Path file = settledFolder("SELECT 1;");
        read();

        Files.writeString(file, "SELECT 10;");
        Files.setLastModifiedTime(file, FileTime.fromMillis(SETTLED));

        assertThat(hashOf(read(), 0)).isEqualTo(Fixtures.sha256(file));
    }

    @Test
    void aFileModifiedJustBeforeTheReadIsReadAgainEvenIfItsTimeDoesNotMove() throws IOException {
        Fixtures.journalFolder(dir, "0000_a");
        Path file = dir.resolve("0000_a.sql");
        long now = Files.getLastModifiedTime(file).toMillis();
        read();

        // a second write within the same (coarse) timestamp tick: time and size as before
        Files.writeString(file, Files.readString(file).replace("\"t0\"", "\"u0\""));
        Files.setLastModifiedTime(file, FileTime.fromMillis(now));

        assertThat(hashOf(read(), 0)).isEqualTo(Fixtures.sha256(file));
    }

    @Test
    void aRememberedFileThatWasRemovedIsReportedMissing() throws IOException {
        Path file = settledFolder("SELECT 1;");
        read();

        Files.delete(file);

        assertThatThrownBy(this::read).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("has no file 0000_a.sql");
    }

    /**
     * Any sequence of writes, each leaving a modification time the file has not had before (any size, possibly equal)
     * and possibly long settled: every read gives the hash of what the files hold at that moment.
     */
    @Property(tries = 60)
    void everyReadSeesWhatTheFilesHoldWhenEachWriteMovesTheTime(@ForAll("histories") List<Write> writes) {
        Path folder = propertyDir.resolve("f" + (++folders));
        Fixtures.journalFolder(folder, "0000_a", "0001_b", "0002_c");
        long[] time = {SETTLED, SETTLED, SETTLED};
        for (int i = 0; i < 3; i++) {
            setTime(folder.resolve(tag(i) + ".sql"), time[i]);
        }
        for (Write w : writes) {
            Path file = folder.resolve(tag(w.file()) + ".sql");
            write(folder, tag(w.file()) + ".sql", w.content());
            time[w.file()] += w.ticks() * 1000L; // settled, just now or in the future; never a time it had before
            setTime(file, time[w.file()]);
            if (w.readAfter()) {
                LoadedFolder loaded = MigrationFolderReader.read(folder.toString(), null);
                for (int i = 0; i < 3; i++) {
                    Path f = folder.resolve(tag(i) + ".sql");
                    assertThat(hashOf(loaded, i)).as(tag(i)).isEqualTo(Fixtures.sha256(f));
                    assertThat(loaded.migrations().get(i).sql()).isEqualTo(text(f));
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Write>> histories() {
        Arbitrary<Write> write = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of("SELECT 1;", "SELECT 2;", "SELECT 10;", "select 1;", "-- x\nSELECT 1;"),
                Arbitraries.longs().between(1, 5_000L),
                Arbitraries.of(true, false)).as(Write::new);
        return write.list().ofMinSize(1).ofMaxSize(12);
    }

    record Write(int file, String content, long ticks, boolean readAfter) {
    }

    private Path propertyDir;
    private int folders;

    @BeforeProperty
    void createPropertyDir() throws IOException {
        propertyDir = Files.createTempDirectory("hash-memo");
    }

    @AfterProperty
    void deletePropertyDir() throws IOException {
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(propertyDir)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.delete(paths.get(i));
        }
    }

    private static String tag(int i) {
        return List.of("0000_a", "0001_b", "0002_c").get(i);
    }

    private Path settledFolder(String sql) {
        Fixtures.journalFolder(dir, "0000_a");
        Path file = write(dir, "0000_a.sql", sql);
        setTime(file, SETTLED);
        return file;
    }

    private LoadedFolder read() {
        return MigrationFolderReader.read(dir.toString(), null);
    }

    private static String hashOf(LoadedFolder folder, int i) {
        return folder.migrations().get(i).hash();
    }

    private static void replaceKeepingSizeAndTime(Path file, String content) {
        try {
            assertThat(content.length()).isEqualTo(Files.size(file));
            FileTime time = Files.getLastModifiedTime(file);
            Files.writeString(file, content);
            Files.setLastModifiedTime(file, time);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setTime(Path file, long millis) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
