package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.internal.sql.LexerGolden.Input;
import io.drizzlemigrator.testing.Corpora;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SqlLexer} (and {@link StatementClassifier} on its statements) gives what it gave when its output was frozen
 * in the golden files ({@link LexerGolden} says what they hold): for every {@code .sql} file of the real drizzle
 * folders ({@link Corpora}), whole and piece by piece between {@code --> statement-breakpoint} markers, for a
 * generated 1000-migration folder (the benchmarks' generator), and for hand-written inputs that are easy to split
 * wrongly. A difference names the input and the line of the statement that differs.
 */
class SqlLexerGoldenTest {

    static List<String> corpora() {
        return Corpora.names();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void splitsEveryFileOfTheRealFolderAsTheGoldenFileSays(String corpus) throws IOException {
        assertMatchesGolden(corpus, LexerGolden.folder(Corpora.folder(corpus)));
    }

    @Test
    void splitsEveryFileOfAGeneratedFolderAsTheGoldenFileSays(@TempDir Path dir) throws Exception {
        List<Input> inputs = LexerGolden.folder(LexerGolden.generate(dir));

        assertThat(inputs).hasSize(1000);
        assertMatchesGolden(LexerGolden.GENERATED, inputs);
    }

    @Test
    void splitsTheHandWrittenFixturesAsTheGoldenFileSays() throws IOException {
        assertMatchesGolden(LexerGolden.FIXTURES, LexerGolden.fixtures());
    }

    /** Every input is in the golden file, and renders as its lines there; the differences, input by input. */
    private static void assertMatchesGolden(String name, List<Input> inputs) throws IOException {
        Map<String, List<String>> golden = read(name);
        assertThat(inputs).extracting(Input::name).as("inputs of %s", name)
                .containsExactlyElementsOf(golden.keySet());
        List<String> differences = new ArrayList<>();
        for (Input input : inputs) {
            List<String> expected = golden.get(input.name());
            List<String> actual = LexerGolden.render(input);
            String difference = firstDifference(expected, actual);
            if (difference != null) {
                differences.add(name + "/" + input.name() + ": " + difference);
            }
        }
        assertThat(differences).as("inputs whose lexing differs from golden/lexer/%s.txt", name).isEmpty();
    }

    /** Where {@code actual} first departs from {@code expected}, in words, or null. */
    private static String firstDifference(List<String> expected, List<String> actual) {
        if (!expected.get(0).equals(actual.get(0))) {
            String header = expected.get(0).substring(0, expected.get(0).indexOf(" tokens"));
            return actual.get(0).startsWith(header)
                    ? "tokenize differs: golden " + expected.get(0) + ", now " + actual.get(0)
                    : "the input is not the one the golden file was written from (" + expected.get(0) + ")";
        }
        for (int i = 1; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(nothing)";
            String got = i < actual.size() ? actual.get(i) : "(nothing)";
            if (!want.equals(got)) {
                return "the statement or piece at line " + lineOf(want) + " differs: golden '" + want + "', now '"
                        + got + "'";
            }
        }
        return null;
    }

    /** The start line a golden line names: {@code 12:1 ...} or {@code p 12:1 ...}. */
    private static String lineOf(String goldenLine) {
        String position = goldenLine.startsWith("p ") ? goldenLine.substring(2) : goldenLine;
        int colon = position.indexOf(':');
        return colon > 0 ? position.substring(0, colon) : "?";
    }

    /** The golden file {@code name}: the lines of each input, by input name, in order. */
    private static Map<String, List<String>> read(String name) throws IOException {
        String resource = "/golden/lexer/" + name + ".txt";
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        try (InputStream in = SqlLexerGoldenTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            List<String> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("== ")) {
                    current = new ArrayList<>();
                    inputs.put(line.substring(3, line.lastIndexOf(" input ")), current);
                } else if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                assertThat(current).as("a line before the first input in %s", resource).isNotNull();
                current.add(line);
            }
        }
        return inputs;
    }
}
