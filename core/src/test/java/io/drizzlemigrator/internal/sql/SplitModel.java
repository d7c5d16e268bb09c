package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link SqlLexer#split} must give, worked out from {@link SqlLexer#tokenize}'s tokens by psql's rules, in a
 * few lines that share nothing with the splitter (which steps over most text without making tokens): a statement
 * ends after a {@code ;} outside parentheses and outside the body of a {@code CREATE [OR REPLACE]
 * FUNCTION|PROCEDURE} (its first words), where {@code BEGIN} opens a block, {@code CASE} opens one inside a block and
 * {@code END} closes one, outside parentheses. A statement's position is its first significant token's (its first
 * token's if it has none); its tokens are those the scanner gives one by one, as for {@code tokenize}.
 */
final class SplitModel {

    private SplitModel() {
    }

    /** {@code split(text, firstLine, firstColumn)} agrees with the model, or both it and tokenize fail alike. */
    static void assertSplitsAsTheTokensSay(String text, int firstLine, int firstColumn) {
        String where = "split at line " + firstLine + ", column " + firstColumn + " of " + quote(text);
        List<Token> tokens;
        try {
            tokens = tokens(text, firstLine, firstColumn);
        } catch (SqlSyntaxException refused) {
            SqlSyntaxException e = catchSyntaxError(() -> SqlLexer.split(text, firstLine, firstColumn), where);
            assertThat(e).as(where).hasMessage(refused.getMessage());
            assertThat(new int[] {e.offset(), e.line(), e.column()}).as("offset, line, column of the error; %s", where)
                    .containsExactly(refused.offset(), refused.line(), refused.column());
            return;
        }
        List<SqlStatement> statements = SqlLexer.split(text, firstLine, firstColumn);

        List<List<Token>> expected = statements(tokens);
        assertThat(statements.stream().map(s -> s.text().length()).toList()).as("statement lengths; %s", where)
                .isEqualTo(expected.stream().map(SplitModel::length).toList());
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement got = statements.get(i);
            List<Token> want = expected.get(i);
            String which = where + ", statement " + i;
            Token anchor = want.stream().filter(Token::isSignificant).findFirst().orElse(want.get(0));
            assertThat(new int[] {got.offset(), got.line(), got.column()}).as("offset, line, column; %s", which)
                    .containsExactly(anchor.offset(), anchor.line(), anchor.column());
            // what reads the first tokens only, before anything makes them all, then what reads them all
            boolean empty = got.isEmpty();
            Classification classification = StatementClassifier.classify(got);
            assertThat(got.tokens()).as("tokens; %s", which).isEqualTo(want);
            SqlStatement complete = new SqlStatement(got.text(), got.offset(), got.line(), got.column(), want);
            assertThat(empty).as("isEmpty; %s", which).isEqualTo(complete.isEmpty());
            assertThat(classification).as("classification; %s", which)
                    .isEqualTo(StatementClassifier.classify(complete));
        }
    }

    /** The tokens of each statement, cut by psql's rules. */
    static List<List<Token>> statements(List<Token> tokens) {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        List<String> firstWords = new ArrayList<>();
        int parens = 0;
        int blocks = 0;
        for (Token t : tokens) {
            current.add(t);
            if (t.type() == TokenType.WORD) {
                if (firstWords.size() < 4) {
                    firstWords.add(Ascii.toLowerCase(t.text()));
                }
                if (parens == 0 && definesFunction(firstWords)) {
                    if (t.isWord("begin") || (t.isWord("case") && blocks > 0)) {
                        blocks++;
                    } else if (t.isWord("end") && blocks > 0) {
                        blocks--;
                    }
                }
            } else if (t.type() == TokenType.OPERATOR && t.text().equals("(")) {
                parens++;
            } else if (t.type() == TokenType.OPERATOR && t.text().equals(")") && parens > 0) {
                parens--;
            } else if (t.type() == TokenType.SEMICOLON && parens == 0 && blocks == 0) {
                statements.add(current);
                current = new ArrayList<>();
                firstWords.clear();
            }
        }
        if (!current.isEmpty()) {
            statements.add(current);
        }
        return statements;
    }

    private static boolean definesFunction(List<String> firstWords) {
        String words = String.join(" ", firstWords) + " ";
        return words.startsWith("create function ") || words.startsWith("create procedure ")
                || words.startsWith("create or replace function ") || words.startsWith("create or replace procedure ");
    }

    /**
     * Every token of {@code text} when it starts at {@code line}, {@code column} of its file, as {@code tokenize}
     * gives them for line 1, column 1 (a byte order mark at the start is whitespace that takes no column only there).
     */
    static List<Token> tokens(String text, int line, int column) {
        SqlScanner scanner = new SqlScanner(text, line, column);
        List<Token> tokens = new ArrayList<>();
        for (Token t = scanner.next(); t != null; t = scanner.next()) {
            tokens.add(t);
        }
        return tokens;
    }

    private static int length(List<Token> tokens) {
        return tokens.stream().mapToInt(t -> t.text().length()).sum();
    }

    private static SqlSyntaxException catchSyntaxError(Runnable split, String where) {
        try {
            split.run();
        } catch (SqlSyntaxException e) {
            return e;
        }
        throw new AssertionError(where + ": tokenize fails but split succeeds");
    }

    static String quote(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\" ("
                + text.length() + " chars)";
    }
}
