package io.drizzlemigrator.internal.sql;

import static io.drizzlemigrator.internal.sql.LexerTestSupport.texts;
import static io.drizzlemigrator.internal.sql.SplitModel.assertSplitsAsTheTokensSay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.internal.sql.SqlLexerPropertiesTest.ScriptGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SqlLexer#split}, which steps over most text without making tokens, cuts statements exactly where psql's
 * rules cut the stream of tokens the scanner makes one by one ({@link SplitModel}), on generated SQL-ish text: the
 * generators of {@link SqlLexerPropertiesTest}, the words that drive the {@code CREATE FUNCTION ... BEGIN ATOMIC}
 * heuristic in any case, arbitrary text, and shifted first lines and columns. Statements, their positions and tokens,
 * what reads only their first tokens, and syntax errors must all agree. (Until the lexer's output was frozen in
 * golden files, these properties compared it with a copy of the lexer before {@code split} stopped making tokens.)
 */
class SqlLexerEquivalenceTest {

    @Property(tries = 1000)
    void splitsSqlLikeScriptsAsTheTokensSay(@ForAll("scripts") String text, @ForAll("firstLines") int line,
            @ForAll("firstColumns") int column) {
        assertSplitsAsTheTokensSay(text, line, column);
    }

    @Property(tries = 1000)
    void followsFunctionBodiesAsTheTokensSay(@ForAll("definitions") String text, @ForAll("firstLines") int line,
            @ForAll("firstColumns") int column) {
        assertSplitsAsTheTokensSay(text, line, column);
    }

    @Property(tries = 1500)
    void splitsOrRefusesSqlNoiseAsTheTokensSay(@ForAll("sqlNoise") String text, @ForAll("firstLines") int line,
            @ForAll("firstColumns") int column) {
        assertSplitsAsTheTokensSay(text, line, column);
    }

    /** Once a statement's first words rule out a function definition, split skips words without lexing them. */
    @Property(tries = 1500)
    void splitsNoiseAfterTheFirstWordsAsTheTokensSay(@ForAll("statementStarts") String start,
            @ForAll("sqlNoise") String noise) {
        assertSplitsAsTheTokensSay(start + noise, 1, 1);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void splitsWhatPlainTextSkippingMustGetRightAsTheTokensSay(String sql) {
        assertSplitsAsTheTokensSay(sql, 1, 1);
        assertSplitsAsTheTokensSay(sql, 3, 7);
    }

    static List<String> fixtures() {
        return LexerGolden.FIXTURE_TEXTS;
    }

    @Property(tries = 1000)
    void splitsOrRefusesAnyTextAsTheTokensSay(@ForAll("anyText") String text, @ForAll("firstLines") int line,
            @ForAll("firstColumns") int column) {
        assertSplitsAsTheTokensSay(text, line, column);
    }

    @Property(tries = 1000)
    void classifiesStatementsOfTheClassifiersWordsAsTheirCompleteTokensSay(@ForAll("classifiable") String text) {
        assertSplitsAsTheTokensSay(text, 1, 1);
    }

    @Property(tries = 100)
    void splitsLongScriptsAsTheTokensSay(@ForAll("longScripts") String text) {
        assertSplitsAsTheTokensSay(text, 1, 1);
    }

    /**
     * What the migrator relies on when it splits the pieces between breakpoint markers one by one. All statements
     * but the last end at a {@code ;} that ends a statement (the last may end with the text, even at a {@code ;}
     * inside parentheses), and after one the scanner starts afresh.
     */
    @Property(tries = 500)
    void splitsTextsJoinedAfterAStatementsSemicolonAsEachAlone(@ForAll("scripts") String first,
            @ForAll("scripts") String second) {
        List<SqlStatement> firstStatements = SqlLexer.split(first);
        List<String> ended = texts(firstStatements.subList(0, Math.max(0, firstStatements.size() - 1)));
        String head = String.join("", ended);
        String tail = second.startsWith("\uFEFF") ? second.substring(1) : second;

        List<String> expected = new ArrayList<>(ended);
        expected.addAll(texts(SqlLexer.split(tail)));
        assertThat(texts(SqlLexer.split(head + tail))).isEqualTo(expected);
    }

    @Test
    void givesEveryThreadTheSameTokensWhenThreadsLookAtAStatementTogether() throws Exception {
        StringBuilder sql = new StringBuilder();
        Random random = new Random(42);
        while (sql.length() < 20_000) {
            sql.append(new ScriptGenerator(random, true).script().text()).append(";\n");
        }
        List<List<Token>> expected = SplitModel.statements(SqlLexer.tokenize(sql.toString()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                List<SqlStatement> shared = SqlLexer.split(sql.toString());
                List<Callable<List<List<Token>>>> readers = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    int way = r;
                    readers.add(() -> {
                        List<List<Token>> seen = new ArrayList<>();
                        for (SqlStatement st : shared) {
                            List<Token> tokens = new ArrayList<>();
                            switch (way) {
                                case 0 -> st.tokens().iterator().forEachRemaining(tokens::add);
                                case 1 -> {
                                    for (int i = 0; i < st.tokens().size(); i++) {
                                        tokens.add(st.tokens().get(i));
                                    }
                                }
                                case 2 -> {
                                    Token first = st.tokens().get(0); // one token scanned, the rest below
                                    for (Token t : st.tokens()) {
                                        tokens.add(t);
                                    }
                                    assertThat(tokens.get(0)).isSameAs(first);
                                }
                                default -> tokens.addAll(st.tokens().stream().toList());
                            }
                            seen.add(tokens);
                        }
                        return seen;
                    });
                }
                for (Future<List<List<Token>>> f : pool.invokeAll(readers)) {
                    assertThat(f.get()).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answersAsAnUnmodifiableListOfCopiedTokensWould() {
        SqlStatement st = SqlLexer.split("SELECT 1; ").get(0);
        List<Token> copied = List.copyOf(SqlLexer.tokenize("SELECT 1;"));
        assertThat(st.tokens()).isEqualTo(copied).hasSameHashCodeAs(copied).hasToString(copied.toString());
        assertThat(st.tokens().subList(1, 3)).isEqualTo(copied.subList(1, 3));
        assertThat(st.tokens().indexOf(copied.get(2))).isEqualTo(2);
        assertThat(st.tokens().stream().map(Token::text).toList()).containsExactly("SELECT", " ", "1", ";");
        for (Runnable change : List.<Runnable>of(() -> st.tokens().add(copied.get(0)),
                () -> st.tokens().remove(0), () -> st.tokens().set(0, copied.get(0)), () -> st.tokens().clear(),
                () -> st.tokens().removeIf(t -> false), () -> st.tokens().sort(null),
                () -> st.tokens().iterator().remove())) {
            assertThatThrownBy(change::run)
                    .isInstanceOf(UnsupportedOperationException.class);
        }
        assertThatThrownBy(() -> st.tokens().get(4))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> st.tokens().contains(null))
                .isInstanceOf(NullPointerException.class);
    }

    // ---- generators

    @Provide
    Arbitrary<Integer> firstLines() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.integers().between(1, 100_000)));
    }

    @Provide
    Arbitrary<Integer> firstColumns() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.integers().between(1, 300)));
    }

    @Provide
    Arbitrary<String> scripts() {
        return Arbitraries.randomValue(random -> {
            String text = new ScriptGenerator(random, random.nextInt(4) > 0).script().text();
            return random.nextInt(10) == 0 ? "\uFEFF" + text : text;
        });
    }

    /** Scripts with the words of the function-body heuristic (in any case) among their fragments. */
    @Provide
    Arbitrary<String> definitions() {
        return Arbitraries.randomValue(SqlLexerEquivalenceTest::definition);
    }

    @Provide
    Arbitrary<String> sqlNoise() {
        return Arbitraries.strings().withChars("'\"$;-/*\\eEuU&xXbBnN\n\r \t()[]:.+=<>_0123456789aé日\uFEFF\uD83D\uDE00")
                .ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> statementStarts() {
        return Arbitraries.of("", "x ", "ALTER ", "select 1 ", "CREATE TABLE ", "CREATE OR ", "CREATE OR REPLACE ",
                "create or replace view ", "CREATE x ", "drop ", "a", "\"q\" x ", "(x ", "x (", "x;");
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> longScripts() {
        return Arbitraries.randomValue(random -> {
            StringBuilder out = new StringBuilder();
            int pieces = 20 + random.nextInt(80);
            for (int i = 0; i < pieces; i++) {
                String piece = random.nextBoolean() ? new ScriptGenerator(random, true).script().text()
                        : definition(random);
                out.append(piece).append(random.nextBoolean() ? ";\n" : "\r\n");
            }
            return out.toString();
        });
    }

    /** Statements of the words and punctuation the classifier looks for, in any order and case. */
    @Provide
    Arbitrary<String> classifiable() {
        return Arbitraries.randomValue(random -> {
            StringBuilder out = new StringBuilder();
            int statements = 1 + random.nextInt(3);
            for (int s = 0; s < statements; s++) {
                out.append(CLASSIFIER_HEADS[random.nextInt(CLASSIFIER_HEADS.length)]).append(' ');
                int words = random.nextInt(12);
                for (int i = 0; i < words; i++) {
                    String w = CLASSIFIER_WORDS[random.nextInt(CLASSIFIER_WORDS.length)];
                    out.append(random.nextInt(4) == 0 ? w.toLowerCase(Locale.ROOT) : w);
                    out.append(random.nextInt(6) == 0 ? "\n" : random.nextInt(6) == 0 ? "/* c */" : " ");
                }
                out.append(random.nextInt(5) == 0 ? "" : ";");
            }
            return out.toString();
        });
    }

    /** The starts of the statements the classifier tells apart (and some it must not confuse with them). */
    private static final String[] CLASSIFIER_HEADS = {"", "CREATE INDEX", "create unique index concurrently",
        "CREATE INDEX CONCURRENTLY", "DROP INDEX", "drop index concurrently", "ALTER TABLE t", "ALTER TABLE t DETACH",
        "ALTER TABLE t DETACH PARTITION p", "ALTER DATABASE d", "ALTER DATABASE d SET", "ALTER SUBSCRIPTION s",
        "ALTER SUBSCRIPTION s SET PUBLICATION p WITH (", "CREATE SUBSCRIPTION s CONNECTION 'c' PUBLICATION p WITH (",
        "CREATE SUBSCRIPTION s", "REINDEX", "REINDEX (", "reindex (verbose) table", "CLUSTER", "CLUSTER (",
        "CLUSTER VERBOSE", "BEGIN", "begin atomic", "ROLLBACK", "ROLLBACK WORK", "rollback prepared", "COMMIT",
        "START", "DISCARD", "CREATE OR REPLACE", "DROP", "ALTER SYSTEM", "VACUUM", "/* c */ CREATE", "-- c\nALTER",
        "(", ";", "\"CREATE\""};

    private static final String[] CLASSIFIER_WORDS = {"CREATE", "CREATE", "DROP", "ALTER", "ALTER", "REINDEX",
        "CLUSTER", "BEGIN", "ATOMIC", "START", "TRANSACTION", "COMMIT", "PREPARED", "ROLLBACK", "WORK", "TO",
        "SAVEPOINT", "END", "ABORT", "VACUUM", "DISCARD", "ALL", "UNIQUE", "INDEX", "CONCURRENTLY", "DATABASE",
        "TABLESPACE", "SUBSCRIPTION", "TABLE", "DETACH", "PARTITION", "SET", "ADD", "REFRESH", "PUBLICATION", "WITH",
        "SYSTEM", "VERBOSE", "OR", "REPLACE", "FUNCTION", "TEMP", "MATERIALIZED", "VIEW", "(", "(", ")", ")", ",",
        "=", "false", "off", "0", "'false'", "\"connect\"", "create_slot", "connect", "refresh", "true", "x", "t",
        "-- c\n", "\"q\"\"x\"", "$$ body $$", "1.5", "::", ";"};

    private static final String[] DEFINITION_WORDS = {"CREATE", "create", "Create", "OR", "or", "REPLACE",
        "replace", "FUNCTION", "function", "PROCEDURE", "Procedure", "BEGIN", "begin", "ATOMIC", "CASE", "case", "END",
        "end", "End", "RETURN", "SELECT", "f", "p", "int", "(", ")", ";", ";", "x(", "createx", "beginning", "ends",
        "cas", "CREATE_", "\u017Fe", "\u212Aey", "b\u0130gin"};

    private static String definition(Random random) {
        StringBuilder out = new StringBuilder();
        if (random.nextBoolean()) {
            out.append(random.nextBoolean() ? "CREATE OR REPLACE FUNCTION f() " : "create procedure p() ");
        }
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(5) == 0) {
                out.append(new ScriptGenerator(random, true).script().text());
            } else {
                out.append(DEFINITION_WORDS[random.nextInt(DEFINITION_WORDS.length)]);
            }
            out.append(random.nextInt(8) == 0 ? "\n" : " ");
        }
        return out.toString();
    }
}
