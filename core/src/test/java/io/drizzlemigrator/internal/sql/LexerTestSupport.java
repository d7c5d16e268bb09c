package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Short ways to look at lexer results in tests. */
final class LexerTestSupport {

    private LexerTestSupport() {
    }

    /** The texts of the statements. */
    static List<String> texts(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::text).toList();
    }

    /** The texts of the significant tokens of {@code sql}. */
    static List<String> significant(String sql) {
        return SqlLexer.tokenize(sql).stream().filter(Token::isSignificant).map(Token::text).toList();
    }

    /** The one token {@code sql} consists of (fails if there are several). */
    static Token only(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        assertThat(tokens).as("tokens of %s", sql).hasSize(1);
        return tokens.get(0);
    }
}
