package io.drizzlemigrator.internal.author;

import io.drizzlemigrator.internal.sql.TokenType;
import java.util.Set;

/** A column definition's parts: its type, and its default expression. */
final class ColumnDef {

    /** Words that end a column's type and start a constraint. */
    private static final Set<String> CONSTRAINT_WORDS = Set.of("not", "null", "default", "primary", "references",
            "unique", "check", "constraint", "generated", "collate", "using");

    private ColumnDef() {
    }

    /** The type of a column definition whose type starts at {@code from}, as written; null when there is none. */
    static String type(Ddl d, int from, int end) {
        int k = typeEnd(d, from, end);
        return k > from ? d.slice(from, k) : null;
    }

    /** The DEFAULT expression of the definition {@code [from, end)}, or null. */
    static String defaultOf(Ddl d, int from, int end) {
        for (int k = from; k < end; k++) {
            if (d.is(k, "DEFAULT")) {
                int e = k + 1;
                int depth = 0;
                while (e < end) {
                    String s = d.at(e).text();
                    if (d.at(e).type() == TokenType.OPERATOR && s.equals("(")) {
                        depth++;
                    } else if (d.at(e).type() == TokenType.OPERATOR && s.equals(")")) {
                        depth--;
                    } else if (depth == 0 && d.at(e).type() == TokenType.WORD
                            && CONSTRAINT_WORDS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
                        break;
                    }
                    e++;
                }
                return e > k + 1 ? d.slice(k + 1, e) : null;
            }
        }
        return null;
    }

    private static int typeEnd(Ddl d, int from, int end) {
        int depth = 0;
        int k = from;
        while (k < end) {
            String s = d.at(k).text();
            if (d.at(k).type() == TokenType.OPERATOR && (s.equals("(") || s.equals("["))) {
                depth++;
            } else if (d.at(k).type() == TokenType.OPERATOR && (s.equals(")") || s.equals("]"))) {
                depth--;
            } else if (depth == 0 && d.at(k).type() == TokenType.WORD
                    && CONSTRAINT_WORDS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
                break;
            }
            k++;
        }
        return k;
    }
}
