package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerPositionsTest {

    @Test
    void reportsOneBasedLinesAndColumnsOfTokens() {
        assertThat(SqlLexer.tokenize("SELECT\n  a,\n\tb")).filteredOn(Token::isSignificant)
                .extracting(Token::text, Token::offset, Token::line, Token::column)
                .containsExactly(tuple("SELECT", 0, 1, 1), tuple("a", 9, 2, 3), tuple(",", 10, 2, 4),
                        tuple("b", 13, 3, 2));
    }

    @Test
    void countsCrLfAsOneLineBreakAndALoneCrAsOne() {
        assertThat(SqlLexer.tokenize("a\r\nb\rc\n\r\nd")).filteredOn(Token::isSignificant)
                .extracting(Token::text, Token::line, Token::column)
                .containsExactly(tuple("a", 1, 1), tuple("b", 2, 1), tuple("c", 3, 1), tuple("d", 5, 1));
    }

    @Test
    void countsLinesInsideMultiLineTokens() {
        assertThat(SqlLexer.tokenize("$$\r\n\r\n$$ /* \n */ 'a\nb' x")).filteredOn(t -> t.text().equals("x"))
                .extracting(Token::line, Token::column).containsExactly(tuple(5, 4));
    }

    @Test
    void countsColumnsInCodePoints() {
        assertThat(SqlLexer.tokenize("'\uD83D\uDE00' x")).filteredOn(t -> t.text().equals("x"))
                .extracting(Token::offset, Token::column).containsExactly(tuple(5, 5));
    }

    @Test
    void treatsAByteOrderMarkAtTheStartAsInvisibleWhitespace() {
        List<SqlStatement> statements = SqlLexer.split("\uFEFFCREATE INDEX CONCURRENTLY i ON t (a);");
        assertThat(statements).hasSize(1);
        SqlStatement st = statements.get(0);
        assertThat(st.tokens().get(0)).extracting(Token::type, Token::text)
                .containsExactly(TokenType.WHITESPACE, "\uFEFF");
        assertThat(st).extracting(SqlStatement::offset, SqlStatement::line, SqlStatement::column)
                .containsExactly(1, 1, 1);
        assertThat(StatementClassifier.classify(st).kind()).isEqualTo(StatementKind.NON_TRANSACTIONAL);
    }

    @Test
    void pointsAStatementAtItsFirstSignificantToken() {
        List<SqlStatement> statements = SqlLexer.split("SELECT 1;\n\n  -- why\n  SELECT 2;\n  ");
        assertThat(statements).extracting(SqlStatement::offset, SqlStatement::line, SqlStatement::column)
                .containsExactly(tuple(0, 1, 1), tuple(22, 4, 3), tuple(31, 4, 12));
    }

    @Test
    void shiftsPositionsToWhereThePieceStartsInItsFile() {
        // a piece that starts right after "--> statement-breakpoint" on line 7 (which is 25 characters long)
        List<SqlStatement> statements = SqlLexer.split("SELECT 1;\nSELECT 2;", 7, 26);
        assertThat(statements).extracting(SqlStatement::line, SqlStatement::column)
                .containsExactly(tuple(7, 26), tuple(8, 1));
        assertThat(statements.get(0).offset()).isZero();
        assertThat(statements.get(1).offset()).isEqualTo(10);
        assertThat(statements.get(1).tokens()).extracting(Token::line).containsOnly(7, 8);
    }

    @Test
    void refusesPositionsBelowOne() {
        assertThatThrownBy(() -> SqlLexer.split("x", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLexer.split("x", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
