package io.drizzlemigrator.internal.sql;

import static io.drizzlemigrator.internal.sql.LexerTestSupport.significant;
import static io.drizzlemigrator.internal.sql.LexerTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerSplittingTest {

    @Test
    void endsAStatementAfterEachTopLevelSemicolonKeepingWhitespaceWithTheNextOne() {
        assertThat(texts(SqlLexer.split("SELECT 1;\nSELECT 2;\n")))
                .containsExactly("SELECT 1;", "\nSELECT 2;", "\n");
    }

    @Test
    void keepsTrailingTextWithoutSemicolonAsALastStatement() {
        assertThat(texts(SqlLexer.split("SELECT 1; SELECT 2"))).containsExactly("SELECT 1;", " SELECT 2");
    }

    @Test
    void givesNoStatementForEmptyText() {
        assertThat(SqlLexer.split("")).isEmpty();
    }

    @Test
    void doesNotEndAStatementAtASemicolonInsideADollarQuote() {
        assertThat(texts(SqlLexer.split("SELECT $$;$$; SELECT 2;"))).containsExactly("SELECT $$;$$;", " SELECT 2;");
    }

    @Test
    void closesADollarQuoteOnlyWithItsOwnTag() {
        String sql = "SELECT $a$ $b$ ; $b$ $a$;";
        assertThat(texts(SqlLexer.split(sql))).containsExactly(sql);
        assertThat(significant(sql)).containsExactly("SELECT", "$a$ $b$ ; $b$ $a$", ";");
    }

    @Test
    void doesNotEndAStatementAtASemicolonInsideAStringWithDoubledQuotes() {
        assertThat(texts(SqlLexer.split("SELECT 'it''s;'; SELECT 2")))
                .containsExactly("SELECT 'it''s;';", " SELECT 2");
    }

    @Test
    void honoursBackslashEscapesOnlyInEStrings() {
        // E'\\' is one backslash; E'\';' is a quote and a semicolon, so the string runs on to the next quote
        assertThat(significant("SELECT E'\\';';")).containsExactly("SELECT", "E'\\';'", ";");
        assertThat(significant("SELECT e'\\\\';")).containsExactly("SELECT", "e'\\\\'", ";");
        // standard_conforming_strings: in a plain string a backslash is just a character
        assertThat(significant("SELECT '\\'; SELECT 2;")).containsExactly("SELECT", "'\\'", ";", "SELECT", "2", ";");
        assertThat(SqlLexer.split("SELECT '\\'; SELECT 2;")).hasSize(2);
    }

    @Test
    void continuesAnEStringAcrossANewlineInExtendedMode() {
        // PostgreSQL: E'a' <newline> '\';' is one E-string, so \' does not end it
        String sql = "SELECT E'a'\n'\\';'; SELECT 2;";
        assertThat(texts(SqlLexer.split(sql))).containsExactly("SELECT E'a'\n'\\';';", " SELECT 2;");
        // without a newline it is not a continuation: the second string is a plain one
        assertThat(SqlLexer.split("SELECT E'a' '\\'; SELECT 2;")).hasSize(2);
    }

    @Test
    void nestsBlockComments() {
        String sql = "/* /* ; */ ; */ SELECT 1; SELECT 2;";
        assertThat(texts(SqlLexer.split(sql))).containsExactly("/* /* ; */ ; */ SELECT 1;", " SELECT 2;");
        assertThat(SqlLexer.tokenize(sql).get(0)).extracting(Token::type, Token::text)
                .containsExactly(TokenType.BLOCK_COMMENT, "/* /* ; */ ; */");
    }

    @Test
    void ignoresSemicolonsInLineComments() {
        String sql = "-- ; comment\nSELECT 1; -- trailing; still a comment\nSELECT 2;";
        assertThat(texts(SqlLexer.split(sql)))
                .containsExactly("-- ; comment\nSELECT 1;", " -- trailing; still a comment\nSELECT 2;");
    }

    @Test
    void ignoresSemicolonsAndDoubledQuotesInQuotedIdentifiers() {
        String sql = "CREATE TABLE \"weird;\"\"name\" (id int); SELECT 1;";
        assertThat(texts(SqlLexer.split(sql)))
                .containsExactly("CREATE TABLE \"weird;\"\"name\" (id int);", " SELECT 1;");
        assertThat(significant(sql)).contains("\"weird;\"\"name\"");
    }

    @Test
    void treatsCommentMarkersInsideStringsAsText() {
        String sql = "SELECT '-- not a comment; /* nor this', $$ -- ; $$, \"/*\"; SELECT 2;";
        assertThat(SqlLexer.split(sql)).hasSize(2);
    }

    @Test
    void treatsQuotesInsideCommentsAsText() {
        String sql = "-- it's\n/* \"unbalanced ' $$ */ SELECT 1; SELECT 2;";
        assertThat(SqlLexer.split(sql)).hasSize(2);
    }

    @Test
    void keepsTheBodyOfASqlStandardFunctionInOneStatement() {
        String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3;";
        assertThat(texts(SqlLexer.split(sql))).containsExactly(
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;",
                " SELECT 3;");
    }

    @Test
    void countsCaseInsideAFunctionBodySoItsEndDoesNotCloseTheBody() {
        String sql = """
                CREATE OR REPLACE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN x < 0 THEN 'negative' ELSE 'not negative' END;
                  SELECT 'second';
                END;
                SELECT 3;""";
        List<SqlStatement> statements = SqlLexer.split(sql);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).text()).endsWith("END;");
        assertThat(statements.get(1).text()).isEqualTo("\nSELECT 3;");
    }

    @Test
    void tracksProceduresAndLowerCaseKeywordsToo() {
        String sql = "create or replace procedure p() language sql begin atomic insert into t values (1); end;"
                + "select 1;";
        assertThat(SqlLexer.split(sql)).hasSize(2);
    }

    @Test
    void ignoresBeginInsideTheParameterList() {
        // as psql: a parameter named "begin" is inside parentheses, so it opens no block
        String sql = "CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN $1; SELECT 2;";
        assertThat(SqlLexer.split(sql)).hasSize(2);
    }

    @Test
    void treatsDoBlocksAsOneDollarString() {
        String sql = "DO $$ BEGIN\n  IF true THEN PERFORM 1; END IF;\nEND $$;\nSELECT 2;";
        assertThat(texts(SqlLexer.split(sql)))
                .containsExactly("DO $$ BEGIN\n  IF true THEN PERFORM 1; END IF;\nEND $$;", "\nSELECT 2;");
    }

    @Test
    void keepsPlainTransactionControlAsStatementsOfTheirOwn() {
        String sql = "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\nBEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nEND;";
        assertThat(texts(SqlLexer.split(sql))).containsExactly("BEGIN;", "\nCREATE TABLE t (id int);",
                "\nCOMMIT;", "\nBEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE;", "\nEND;");
    }

    @Test
    void doesNotTreatAFunctionWithADollarBodyAsABlock() {
        String sql = "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;\n"
                + "BEGIN;\nSELECT 1;\n";
        assertThat(texts(SqlLexer.split(sql))).hasSize(4).element(1).isEqualTo("\nBEGIN;");
    }

    @Test
    void keepsSemicolonsInsideParenthesesInTheStatementAsPsqlAndPgjdbcDo() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));";
        assertThat(texts(SqlLexer.split(rule + "\nSELECT 1;"))).containsExactly(rule, "\nSELECT 1;");
    }

    @Test
    void keepsTheRestOfThePieceInAStatementWithAnUnclosedParenthesis() {
        assertThat(texts(SqlLexer.split("SELECT (1; SELECT 2; SELECT 3"))).containsExactly("SELECT (1; SELECT 2; SELECT 3");
        assertThat(texts(SqlLexer.split("SELECT 1); SELECT 2;"))).containsExactly("SELECT 1);", " SELECT 2;");
    }

    @Test
    void keepsAnUnclosedFunctionBodyToTheEnd() {
        String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2;";
        assertThat(texts(SqlLexer.split(sql))).containsExactly(sql);
    }

    @Test
    void givesEachStatementItsTokensAndMarksEmptyOnes() {
        List<SqlStatement> statements = SqlLexer.split("SELECT 1; /* only a comment */ ; \n");
        assertThat(statements).extracting(SqlStatement::isEmpty).containsExactly(false, true, true);
        assertThat(statements.get(0).significantTokens()).extracting(Token::text).containsExactly("SELECT", "1", ";");
        assertThat(statements.get(1).tokens()).extracting(Token::type).containsExactly(TokenType.WHITESPACE,
                TokenType.BLOCK_COMMENT, TokenType.WHITESPACE, TokenType.SEMICOLON);
    }
}
