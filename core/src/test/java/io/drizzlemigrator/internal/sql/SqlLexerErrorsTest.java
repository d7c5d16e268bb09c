package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class SqlLexerErrorsTest {

    private SqlSyntaxException failure(String sql) {
        return catchThrowableOfType(SqlSyntaxException.class, () -> SqlLexer.split(sql));
    }

    @Test
    void reportsAnUnterminatedDollarQuoteWithItsTagAndStart() {
        SqlSyntaxException e = failure("SELECT 1;\n\n\n    $body$ SELECT 1; $bod$;");
        assertThat(e).hasMessage("unterminated dollar-quoted string $body$ (started at line 4, column 5)");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.offset()).isEqualTo(16);
    }

    @Test
    void reportsAnUnterminatedStringWhereItStarts() {
        SqlSyntaxException e = failure("SELECT 'it''s\nnot closed;");
        assertThat(e).hasMessage("unterminated quoted string 'it''s... (started at line 1, column 8)");
        assertThat(failure("SELECT E'\\'").line()).isEqualTo(1);
        assertThat(failure("SELECT x, U&'abc").column()).isEqualTo(11);
    }

    @Test
    void reportsAnUnterminatedQuotedIdentifier() {
        assertThat(failure("x\r\n  \"abc\"\"")).hasMessage(
                "unterminated quoted identifier \"abc\"\" (started at line 2, column 3)");
    }

    @Test
    void reportsAnUnterminatedNestedComment() {
        SqlSyntaxException e = failure("SELECT 1; /* a /* b */ ;");
        assertThat(e).hasMessage("unterminated /* comment (started at line 1, column 11)");
    }

    @Test
    void reportsPositionsShiftedLikeTheStatements() {
        SqlSyntaxException e = catchThrowableOfType(SqlSyntaxException.class,
                () -> SqlLexer.split(" 'x", 12, 30));
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.column()).isEqualTo(31);
    }

    @Test
    void failsTokenizeTheSameWay() {
        assertThatThrownBy(() -> SqlLexer.tokenize("$$")).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("$$");
    }
}
