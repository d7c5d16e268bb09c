package io.drizzlemigrator.internal.sql;

import static io.drizzlemigrator.internal.sql.ReferenceComparison.assertSameAsReference;
import static io.drizzlemigrator.internal.sql.ReferenceComparison.assertSameSplit;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SqlLexer} splits every {@code .sql} file of the real drizzle folders ({@link Corpora}, as
 * {@link SqlLexerCorporaTest} finds them) and of a generated 1000-migration folder (the benchmarks' generator)
 * exactly as {@link ReferenceLexer} does: each whole file, and each piece between {@code --> statement-breakpoint}
 * markers at the line and column where it starts, as the migrator splits them.
 */
class SqlLexerCorporaEquivalenceTest {

    private static final String BREAKPOINT = "--> statement-breakpoint";

    static List<String> corpora() {
        return Corpora.names();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void splitsEveryFileOfTheRealFolderAsTheReference(String corpus) throws IOException {
        assertThat(sameAsReferenceForEveryFile(Corpora.folder(corpus))).isPositive();
    }

    @Test
    void splitsEveryFileOfAGeneratedFolderAsTheReference(@TempDir Path dir) throws Exception {
        Path generator = Corpora.generator();
        Assumptions.assumeTrue(Files.isRegularFile(generator), "no generator at " + generator);
        Process p = new ProcessBuilder("python3", generator.toString(), "1000", dir.toString(), "--seed", "7")
                .redirectErrorStream(true).redirectOutput(dir.resolve("generator.log").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("generator finished").isTrue();
        assertThat(p.exitValue()).as("generator exit code; %s", Files.readString(dir.resolve("generator.log")))
                .isZero();

        assertThat(sameAsReferenceForEveryFile(dir.resolve("drizzle"))).isEqualTo(1000);
    }

    /** Compares every {@code .sql} file of {@code folder}, whole and piece by piece; returns how many there were. */
    private static int sameAsReferenceForEveryFile(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertSameAsReference(text, 1, 1);
            int pieceStart = 0;
            while (true) {
                int end = text.indexOf(BREAKPOINT, pieceStart);
                String piece = text.substring(pieceStart, end < 0 ? text.length() : end);
                int[] position = position(text, pieceStart);
                assertSameSplit(piece, position[0], position[1]);
                if (end < 0) {
                    break;
                }
                pieceStart = end + BREAKPOINT.length();
            }
        }
        return files.size();
    }

    /** Line and column (in code points) of {@code offset}, as the migrator positions a piece. */
    private static int[] position(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)))) {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
