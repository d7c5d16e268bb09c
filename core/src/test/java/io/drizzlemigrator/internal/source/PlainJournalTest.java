package io.drizzlemigrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The journal's fast path either declines or gives exactly what Jackson gives, and it does not decline the journals
 * drizzle-kit writes.
 */
class PlainJournalTest {

    @Test
    void readsEveryRealJournalExactlyAsJackson() throws IOException {
        List<Path> journals = new ArrayList<>();
        for (String corpus : Corpora.names()) {
            Path journal = Corpora.folder(corpus).resolve(JournalParser.FILE);
            if (Files.exists(journal)) {
                journals.add(journal);
            }
        }
        assertThat(journals).as("corpora with a journal").hasSizeGreaterThanOrEqualTo(5);
        for (Path journal : journals) {
            byte[] json = Files.readAllBytes(journal);

            assertThat(PlainJournal.tryParse(json)).as(journal.toString())
                    .isNotNull()
                    .isEqualTo(JournalParser.parseWithJackson(json, "test"));
        }
    }

    @Test
    void readsAJournalWithWindowsLineEndsWithJacksonsLineNumbers() {
        String json = "{\r\n  \"version\": \"7\",\r\n  \"dialect\": \"postgresql\",\r\n  \"entries\": [\r\n    {\r\n"
                + "      \"idx\": 0, \"when\": 1700000000000, \"tag\": \"0000_init\", \"breakpoints\": true\r\n    }\r\n"
                + "  ]\r\n}\r\n";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        List<JournalParser.JournalEntry> plain = PlainJournal.tryParse(bytes);

        assertThat(plain).isNotNull().isEqualTo(JournalParser.parseWithJackson(bytes, "test"));
        assertThat(plain.get(0).line()).isEqualTo(5);
    }

    @Test
    void declinesWhatItDoesNotFullyUnderstand() {
        String valid = "{\"dialect\":\"postgresql\",\"entries\":[{\"idx\":0,\"when\":1,\"tag\":\"0000_a\"}]}";
        assertThat(PlainJournal.tryParse(bytes(valid))).isNotNull();
        for (String declined : List.of(
                "\uFEFF" + valid, // byte order mark
                valid.replace("0000_a", "0000_\\u0061"), // escape
                valid.replace("0000_a", "0000_é"), // non-ASCII
                valid.replace("\"when\":1", "\"when\":1.0"),
                valid.replace("\"when\":1", "\"when\":01"),
                valid.replace("\"when\":1", "\"when\":12345678901234567890"),
                valid.replace("\"idx\":0", "\"idx\":4294967296"),
                valid.replace("postgresql", "mysql"),
                valid.replace("0000_a", "../a"),
                valid.replace("[{", "[{\"x\":[1],"), // nested value
                valid.replace("]}", ",{\"idx\":1,\"when\":2,\"tag\":\"0000_a\"}]}"), // duplicate tag
                valid + "x",
                valid.replace("\"when\":1,", ""))) {
            assertThat(PlainJournal.tryParse(bytes(declined))).as(declined).isNull();
        }
    }

    @Property(tries = 1000)
    void givesJacksonsEntriesOrDeclines(@ForAll("journals") String journal) {
        boolean accepted = assertSameAsJackson(bytes(journal));

        Statistics.collect(accepted ? "accepted" : "declined");
        Statistics.coverage(c -> c.check("accepted").percentage(p -> p >= 10)); // the comparison must happen
    }

    @Property(tries = 1000)
    void givesJacksonsEntriesOrDeclinesForChangedBytes(@ForAll("journals") String journal,
            @ForAll("edits") List<int[]> edits) {
        byte[] json = bytes(journal);
        for (int[] edit : edits) {
            if (json.length == 0) {
                break;
            }
            int at = Math.floorMod(edit[0], json.length);
            json[at] = (byte) edit[1];
        }
        assertSameAsJackson(json);
    }

    /** Whether the fast path accepted the journal (and gave Jackson's entries). */
    private static boolean assertSameAsJackson(byte[] json) {
        List<JournalParser.JournalEntry> plain = PlainJournal.tryParse(json);
        if (plain == null) {
            return false;
        }
        List<JournalParser.JournalEntry>[] jackson = new List[1];
        Throwable thrown = catchThrowable(() -> jackson[0] = JournalParser.parseWithJackson(json, "test"));
        assertThat(thrown).as("Jackson refuses what the fast path accepted: %s", new String(json,
                StandardCharsets.UTF_8)).isNull();
        assertThat(plain).isEqualTo(jackson[0]);
        return true;
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> value = Arbitraries.oneOf(Arbitraries.of((int) '"', (int) '\\', (int) ',', (int) ':',
                (int) '{', (int) '}', (int) '[', (int) ']', (int) '0', (int) '-', (int) '.', (int) 'e', (int) ' ',
                (int) '\n', (int) '\r', 0x80, 0xC3, 0x00), Arbitraries.integers().between(0, 255));
        return Combinators.combine(position, value).as((p, v) -> new int[] {p, v}).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> journals() {
        Arbitrary<String> ws = Arbitraries.of("", " ", "\n", "\r\n", "\t", "\n  ", "\r");
        Arbitrary<String> randomEntry = Combinators.combine(entryFields().list().ofMaxSize(7), ws)
                .as((fields, space) -> "{" + space + String.join("," + space, fields) + space + "}");
        // mostly entries as drizzle-kit writes them (keys shuffled, extras, a missing idx), so that the comparison
        // with Jackson happens often; the random ones test the declining
        Arbitrary<String> plainEntry = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.longs().between(-1L, 1_800_000_000_000L), Arbitraries.strings().withCharRange('a', 'z')
                        .withChars('_', '-', '0').ofMinLength(1).ofMaxLength(12), Arbitraries.of(true, false),
                Arbitraries.of(List.of("\"version\":\"7\""), List.of("\"breakpoints\":true"), List.<String>of()), ws)
                .as((idx, when, tag, withIdx, extra, space) -> {
                    List<String> fields = new ArrayList<>(extra);
                    if (withIdx) {
                        fields.add("\"idx\":" + idx);
                    }
                    fields.add("\"when\":" + when);
                    fields.add("\"tag\":\"" + tag + "\"");
                    java.util.Collections.rotate(fields, idx);
                    return "{" + space + String.join("," + space, fields) + space + "}";
                });
        Arbitrary<String> entry = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, plainEntry), net.jqwik.api.Tuple.of(1, randomEntry));
        Arbitrary<String> entries = Combinators.combine(entry.list().ofMaxSize(6), ws)
                .as((list, space) -> "\"entries\":" + space + "[" + space + String.join("," + space, list) + "]");
        Arbitrary<String> topField = Arbitraries.oneOf(entries, entries, entries, Arbitraries.of("\"version\":\"7\"",
                "\"dialect\":\"postgresql\"", "\"dialect\":\"pg\"", "\"dialect\":\"mysql\"", "\"dialect\":null",
                "\"dialect\":7", "\"extra\":{\"a\":1}", "\"extra\":[1,2]", "\"extra\":true", "\"v\\u0065rsion\":\"7\""));
        return Combinators.combine(topField.list().ofMaxSize(5), ws, ws)
                .as((fields, space, tail) -> space + "{" + space + String.join("," + space, fields) + space + "}"
                        + tail);
    }

    private static Arbitrary<String> entryFields() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.of("0", "1", "-1", "-0", "01", "1.5", "1e3", "2147483647",
                "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "123456789012345678",
                "1234567890123456789", "1700000000000", "null", "true", "\"1\"", "[]", "{}"),
                Arbitraries.longs().map(String::valueOf));
        Arbitrary<String> tag = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'c').withChars('_', '0', '1').ofMinLength(0).ofMaxLength(6)
                        .map(t -> "\"" + t + "\""),
                Arbitraries.of("\"0000_a\"", "\"0000_a\"", "\"0001_b\"", "\"a/b\"", "\"..\"", "\"\"", "\"\\u0041\"",
                        "\"t\\\"q\"", "\"é\"", "\"tab\there\"", "null", "7", "[\"x\"]"));
        return Arbitraries.oneOf(
                number.map(n -> "\"idx\":" + n),
                number.map(n -> "\"when\":" + n),
                tag.map(t -> "\"tag\":" + t),
                Arbitraries.of("\"version\":\"7\"", "\"breakpoints\":true", "\"breakpoints\":false",
                        "\"nested\":{\"when\":1}", "\"list\":[1]", "\"s\":\"\\n\""));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJournalTheFastPathDeclinesStillFailsWithJacksonsMessage() {
        byte[] json = bytes("{\"dialect\":\"postgresql\",\"entries\":[{\"idx\":0,\"tag\":\"0000_a\"}]}");

        assertThat(PlainJournal.tryParse(json)).isNull();
        assertThat(catchThrowable(() -> JournalParser.parse(json, "here")))
                .isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("has no \"when\"");
    }
}
