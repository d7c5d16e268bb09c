package io.drizzlemigrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.MigrationSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever happens to a journal (cut short, bytes changed, keys reordered or lost), reading the folder gives either
 * a folder or a {@link MigrationSourceException}, never another exception.
 */
class JournalMutationTest {

    private static final String[] TAGS = {"0000_create_users", "0001_add_email", "0002_índice"};
    private static final long[] WHENS = {1732000000000L, 1732000100000L, 1732000000000L};
    private static final List<String> ENTRY_KEYS = List.of("idx", "version", "when", "tag", "breakpoints");

    private static Path dir;

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("journal-mutations");
        for (String tag : TAGS) {
            Fixtures.write(dir, tag + ".sql", "SELECT '" + tag + "';");
        }
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 2000)
    void aJournalCutShortAnywhereIsRefusedAsAJournalError(@ForAll("cuts") int cut) {
        byte[] cutShort = Arrays.copyOf(validJournal(), cut);

        assertThatThrownBy(() -> read(cutShort)).isInstanceOfSatisfying(MigrationSourceException.class, e -> {
            assertThat(e.file()).contains(JournalParser.FILE);
            assertThat(e.line()).isPositive();
        });
    }

    @Property(tries = 300)
    void aJournalWithChangedBytesGivesAFolderOrAMigrationSourceException(
            @ForAll("flips") List<Tuple2<Integer, Byte>> flips) {
        byte[] journal = validJournal();
        for (Tuple2<Integer, Byte> flip : flips) {
            journal[flip.get1() % journal.length] = flip.get2();
        }

        try {
            LoadedFolder folder = read(journal);
            assertThat(folder.migrations()).allSatisfy(m -> {
                assertThat(m.file()).doesNotContain("/", "\\");
                assertThat(m.hash()).isEqualTo(Fixtures.sha256(dir.resolve(m.file())));
            });
        } catch (MigrationSourceException e) {
            assertThat(e.getMessage()).contains(dir.toString());
        }
    }

    @Property(tries = 200)
    void reorderedKeysReadTheSameAndALostTagOrWhenIsRefused(@ForAll("topLevelOrder") List<String> topLevel,
            @ForAll("entryKeys") List<String> first, @ForAll("entryKeys") List<String> second,
            @ForAll("entryKeys") List<String> third) {
        List<List<String>> entryKeys = List.of(first, second, third);
        byte[] journal = journal(topLevel, entryKeys);
        boolean complete = topLevel.contains("entries")
                && entryKeys.stream().allMatch(keys -> keys.contains("tag") && keys.contains("when"));

        if (complete) {
            LoadedFolder folder = read(journal);
            assertThat(Fixtures.tags(folder)).containsExactly(TAGS);
            assertThat(folder.migrations()).extracting(MigrationFile::folderMillis)
                    .containsExactly(WHENS[0], WHENS[1], WHENS[2]);
            assertThat(folder.migrations()).extracting(MigrationFile::journalIdx).containsExactly(0, 1, 2);
        } else {
            assertThatThrownBy(() -> read(journal)).isInstanceOfSatisfying(MigrationSourceException.class, e -> {
                assertThat(e.file()).contains(JournalParser.FILE);
                assertThat(e.line()).isPositive();
            });
        }
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, validJournal().length - 1);
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Byte>>> flips() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '"', (byte) '{', (byte) '}', (byte) '[', (byte) ']',
                (byte) ',', (byte) ':', (byte) '/', (byte) '.', (byte) '\\', (byte) 0, (byte) '\n', (byte) '1',
                (byte) 0xC3, (byte) 0xFF);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Integer> position = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(position, Arbitraries.oneOf(interesting, any)).as(Tuple::of)
                .list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<String>> topLevelOrder() {
        Arbitrary<List<String>> all = Arbitraries.shuffle("version", "dialect", "entries");
        Arbitrary<List<String>> someLost = all.flatMap(keys -> Arbitraries.integers().between(0, 2)
                .map(lose -> without(keys, lose)));
        return Arbitraries.frequencyOf(Tuple.of(8, all), Tuple.of(2, someLost));
    }

    @Provide
    Arbitrary<List<String>> entryKeys() {
        Arbitrary<List<String>> all = Arbitraries.shuffle(ENTRY_KEYS);
        Arbitrary<List<String>> someLost = all.flatMap(keys -> Arbitraries.integers().between(1, keys.size())
                .map(keep -> keys.subList(0, keep)));
        return Arbitraries.frequencyOf(Tuple.of(8, all), Tuple.of(2, someLost));
    }

    private static List<String> without(List<String> keys, int index) {
        List<String> out = new ArrayList<>(keys);
        out.remove(index);
        return out;
    }

    private static byte[] validJournal() {
        return journal(List.of("version", "dialect", "entries"), List.of(ENTRY_KEYS, ENTRY_KEYS, ENTRY_KEYS));
    }

    /** A pretty-printed journal with the given top-level keys and entry keys, in the given order. */
    private static byte[] journal(List<String> topLevel, List<List<String>> entryKeys) {
        List<String> top = new ArrayList<>();
        for (String key : topLevel) {
            top.add("  \"" + key + "\": " + switch (key) {
                case "version" -> "\"7\"";
                case "dialect" -> "\"postgresql\"";
                default -> "[\n" + entries(entryKeys) + "\n  ]";
            });
        }
        return ("{\n" + String.join(",\n", top) + "\n}").getBytes(StandardCharsets.UTF_8);
    }

    private static String entries(List<List<String>> entryKeys) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < entryKeys.size(); i++) {
            Map<String, String> values = Map.of("idx", String.valueOf(i), "version", "\"7\"",
                    "when", String.valueOf(WHENS[i]), "tag", "\"" + TAGS[i] + "\"", "breakpoints", "true");
            List<String> fields = new ArrayList<>();
            for (String key : entryKeys.get(i)) {
                fields.add("      \"" + key + "\": " + values.get(key));
            }
            entries.add("    {\n" + String.join(",\n", fields) + "\n    }");
        }
        return String.join(",\n", entries);
    }

    private static LoadedFolder read(byte[] journal) {
        Fixtures.write(dir, JournalParser.FILE, journal);
        return MigrationFolderReader.read(dir.toString(), null);
    }
}
