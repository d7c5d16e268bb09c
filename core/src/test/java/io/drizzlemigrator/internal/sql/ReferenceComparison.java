package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

/**
 * Asserts that {@link SqlLexer} gives what {@link ReferenceLexer} (the lexer before {@code split} stopped making
 * tokens) gives: the same statements (text, offset, line, column, tokens), the same answers from what reads a
 * statement's first tokens only ({@link SqlStatement#isEmpty()}, {@link StatementClassifier#classify} against
 * {@link ReferenceClassifier}, the first significant token), the same tokens from {@code tokenize}, and the same
 * {@link SqlSyntaxException} (message, offset, line, column) when the text cannot be lexed.
 */
final class ReferenceComparison {

    private ReferenceComparison() {
    }

    /** {@code split(text, firstLine, firstColumn)} and {@code tokenize(text)} agree with the reference. */
    static void assertSameAsReference(String text, int firstLine, int firstColumn) {
        assertSameSplit(text, firstLine, firstColumn);
        assertSameTokens(text);
    }

    static void assertSameSplit(String text, int firstLine, int firstColumn) {
        Outcome<List<SqlStatement>> expected = Outcome.of(() -> ReferenceLexer.split(text, firstLine, firstColumn));
        Outcome<List<SqlStatement>> actual = Outcome.of(() -> SqlLexer.split(text, firstLine, firstColumn));
        String where = "split at line " + firstLine + ", column " + firstColumn + " of " + quote(text);
        if (expected.failure != null || actual.failure != null) {
            assertSameFailure(where, expected.failure, actual.failure);
            return;
        }
        List<SqlStatement> reference = expected.value;
        List<SqlStatement> statements = actual.value;
        assertThat(statements).as(where).hasSameSizeAs(reference);
        for (int i = 0; i < reference.size(); i++) {
            SqlStatement want = reference.get(i);
            SqlStatement got = statements.get(i);
            String which = where + ", statement " + i;
            // first what looks only at the first tokens, before anything makes them all
            assertThat(got.isEmpty()).as("isEmpty, %s", which).isEqualTo(want.isEmpty());
            assertThat(StatementClassifier.classify(got)).as("classification, %s", which)
                    .isEqualTo(ReferenceClassifier.classify(want));
            assertThat(firstSignificant(got)).as("first significant token, %s", which)
                    .isEqualTo(firstSignificant(want));
            // then everything: text, offset, line, column and every token
            assertThat(got).as(which).isEqualTo(want);
            assertThat(got.tokens().size()).as(which).isEqualTo(want.tokens().size());
            assertThat(got.significantTokens()).as(which).isEqualTo(want.significantTokens());
        }
    }

    static void assertSameTokens(String text) {
        Outcome<List<Token>> expected = Outcome.of(() -> ReferenceLexer.tokenize(text));
        Outcome<List<Token>> actual = Outcome.of(() -> SqlLexer.tokenize(text));
        String where = "tokenize " + quote(text);
        if (expected.failure != null || actual.failure != null) {
            assertSameFailure(where, expected.failure, actual.failure);
            return;
        }
        assertThat(actual.value).as(where).isEqualTo(expected.value);
    }

    private static Token firstSignificant(SqlStatement statement) {
        for (Token t : statement.tokens()) {
            if (t.isSignificant()) {
                return t;
            }
        }
        return null;
    }

    private static void assertSameFailure(String where, RuntimeException expected, RuntimeException actual) {
        if (expected == null) {
            throw new AssertionError(where + ": the reference succeeds but the lexer fails", actual);
        }
        if (actual == null) {
            throw new AssertionError(where + ": the reference fails with " + expected + " but the lexer succeeds");
        }
        if (!(expected instanceof SqlSyntaxException want)) {
            throw new AssertionError(where + ": the reference fails unexpectedly", expected);
        }
        if (!(actual instanceof SqlSyntaxException got)) {
            throw new AssertionError(where + ": the lexer fails with " + actual + " where the reference fails with "
                    + expected, actual);
        }
        assertThat(got).as(where).hasMessage(want.getMessage());
        assertThat(new int[] {got.offset(), got.line(), got.column()}).as("offset, line, column; %s", where)
                .containsExactly(want.offset(), want.line(), want.column());
    }

    private static String quote(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\" ("
                + text.length() + " chars)";
    }

    /** A value or the runtime exception that took its place. */
    private record Outcome<T>(T value, RuntimeException failure) {

        static <T> Outcome<T> of(Supplier<T> computation) {
            try {
                return new Outcome<>(computation.get(), null);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }
    }
}
