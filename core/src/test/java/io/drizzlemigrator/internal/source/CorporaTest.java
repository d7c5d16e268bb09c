package io.drizzlemigrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real folder in shared/corpora loads exactly as drizzle's migrator reads it. */
class CorporaTest {

    /** What the corpora README says is in each folder without being in its journal. */
    private static final Map<String, List<String>> STRAYS = Map.of(
            "Dokploy__dokploy", List.of("0130_abandoned_dagger.sql"),
            "lmnr-ai__lmnr", List.of("0037_cute_medusa.sql"),
            "Mail-0__Zero", List.of("0025_far_echo.sql"));

    private static final Pattern TAG = Pattern.compile("\"tag\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern WHEN = Pattern.compile("\"when\"\\s*:\\s*(\\d+)");
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    static List<String> corpora() {
        return Corpora.names();
    }

    @Test
    void theCorporaArePresent() {
        assertThat(corpora()).hasSizeGreaterThanOrEqualTo(7).containsAll(STRAYS.keySet());
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void everyJournalEntryLoadsWithTheHashOfItsFileAndItsWhen(String corpus) throws IOException {
        Path dir = Corpora.folder(corpus);
        String journal = Files.readString(dir.resolve("meta/_journal.json"));
        List<String> tags = all(TAG, journal);
        List<String> whens = all(WHEN, journal);

        LoadedFolder folder = MigrationFolderReader.read(dir.toString(), null);

        assertThat(folder.layout()).isEqualTo(Layout.JOURNAL);
        assertThat(folder.location()).isEqualTo(dir.toString());
        assertThat(folder.migrations()).hasSize(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            MigrationFile m = folder.migrations().get(i);
            Path file = dir.resolve(tags.get(i) + ".sql");
            byte[] bytes = Files.readAllBytes(file);
            assertThat(m.tag()).isEqualTo(tags.get(i));
            assertThat(m.file()).isEqualTo(tags.get(i) + ".sql");
            assertThat(m.folderMillis()).isEqualTo(Long.parseLong(whens.get(i)));
            assertThat(m.hash()).as(m.file()).isEqualTo(Fixtures.sha256(bytes));
            assertThat(m.sql()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            assertThat(m.name()).isEqualTo(UTC_STAMP.format(Instant.ofEpochMilli(m.folderMillis())) + "_"
                    + tags.get(i).substring(tags.get(i).indexOf('_') + 1));
        }
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void strayFilesAreExactlyTheOnesTheReadmeNames(String corpus) {
        LoadedFolder folder = MigrationFolderReader.read("filesystem:" + Corpora.folder(corpus), null);

        assertThat(folder.strays()).isEqualTo(STRAYS.getOrDefault(corpus, List.of()));
    }

    @Test
    void kaneoKeepsItsNonMonotonicWhenInJournalOrder() {
        LoadedFolder folder = MigrationFolderReader.read(Corpora.folder("usekaneo__kaneo").toString(), null);

        MigrationFile m5 = folder.migrations().get(5);
        MigrationFile m6 = folder.migrations().get(6);
        assertThat(m5.tag()).startsWith("0005_");
        assertThat(m6.tag()).startsWith("0006_");
        assertThat(m6.folderMillis()).isLessThan(m5.folderMillis());
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
