package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code .sql} file of the real drizzle folders (journal entries and strays alike), cut at
 * {@code --> statement-breakpoint} as drizzle's migrator cuts it, splits without error and without losing a
 * character; statement positions point at the statement's first keyword in the file; and since drizzle's migrator
 * applies every one of these folders inside a single transaction, none of their statements may be classified
 * {@link StatementKind#NON_TRANSACTIONAL}.
 */
class SqlLexerCorporaTest {

    private static final String BREAKPOINT = "--> statement-breakpoint";

    static List<String> corpora() {
        return Corpora.names();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void splitsEveryPieceOfEveryFileOfTheRealFolder(String corpus) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Corpora.folder(corpus))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int statements = 0;
        for (Path file : files) {
            statements += splitFile(file);
        }
        assertThat(statements).as("statements in %s", corpus).isGreaterThanOrEqualTo(files.size());
    }

    /** Splits one file piece by piece; returns how many statements it holds that are not empty. */
    private static int splitFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n|\r|\n", -1);
        int count = 0;
        for (int pieceStart : pieceStarts(text)) {
            int pieceEnd = text.indexOf(BREAKPOINT, pieceStart);
            String piece = text.substring(pieceStart, pieceEnd < 0 ? text.length() : pieceEnd);
            int line = 1 + lineBreaksBefore(text, pieceStart);
            int column = 1 + pieceStart - lineStart(text, pieceStart);

            List<SqlStatement> statements = SqlLexer.split(piece, line, column);

            assertThat(statements.stream().map(SqlStatement::text).reduce("", String::concat))
                    .as("%s at line %d", file, line).isEqualTo(piece);
            for (SqlStatement st : statements) {
                Classification c = StatementClassifier.classify(st);
                assertThat(c.kind()).as("%s line %d: %s", file, st.line(), st.text())
                        .isNotEqualTo(StatementKind.NON_TRANSACTIONAL);
                if (st.isEmpty()) {
                    continue;
                }
                count++;
                Token first = st.significantTokens().get(0);
                assertThat(first.type()).as("%s line %d", file, st.line()).isEqualTo(TokenType.WORD);
                String fileLine = lines[st.line() - 1];
                int charColumn = fileLine.offsetByCodePoints(0, st.column() - 1);
                assertThat(fileLine.substring(charColumn)).as("%s line %d column %d", file, st.line(), st.column())
                        .startsWith(first.text());
            }
        }
        return count;
    }

    /** Where each piece starts: 0, then just after each breakpoint marker (drizzle's literal split). */
    private static List<Integer> pieceStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf(BREAKPOINT); i >= 0; i = text.indexOf(BREAKPOINT, i + BREAKPOINT.length())) {
            starts.add(i + BREAKPOINT.length());
        }
        return starts;
    }

    private static int lineBreaksBefore(String text, int offset) {
        int breaks = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }

    private static int lineStart(String text, int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }
}
