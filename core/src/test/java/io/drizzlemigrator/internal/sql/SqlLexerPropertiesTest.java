package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of tokenize/split over generated SQL-ish text: nothing lost, added or reordered; strings, comments,
 * quoted identifiers and dollar quotes never cut; one statement per {@code ;} outside parentheses (and outside
 * strings, comments...); and on arbitrary text, only
 * {@link SqlSyntaxException}, never another exception or a hang.
 */
class SqlLexerPropertiesTest {

    private static final Duration NO_HANG = Duration.ofSeconds(10);
    private static final ExecutorService WATCHDOG = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lexer-property-check");
        t.setDaemon(true);
        return t;
    });

    /** A piece of generated SQL; {@code atomic} says which single token it must lex as (null: no constraint). */
    record Fragment(String text, TokenType atomic) {

        boolean isSemicolon() {
            return atomic == TokenType.SEMICOLON;
        }
    }

    /** Generated SQL with the offsets of its fragments. */
    record Script(String text, List<Fragment> fragments, List<Integer> offsets) {

        /**
         * Ends (exclusive offsets) of the ';' fragments outside the generated parentheses: the '(' and ')' operator
         * fragments, counted as psql counts them (a ')' too many is ignored).
         */
        List<Integer> topLevelSemicolonEnds() {
            List<Integer> ends = new ArrayList<>();
            int depth = 0;
            for (int i = 0; i < fragments.size(); i++) {
                String f = fragments.get(i).text();
                if (fragments.get(i).atomic() == null && f.equals("(")) {
                    depth++;
                } else if (fragments.get(i).atomic() == null && f.equals(")") && depth > 0) {
                    depth--;
                } else if (fragments.get(i).isSemicolon() && depth == 0) {
                    ends.add(offsets.get(i) + 1);
                }
            }
            return ends;
        }

        /** Whether any text (even whitespace) follows the last top-level ';' (or there is text and no such ';'). */
        boolean hasTrailingText() {
            List<Integer> ends = topLevelSemicolonEnds();
            return (ends.isEmpty() ? 0 : ends.get(ends.size() - 1)) < text.length();
        }
    }

    // ---- properties

    @Property(tries = 600)
    void tokensGiveTheTextBackAndKeepEveryQuotedOrCommentFragmentWhole(@ForAll("scripts") Script script) {
        List<Token> tokens = SqlLexer.tokenize(script.text());

        assertThat(concatenate(tokens)).isEqualTo(script.text());
        assertContiguousWithPositions(script.text(), tokens, 1, 1);
        for (int i = 0; i < script.fragments().size(); i++) {
            Fragment f = script.fragments().get(i);
            if (f.atomic() == null) {
                continue;
            }
            int offset = script.offsets().get(i);
            Token token = tokens.stream().filter(t -> t.offset() == offset).findFirst().orElse(null);
            assertThat(token).as("token at %d for fragment %s", offset, f.text()).isNotNull();
            assertThat(token.text()).isEqualTo(f.text());
            assertThat(token.type()).isEqualTo(f.atomic());
        }
    }

    @Property(tries = 600)
    void statementsEndExactlyAtTopLevelSemicolons(@ForAll("scripts") Script script) {
        List<SqlStatement> statements = SqlLexer.split(script.text());

        assertThat(statements.stream().map(SqlStatement::text).reduce("", String::concat)).isEqualTo(script.text());
        List<Integer> semicolonEnds = script.topLevelSemicolonEnds();
        assertThat(statements).hasSize(semicolonEnds.size() + (script.hasTrailingText() ? 1 : 0));
        int end = 0;
        for (int i = 0; i < semicolonEnds.size(); i++) {
            SqlStatement s = statements.get(i);
            assertThat(s.tokens().get(0).offset()).isEqualTo(end);
            end += s.text().length();
            assertThat(end).isEqualTo(semicolonEnds.get(i));
            assertThat(concatenate(s.tokens())).isEqualTo(s.text());
        }
    }

    @Property(tries = 200)
    void aSqlStandardFunctionBodyIsOneStatementWhateverItHolds(@ForAll("functionBodies") Script body) {
        String head = "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n";
        String sql = head + body.text() + "\nEND;\nSELECT 1;";

        List<SqlStatement> statements = SqlLexer.split(sql);

        assertThat(statements).extracting(SqlStatement::text)
                .containsExactly(head + body.text() + "\nEND;", "\nSELECT 1;");
    }

    @Property(tries = 300)
    void positionsShiftWithTheFirstLineAndColumn(@ForAll("scripts") Script script,
            @ForAll("positive") int firstLine, @ForAll("positive") int firstColumn) {
        List<SqlStatement> statements = SqlLexer.split(script.text(), firstLine, firstColumn);

        List<Token> tokens = statements.stream().flatMap(s -> s.tokens().stream()).toList();
        assertContiguousWithPositions(script.text(), tokens, firstLine, firstColumn);
    }

    @Property(tries = 1000)
    void sqlLikeNoiseEitherLexesCompletelyOrFailsWithASyntaxError(@ForAll("sqlNoise") String text) {
        withoutHanging(() -> lexesCompletelyOrFailsCleanly(text));
    }

    @Property(tries = 500)
    void anyTextEitherLexesCompletelyOrFailsWithASyntaxError(@ForAll("anyText") String text) {
        withoutHanging(() -> lexesCompletelyOrFailsCleanly(text));
    }

    // ---- checks

    private static void lexesCompletelyOrFailsCleanly(String text) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(text);
        } catch (SqlSyntaxException e) {
            assertThat(e.offset()).isBetween(0, text.length() - 1);
            assertThat("'\"$/eEbBxXnNuU").contains(String.valueOf(text.charAt(e.offset())));
            int[] expected = position(text, e.offset(), 1, 1);
            assertThat(new int[] {e.line(), e.column()}).isEqualTo(expected);
            assertThat(e.getMessage()).contains("unterminated").contains("line " + e.line() + ", column " + e.column());
            // split fails the same way
            try {
                SqlLexer.split(text);
            } catch (SqlSyntaxException again) {
                assertThat(again.offset()).isEqualTo(e.offset());
                return;
            }
            throw new AssertionError("split accepted what tokenize refused: " + text);
        }
        assertThat(concatenate(tokens)).isEqualTo(text);
        assertContiguousWithPositions(text, tokens, 1, 1);
        List<SqlStatement> statements = SqlLexer.split(text);
        assertThat(statements.stream().map(SqlStatement::text).reduce("", String::concat)).isEqualTo(text);
        assertThat(statements.stream().flatMap(s -> s.tokens().stream()).toList()).isEqualTo(tokens);
        for (SqlStatement s : statements) {
            StatementClassifier.classify(s); // never throws either
        }
    }

    private static String concatenate(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        tokens.forEach(t -> out.append(t.text()));
        return out.toString();
    }

    /**
     * Tokens follow each other without gap or overlap, cover the text, and carry the line and column a reference walk
     * over the text gives: a line ends at CRLF, LF or CR; columns count code points; a BOM that starts line 1,
     * column 1 takes no column.
     */
    private static void assertContiguousWithPositions(String text, List<Token> tokens, int firstLine, int firstColumn) {
        Walk walk = new Walk(text, firstLine, firstColumn);
        int offset = 0;
        for (Token t : tokens) {
            if (t.offset() != offset || t.text().isEmpty()) {
                throw new AssertionError("token " + t + " does not start at " + offset + " in " + quote(text));
            }
            walk.advanceTo(offset);
            if (t.line() != walk.line || t.column() != walk.column) {
                throw new AssertionError("token " + t + " should be at line " + walk.line + ", column " + walk.column
                        + " in " + quote(text));
            }
            offset += t.text().length();
        }
        assertThat(offset).isEqualTo(text.length());
    }

    private static int[] position(String text, int offset, int firstLine, int firstColumn) {
        Walk walk = new Walk(text, firstLine, firstColumn);
        walk.advanceTo(offset);
        return new int[] {walk.line, walk.column};
    }

    /** The reference for positions, written independently of the scanner's cursor. */
    private static final class Walk {

        private final String text;
        private int i;
        int line;
        int column;

        Walk(String text, int firstLine, int firstColumn) {
            this.text = text;
            this.line = firstLine;
            this.column = firstColumn;
            if (firstLine == 1 && firstColumn == 1 && text.startsWith("\uFEFF")) {
                i = 1;
            }
        }

        void advanceTo(int offset) {
            while (i < offset) {
                if (text.startsWith("\r\n", i) && i + 1 < offset) {
                    line++;
                    column = 1;
                    i += 2;
                } else if (text.charAt(i) == '\r' || text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                    i++;
                } else {
                    column++;
                    i += Character.charCount(text.codePointAt(i));
                }
            }
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    /** Runs {@code check} on a reused watchdog thread and fails if it does not finish in time (a lexer loop). */
    private static void withoutHanging(Runnable check) {
        Future<?> f = WATCHDOG.submit(check);
        try {
            f.get(NO_HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("lexing did not finish within " + NO_HANG, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- generators

    @Provide
    Arbitrary<Integer> positive() {
        return Arbitraries.integers().between(1, 10_000);
    }

    @Provide
    Arbitrary<String> sqlNoise() {
        return Arbitraries.strings().withChars("'\"$;-/*\\eEuU&xXbBnN\n\r \t()[]:.+=<>_0123456789aé日\uFEFF")
                .ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(60);
    }

    @Provide
    Arbitrary<Script> scripts() {
        return Arbitraries.randomValue(random -> new ScriptGenerator(random, true).script());
    }

    /** As {@link #scripts()} without '(' (psql ignores BEGIN/END inside parentheses, so one would keep a body open). */
    @Provide
    Arbitrary<Script> functionBodies() {
        return Arbitraries.randomValue(random -> new ScriptGenerator(random, false).script());
    }

    /**
     * SQL-ish scripts from jqwik's seeded random (combinator trees made generation, not lexing, the cost of these
     * properties). Fragments are joined with whitespace (so no two fuse into one token), a newline follows each line
     * comment, and a word separates an E-string from a following plain string (which would otherwise continue the
     * E-string, backslash escapes included).
     */
    static final class ScriptGenerator {

        // no CREATE/FUNCTION/PROCEDURE/BEGIN/CASE/END: those are the function-body heuristic's business
        private static final String[] WORDS = {"select", "FROM", "t", "a_1", "x$y", "a$$", "café", "日本語", "_u", "e",
            "E", "b", "x", "n", "u", "U", "drop", "index", "concurrently", "z\uD83D\uDE00"};
        private static final String[] NUMBERS = {"1", "42", "3.14", ".5", "1e10", "2.5E-3", "0x1F", "1_000"};
        private static final String[] OPERATORS = {"(", ")", ",", "::", "=", "<>", "+", "-", "*", "/", "||", "->>",
            "[", "]", ".", ":=", "$", "\\", "&"};
        private static final String[] PREFIXED_STRINGS = {"B'0101'", "X'1F'", "N'n''s'", "U&'\\0041;'",
            "e'\\';'", "b''", "x'--'"};
        private static final String[] E_STRING_PIECES = {"a", " ", ";", "\\'", "\\\\", "''", "\\n", "\\x41",
            "\"", "--", "/*", "$$", "é", "\n"};
        private static final String[] DOLLAR_PIECES = {"x", " ", ";", "'", "''", "\"", "--", "/*", "*/", "$$", "$a$",
            "$b$", "$", "\\", "\n", "BEGIN", "END;"};
        /** No '*' or '/', which could fuse with the comment markers around them. */
        private static final String[] COMMENT_PIECES = {"", " ", "x", ";", "'", "\"", "$$", "--", "\n", " it's ",
            "é"};
        private static final String QUOTABLE = "ab ;'\"-/*$\\é\n\r日\uD83D\uDE00";
        private static final String[] SEPARATORS = {" ", " ", "\n", "\r\n", "\t", "\n\n  ", "\r"};
        private static final String[] LAST_SEPARATORS = {"", "", " ", "\n"};

        private final Random random;
        private final boolean openingParentheses;

        ScriptGenerator(Random random, boolean openingParentheses) {
            this.random = random;
            this.openingParentheses = openingParentheses;
        }

        Script script() {
            int count = random.nextInt(26);
            StringBuilder text = new StringBuilder();
            List<Fragment> fragments = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            boolean afterExtendedString = false;
            for (int i = 0; i < count; i++) {
                Fragment f = fragment();
                if (afterExtendedString && f.text().startsWith("'")) {
                    Fragment spacer = new Fragment("x", TokenType.WORD);
                    fragments.add(spacer);
                    offsets.add(text.length());
                    text.append(spacer.text()).append(' ');
                }
                fragments.add(f);
                offsets.add(text.length());
                text.append(f.text());
                String separator = pick(i == count - 1 ? LAST_SEPARATORS : SEPARATORS);
                if (f.atomic() == TokenType.LINE_COMMENT && !separator.isEmpty() && separator.indexOf('\n') < 0
                        && separator.indexOf('\r') < 0) {
                    separator = "\n";
                }
                text.append(separator);
                if (f.atomic() == TokenType.STRING) {
                    afterExtendedString = f.text().startsWith("E'") || f.text().startsWith("e'");
                } else if (f.atomic() != TokenType.LINE_COMMENT) {
                    afterExtendedString = false;
                }
            }
            return new Script(text.toString(), List.copyOf(fragments), List.copyOf(offsets));
        }

        private Fragment fragment() {
            int roll = random.nextInt(22);
            if (roll < 3) {
                return new Fragment(pick(WORDS), TokenType.WORD);
            } else if (roll < 4) {
                return new Fragment(pick(NUMBERS), TokenType.NUMBER);
            } else if (roll < 5) {
                String op = pick(OPERATORS);
                return new Fragment(openingParentheses || !op.equals("(") ? op : ")", null);
            } else if (roll < 8) {
                return new Fragment(";", TokenType.SEMICOLON);
            } else if (roll < 10) {
                return new Fragment("'" + text(QUOTABLE, 12).replace("'", "''") + "'", TokenType.STRING);
            } else if (roll < 12) {
                return new Fragment("E'" + pieces(E_STRING_PIECES, 8) + "'", TokenType.STRING);
            } else if (roll < 13) {
                return new Fragment(pick(PREFIXED_STRINGS), TokenType.STRING);
            } else if (roll < 15) {
                return new Fragment(dollarQuote(), TokenType.DOLLAR_STRING);
            } else if (roll < 17) {
                return new Fragment(blockComment(3), TokenType.BLOCK_COMMENT);
            } else if (roll < 19) {
                return new Fragment("--" + text(QUOTABLE.replace("\n", "").replace("\r", ""), 15),
                        TokenType.LINE_COMMENT);
            } else {
                String prefix = pick(new String[] {"", "", "U&", "u&"});
                return new Fragment(prefix + "\"" + text(QUOTABLE, 10).replace("\"", "\"\"") + "\"",
                        TokenType.QUOTED_IDENTIFIER);
            }
        }

        private String dollarQuote() {
            while (true) {
                // a tag starts with a letter, '_' or non-ASCII, never a digit
                String tag = random.nextBoolean() ? "" : pick(new String[] {"a", "b", "é", "_"}) + text("ab_1é", 3);
                String delimiter = "$" + tag + "$";
                String body = pieces(DOLLAR_PIECES, 10);
                if ((body + delimiter).indexOf(delimiter) == body.length()) {
                    return delimiter + body + delimiter;
                }
            }
        }

        private String blockComment(int depth) {
            StringBuilder out = new StringBuilder("/*");
            for (int i = 0; i < 5; i++) {
                if (i % 2 == 1 && depth > 0 && random.nextBoolean()) {
                    out.append(blockComment(depth - 1));
                } else if (i % 2 == 0) {
                    out.append(pick(COMMENT_PIECES));
                }
            }
            return out.append("*/").toString();
        }

        private String pieces(String[] from, int max) {
            StringBuilder out = new StringBuilder();
            for (int i = random.nextInt(max + 1); i > 0; i--) {
                out.append(pick(from));
            }
            return out.toString();
        }

        /** Up to {@code max} code points from {@code chars} (surrogate pairs kept whole). */
        private String text(String chars, int max) {
            int[] points = chars.codePoints().toArray();
            StringBuilder out = new StringBuilder();
            for (int i = random.nextInt(max + 1); i > 0; i--) {
                out.appendCodePoint(points[random.nextInt(points.length)]);
            }
            return out.toString();
        }

        private String pick(String[] from) {
            return from[random.nextInt(from.length)];
        }
    }
}
