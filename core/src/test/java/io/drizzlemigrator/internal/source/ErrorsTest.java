package io.drizzlemigrator.internal.source;

import static io.drizzlemigrator.internal.source.Fixtures.entry;
import static io.drizzlemigrator.internal.source.Fixtures.journal;
import static io.drizzlemigrator.internal.source.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drizzlemigrator.MigrationSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a folder can be unusable gives a MigrationSourceException naming the file, the line and the folder. */
class ErrorsTest {

    private static final String JOURNAL = "meta/_journal.json";

    @TempDir
    Path tmp;

    Path dir;

    @BeforeEach
    void folder() throws IOException {
        dir = Files.createDirectories(tmp.resolve("drizzle"));
    }

    @Test
    void aMissingFolderIsNamedWithWhereItWasLookedFor() {
        MigrationSourceException e = fail("filesystem:" + tmp.resolve("nope"));

        assertThat(e.file()).isEmpty();
        assertThat(e.getMessage()).contains("filesystem:" + tmp.resolve("nope"), "does not exist");
    }

    @Test
    void aFileInsteadOfAFolderIsSaidToBeAFile() {
        Path file = write(tmp, "file.txt", "x");

        assertThat(fail(file.toString()).getMessage()).contains(file.toString(), "is a file, not a folder")
                .doesNotContain("does not exist");
    }

    @Test
    void anEmptyFolderHasNeitherLayout() {
        assertThat(fail(dir.toString())).hasMessage("no meta/_journal.json and no <timestamp>_<name>/migration.sql"
                + " folders in " + dir + ": is this the drizzle-kit `out` folder?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"filesystem:", "filesystem:  ", "classpath:", "classpath:/"})
    void aLocationWithoutAFolderIsRefused(String location) {
        assertThat(fail(location).getMessage()).contains("names no folder");
    }

    @Test
    void malformedJsonNamesTheJournalAndTheLine() {
        write(dir, JOURNAL, "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\"\n  \"entries\": []\n}");

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 4);
        assertThat(e.getMessage()).contains("not valid JSON at line 4");
    }

    @Test
    void aTruncatedJournalNamesTheLineWhereItEnds() {
        String whole = journal("postgresql", entry(0, 1700000000000L, "0000_a"), entry(1, 1700000001000L, "0001_b"));
        String cut = whole.substring(0, whole.indexOf("\"0001_b\""));
        write(dir, JOURNAL, cut);

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, (int) cut.lines().count());
        assertThat(e.getMessage()).contains("truncated");
    }

    @Test
    void anEmptyJournalIsRefused() {
        write(dir, JOURNAL, "");

        assertThat(fail(dir.toString()).getMessage()).startsWith(JOURNAL + ":1: ").contains("empty");
    }

    @Test
    void aJournalThatIsNotAnObjectIsRefused() {
        write(dir, JOURNAL, "\n[{\"tag\": \"0000_a\", \"when\": 1}]");

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 2);
        assertThat(e.getMessage()).contains("an array, not a JSON object");
    }

    @Test
    void contentAfterTheJournalIsRefused() {
        write(dir, JOURNAL, journal("postgresql") + "\n{}");

        assertJournalError(fail(dir.toString()), 6);
    }

    @Test
    void aJournalWithoutEntriesIsRefused() {
        write(dir, JOURNAL, "{\"version\":\"7\",\"dialect\":\"postgresql\"}");

        assertThat(fail(dir.toString()).getMessage()).contains("no \"entries\" array");
    }

    @Test
    void entriesThatAreNotAnArrayAreRefused() {
        write(dir, JOURNAL, "{\n\"dialect\":\"postgresql\",\n\"entries\":{\"0\":{}}}");

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 3);
        assertThat(e.getMessage()).contains("\"entries\"", "an object, not an array");
    }

    @Test
    void anEntryThatIsNotAnObjectIsRefused() {
        write(dir, JOURNAL, "{\"dialect\":\"postgresql\",\"entries\":[\n\"0000_a\"]}");

        assertThat(fail(dir.toString()).getMessage()).startsWith(JOURNAL + ":2: ")
                .contains("position 0", "a string, not an object");
    }

    @Test
    void anEntryWithoutTagIsRefusedAtItsLine() {
        write(dir, JOURNAL, journal("postgresql", entry(0, 1700000000000L, "0000_a"),
                "    {\n      \"idx\": 1,\n      \"when\": 1700000001000\n    }"));
        write(dir, "0000_a.sql", "");

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 12);
        assertThat(e.getMessage()).contains("journal entry 1", "no \"tag\"");
    }

    @Test
    void anEntryWithoutWhenIsRefusedAtItsLine() {
        write(dir, JOURNAL, journal("postgresql", "    {\n      \"idx\": 0,\n      \"tag\": \"0000_a\"\n    }"));

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 5);
        assertThat(e.getMessage()).contains("journal entry 0 (tag 0000_a)", "no \"when\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1700000000000\"", "1700000000000.5", "true", "[1]", "{\"ms\":1}",
            "99999999999999999999999"})
    void aWhenThatIsNotAWholeNumberIsRefusedAtItsLine(String when) {
        write(dir, JOURNAL, "{\"dialect\":\"postgresql\",\"entries\":[{\"idx\":0,\"tag\":\"0000_a\",\n\"when\":"
                + when + "}]}");
        write(dir, "0000_a.sql", "");

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 2);
        assertThat(e.getMessage()).contains("journal entry 0 (tag 0000_a)", "\"when\"");
    }

    @Test
    void aTagThatIsNotAStringIsRefused() {
        write(dir, JOURNAL, "{\"dialect\":\"postgresql\",\"entries\":[{\"idx\":0,\"when\":1,\n\"tag\":7}]}");

        assertThat(fail(dir.toString()).getMessage()).startsWith(JOURNAL + ":2: ")
                .contains("a \"tag\" that is a number, not a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "sqlite", "singlestore"})
    void aJournalOfAnotherDialectIsRefused(String dialect) {
        write(dir, JOURNAL, journal(dialect, entry(0, 1700000000000L, "0000_a")));
        write(dir, "0000_a.sql", "");

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 3);
        assertThat(e.getMessage()).contains("this journal is for " + dialect
                + "; drizzle-migrator applies PostgreSQL folders only");
    }

    @Test
    void theDialectIsReportedBeforeMistakesInEntries() {
        write(dir, JOURNAL, "{\"entries\":[{\"idx\":0}],\"dialect\":\"mysql\"}");

        assertThat(fail(dir.toString()).getMessage()).contains("this journal is for mysql");
    }

    @Test
    void duplicateTagsAreRefused() {
        write(dir, JOURNAL, journal("postgresql", entry(0, 1700000000000L, "0000_a"),
                entry(1, 1700000001000L, "0001_b"), entry(2, 1700000002000L, "0000_a")));
        write(dir, "0000_a.sql", "");
        write(dir, "0001_b.sql", "");

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 19);
        assertThat(e.getMessage()).contains("journal entries 0 (line 5) and 2", "0000_a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside", "sub/0000_a", "..\\\\outside", "", "..", "/etc/passwd", "C:outside",
            "0000_a\\u0000", "0000\\n_a", "\\u0007bell"})
    void aTagThatIsNotAPlainFileNameIsRefusedWithoutReadingAnything(String jsonTag) {
        write(tmp, "outside.sql", "DROP SCHEMA public CASCADE;");
        write(dir, "sub/0000_a.sql", "SELECT 1;");
        write(dir, JOURNAL, "{\"dialect\":\"postgresql\",\"entries\":[\n{\"idx\":0,\"when\":1,\"tag\":\"" + jsonTag
                + "\"}]}");

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 2);
        assertThat(e.getMessage()).contains("plain file name").doesNotContain("\u0000", "\u0007");
    }

    @Test
    void aListedFileThatIsMissingIsNamed() {
        write(dir, JOURNAL, journal("postgresql", entry(0, 1700000000000L, "0000_a"),
                entry(1, 1700000001000L, "0001_b")));
        write(dir, "0000_a.sql", "");

        MigrationSourceException e = fail(dir.toString());

        assertJournalError(e, 12);
        assertThat(e.getMessage()).contains("journal entry 1 (tag 0001_b) has no file 0001_b.sql in " + dir);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheOffsetAndLineOfTheFirstBadByteWhenItsTextIsNeeded() {
        byte[] bytes = "-- line 1\n-- line 2: caf\u00e9\nSELECT 'x';".getBytes(StandardCharsets.ISO_8859_1);
        write(dir, JOURNAL, journal("postgresql", entry(0, 1700000000000L, "0000_latin1")));
        write(dir, "0000_latin1.sql", bytes);
        MigrationFile m = MigrationFolderReader.read(dir.toString(), null).migrations().get(0);

        MigrationSourceException e = catchThrowableOfType(MigrationSourceException.class, m::sql);

        int offset = "-- line 1\n-- line 2: caf".length();
        assertThat(e.file()).contains("0000_latin1.sql");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith("0000_latin1.sql:2: ")
                .contains("not valid UTF-8", "byte 0xE9 at offset " + offset, dir.toString());
    }

    @Test
    void aNewLayoutFileThatIsNotUtf8IsNamedByItsFolder() {
        write(dir, "20240101000000_init/migration.sql", new byte[] {'S', 'E', 'L', (byte) 0xC0, (byte) 0x80});
        MigrationFile m = MigrationFolderReader.read(dir.toString(), null).migrations().get(0);

        MigrationSourceException e = catchThrowableOfType(MigrationSourceException.class, m::sql);

        assertThat(e.file()).contains("20240101000000_init/migration.sql");
        assertThat(e.getMessage()).contains("byte 0xC0 at offset 3");
    }

    private static MigrationSourceException fail(String location) {
        MigrationSourceException e = catchThrowableOfType(MigrationSourceException.class,
                () -> MigrationFolderReader.read(location, null));
        assertThat(e).as("reading " + location + " must fail").isNotNull();
        return e;
    }

    private void assertJournalError(MigrationSourceException e, int line) {
        assertThat(e.file()).contains(JOURNAL);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith(JOURNAL + ":" + line + ": ").contains(dir.toString());
    }
}
