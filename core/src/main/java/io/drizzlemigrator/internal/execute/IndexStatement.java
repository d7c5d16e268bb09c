package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.List;

/**
 * A {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table ...} statement, read from its
 * tokens: what the runtime guards need (is it concurrent, which index, which table).
 *
 * @param concurrent whether it says CONCURRENTLY
 * @param indexName the index name as PostgreSQL folds it (unquoted lowercased, quoted kept), or null if unnamed
 * @param table the table reference as written (quoting kept), suitable for {@code to_regclass}
 */
public record IndexStatement(boolean concurrent, String indexName, String table) {

    /** The statement read as an index build, or null if it is not one. */
    public static IndexStatement parse(SqlStatement statement) {
        List<Token> t = statement.significantTokens();
        int i = 0;
        if (!word(t, i++, "CREATE")) {
            return null;
        }
        if (word(t, i, "UNIQUE")) {
            i++;
        }
        if (!word(t, i++, "INDEX")) {
            return null;
        }
        boolean concurrent = false;
        if (word(t, i, "CONCURRENTLY")) {
            concurrent = true;
            i++;
        }
        if (word(t, i, "IF") && word(t, i + 1, "NOT") && word(t, i + 2, "EXISTS")) {
            i += 3;
        }
        String name = null;
        if (!word(t, i, "ON")) {
            if (i >= t.size()) {
                return null;
            }
            name = fold(t.get(i));
            i++;
        }
        if (!word(t, i++, "ON")) {
            return null;
        }
        if (word(t, i, "ONLY")) {
            i++;
        }
        StringBuilder table = new StringBuilder();
        while (i < t.size()) {
            Token tok = t.get(i);
            if (tok.type() == TokenType.WORD || tok.type() == TokenType.QUOTED_IDENTIFIER) {
                table.append(tok.text());
                if (i + 1 < t.size() && t.get(i + 1).text().equals(".")) {
                    table.append('.');
                    i += 2;
                    continue;
                }
            }
            break;
        }
        return table.length() == 0 ? null : new IndexStatement(concurrent, name, table.toString());
    }

    private static boolean word(List<Token> t, int i, String keyword) {
        return i < t.size() && t.get(i).isWord(keyword);
    }

    /** An identifier token as PostgreSQL stores it. */
    static String fold(Token token) {
        return token.identifier();
    }
}
