package io.drizzlemigrator.internal.author;

import io.drizzlemigrator.internal.sql.SqlLexer;
import io.drizzlemigrator.internal.sql.Token;
import java.util.List;

/**
 * Rewrites an index statement to its concurrent, retry-safe form: {@code CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT
 * EXISTS} and {@code DROP INDEX CONCURRENTLY IF EXISTS}. Only the words are inserted; the rest of the text stays.
 */
final class Concurrently {

    private Concurrently() {
    }

    /** {@code CREATE [UNIQUE] INDEX ...} made concurrent and idempotent (unchanged if it already is). */
    static String create(String statement) {
        List<Token> t = significant(statement);
        int index = 1;
        if (t.get(index).isWord("UNIQUE")) {
            index++;
        }
        return rewrite(statement, t, index, "IF", "NOT", "EXISTS");
    }

    /** {@code DROP INDEX ...} made concurrent and idempotent (unchanged if it already is). */
    static String drop(String statement) {
        return rewrite(statement, significant(statement), 1, "IF", "EXISTS");
    }

    private static String rewrite(String statement, List<Token> t, int index, String... guard) {
        StringBuilder s = new StringBuilder(statement);
        int at = index + 1;
        boolean concurrently = t.get(at).isWord("CONCURRENTLY");
        if (concurrently) {
            at++;
        }
        boolean guarded = t.get(at).isWord(guard[0]);
        int insertAt = t.get(at).offset();
        String insert = (concurrently ? "" : "CONCURRENTLY ") + (guarded ? "" : String.join(" ", guard) + " ");
        if (concurrently && guarded) {
            return statement;
        }
        if (!concurrently && guarded) {
            insertAt = t.get(index + 1).offset();
        }
        s.insert(insertAt, insert);
        return s.toString();
    }

    /** Whether the statement is a {@code CREATE INDEX} or {@code DROP INDEX} that is not concurrent yet. */
    static boolean plainIndexStatement(List<Token> t) {
        if (t.size() < 3) {
            return false;
        }
        int index = t.get(0).isWord("CREATE") && t.get(1).isWord("UNIQUE") ? 2 : 1;
        return (t.get(0).isWord("CREATE") || t.get(0).isWord("DROP")) && t.get(index).isWord("INDEX")
                && !t.get(index + 1).isWord("CONCURRENTLY");
    }

    private static List<Token> significant(String statement) {
        return SqlLexer.split(statement).get(0).significantTokens();
    }
}
