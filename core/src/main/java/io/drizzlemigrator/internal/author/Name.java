package io.drizzlemigrator.internal.author;

import java.util.List;
import java.util.Locale;

/**
 * A possibly qualified name as the migration wrote it ({@code "public"."users"}, {@code users}), and what PostgreSQL
 * makes of it: quoted parts kept, unquoted parts folded to lower case.
 */
record Name(List<String> raw) {

    /** The name as written, to put back into generated SQL. */
    String sql() {
        return String.join(".", raw);
    }

    /** The unqualified object name as PostgreSQL stores it. */
    String last() {
        return value(raw.get(raw.size() - 1));
    }

    /** The schema if the name is qualified, else null. */
    String schema() {
        return raw.size() > 1 ? value(raw.get(raw.size() - 2)) : null;
    }

    /** The name of an object that lives in this name's schema ({@code index} beside its table). */
    Name sibling(Name other) {
        return raw.size() > 1 && other.raw.size() == 1
                ? new Name(List.of(raw.get(raw.size() - 2), other.raw.get(0))) : other;
    }

    /** A string literal of the quoted, qualified name, for {@code to_regclass}/{@code to_regtype}. */
    String literal() {
        StringBuilder s = new StringBuilder();
        for (String part : raw) {
            if (s.length() > 0) {
                s.append('.');
            }
            s.append('"').append(value(part).replace("\"", "\"\"")).append('"');
        }
        return literal(s.toString());
    }

    /** Key to compare names across statements: unqualified, as stored. */
    String key() {
        return last();
    }

    static String value(String part) {
        if (part.startsWith("\"") && part.endsWith("\"") && part.length() >= 2) {
            return part.substring(1, part.length() - 1).replace("\"\"", "\"");
        }
        return part.toLowerCase(Locale.ROOT);
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return raw.size() > 1 ? schema() + "." + last() : last();
    }
}
