package io.drizzlemigrator.internal.sql;

import static io.drizzlemigrator.internal.sql.LexerTestSupport.only;
import static io.drizzlemigrator.internal.sql.LexerTestSupport.significant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTokensTest {

    @Test
    void lexesStringPrefixesAsPartOfTheString() {
        for (String s : List.of("U&'\\0041'", "u&'d\\0061t\\+000061'", "B'1010'", "X'1F'", "N'text'", "E'\\n'",
                "'plain'")) {
            assertThat(only(s)).extracting(Token::type, Token::text).containsExactly(TokenType.STRING, s);
        }
    }

    @Test
    void lexesUnicodeQuotedIdentifiers() {
        assertThat(only("U&\"d\\0061t\"\"a\"")).extracting(Token::type).isEqualTo(TokenType.QUOTED_IDENTIFIER);
    }

    @Test
    void letsAnIdentifierHoldDollarSignsSoItStartsNoDollarQuote() {
        assertThat(SqlLexer.tokenize("a$b$c; x")).extracting(Token::type, Token::text).containsExactly(
                tuple(TokenType.WORD, "a$b$c"), tuple(TokenType.SEMICOLON, ";"),
                tuple(TokenType.WHITESPACE, " "), tuple(TokenType.WORD, "x"));
    }

    @Test
    void lexesDollarDigitsAsAParameterNotADollarQuote() {
        assertThat(SqlLexer.tokenize("$1;$2")).extracting(Token::type).containsExactly(TokenType.PARAMETER,
                TokenType.SEMICOLON, TokenType.PARAMETER);
        // a tag cannot start with a digit, so "$1$" is a parameter then a lone '$'
        assertThat(SqlLexer.tokenize("$1$")).extracting(Token::text).containsExactly("$1", "$");
    }

    @Test
    void lexesTaggedDollarQuotesWithNonAsciiAndUnderscoreTags() {
        assertThat(only("$_été1$ body $x$ $_été1$")).extracting(Token::type).isEqualTo(TokenType.DOLLAR_STRING);
    }

    @Test
    void lexesALoneDollarSignAsAnOperatorAndGoesOn() {
        assertThat(SqlLexer.tokenize("$abc ;")).extracting(Token::type, Token::text).containsExactly(
                tuple(TokenType.OPERATOR, "$"), tuple(TokenType.WORD, "abc"), tuple(TokenType.WHITESPACE, " "),
                tuple(TokenType.SEMICOLON, ";"));
    }

    @Test
    void lexesNonAsciiLettersAsPartOfWords() {
        assertThat(SqlLexer.tokenize("café 日本 x\uD83D\uDE00y")).filteredOn(Token::isSignificant)
                .extracting(Token::type, Token::text).containsExactly(tuple(TokenType.WORD, "café"),
                        tuple(TokenType.WORD, "日本"), tuple(TokenType.WORD, "x\uD83D\uDE00y"));
    }

    @Test
    void lexesNumbersAsPostgresDoes() {
        assertThat(significant("1 1.5 .5 1e10 1.5E-3 0x1F 1_000 1..10")).containsExactly("1", "1.5", ".5", "1e10",
                "1.5E-3", "0x1F", "1_000", "1", "..", "10");
        assertThat(SqlLexer.tokenize("1e")).extracting(Token::type).containsExactly(TokenType.NUMBER,
                TokenType.WORD);
    }

    @Test
    void lexesPunctuationAndOperatorsAsPostgresDoes() {
        assertThat(significant("a::int[](x),y.z := 1 <> 2 ->> 'k' >= 3"))
                .containsExactly("a", "::", "int", "[", "]", "(", "x", ")", ",", "y", ".", "z", ":=", "1", "<>",
                        "2", "->>", "'k'", ">=", "3");
        // a trailing + or - belongs to the next operand unless the operator has an unusual character
        assertThat(significant("a=-1")).containsExactly("a", "=", "-", "1");
        assertThat(significant("a?-1")).containsExactly("a", "?-", "1");
        assertThat(significant("a+++b")).containsExactly("a", "+", "+", "+", "b");
    }

    @Test
    void cutsAnOperatorRunWhereACommentStarts() {
        assertThat(SqlLexer.tokenize("1+/* c */2*--c\n3")).extracting(Token::type, Token::text).containsExactly(
                tuple(TokenType.NUMBER, "1"), tuple(TokenType.OPERATOR, "+"),
                tuple(TokenType.BLOCK_COMMENT, "/* c */"), tuple(TokenType.NUMBER, "2"),
                tuple(TokenType.OPERATOR, "*"), tuple(TokenType.LINE_COMMENT, "--c"),
                tuple(TokenType.WHITESPACE, "\n"), tuple(TokenType.NUMBER, "3"));
    }

    @Test
    void doesNotCloseACommentWithTheSlashOfItsOpener() {
        assertThat(only("/*/ still open */")).extracting(Token::type).isEqualTo(TokenType.BLOCK_COMMENT);
    }

    @Test
    void lexesCharactersSqlDoesNotUseAsOneCharacterOperators() {
        assertThat(SqlLexer.tokenize("\\{}")).extracting(Token::type, Token::text).containsExactly(
                tuple(TokenType.OPERATOR, "\\"), tuple(TokenType.OPERATOR, "{"), tuple(TokenType.OPERATOR, "}"));
    }

    @Test
    void matchesKeywordsIgnoringAsciiCaseOnly() {
        Token begin = only("bEgIn");
        assertThat(begin.isWord("BEGIN")).isTrue();
        assertThat(begin.isWord("BEGINS")).isFalse();
        // U+0131 (dotless i) upper-cases to I in Java, but is not the keyword BEGIN
        assertThat(only("beg\u0131n").isWord("BEGIN")).isFalse();
        assertThat(only("'begin'").isWord("BEGIN")).isFalse();
    }
}
