package io.drizzlemigrator.internal.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}) and statements PostgreSQL refuses in a
 * transaction block apart from the rest, from a statement's leading keywords (ASCII case-insensitive, comments
 * ignored). Keywords are matched where the grammar puts them, so {@code CREATE INDEX i ON t (concurrently)} is not
 * concurrent.
 *
 * <p>{@link StatementKind#NON_TRANSACTIONAL}: {@code CREATE [UNIQUE] INDEX CONCURRENTLY}, {@code DROP INDEX
 * CONCURRENTLY}, {@code REINDEX} with {@code CONCURRENTLY} (after the object kind or as an option) and
 * {@code REINDEX DATABASE|SYSTEM}, {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY}, {@code VACUUM},
 * {@code CREATE|DROP DATABASE}, {@code ALTER DATABASE ... SET TABLESPACE}, {@code CREATE|DROP TABLESPACE},
 * {@code ALTER SYSTEM}, {@code CLUSTER} without a table, {@code DISCARD ALL}, {@code COMMIT|ROLLBACK PREPARED},
 * {@code CREATE SUBSCRIPTION} unless its options say {@code create_slot = false} or {@code connect = false},
 * {@code DROP SUBSCRIPTION}, {@code ALTER SUBSCRIPTION ... REFRESH PUBLICATION} and {@code ALTER SUBSCRIPTION ...
 * SET|ADD|DROP PUBLICATION} unless {@code refresh = false}. Not recognisable from the text alone, so not detected:
 * {@code REINDEX} or {@code CLUSTER} of a partitioned table, {@code ALTER TYPE ... ADD VALUE} on PostgreSQL 11 and
 * older, {@code ALTER SUBSCRIPTION ... SET (failover)} (PostgreSQL 17).
 */
public final class StatementClassifier {

    private static final Classification EMPTY = new Classification(StatementKind.EMPTY, "empty statement");

    /** Words between CREATE/ALTER/DROP and the object kind, kept in descriptions ("CREATE OR REPLACE FUNCTION"). */
    private static final Set<String> MODIFIERS = Set.of("OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "UNLOGGED",
            "GLOBAL", "LOCAL", "MATERIALIZED", "RECURSIVE", "TRUSTED", "PROCEDURAL", "FOREIGN", "EVENT", "CONSTRAINT",
            "DEFAULT", "TEXT", "SEARCH");

    private static final int MAX_DESCRIPTION = 40;

    private StatementClassifier() {
    }

    /** The kind of {@code statement}, with the keywords that decided it. */
    public static Classification classify(SqlStatement statement) {
        if (statement.isEmpty()) {
            return EMPTY;
        }
        Words w = new Words(statement);
        Token first = w.at(0);
        if (first.type() != TokenType.WORD) {
            return other(first.text());
        }
        String keyword = Ascii.toUpperCase(first.text());
        return switch (keyword) {
            case "BEGIN" -> w.is(1, "ATOMIC") ? other("BEGIN ATOMIC") : kind(StatementKind.BEGIN, "BEGIN");
            case "START" -> w.is(1, "TRANSACTION") ? kind(StatementKind.BEGIN, "START TRANSACTION") : other("START");
            case "COMMIT" -> w.is(1, "PREPARED") ? nonTransactional("COMMIT PREPARED")
                    : kind(StatementKind.COMMIT, "COMMIT");
            case "END" -> kind(StatementKind.COMMIT, "END");
            case "ROLLBACK" -> rollback(w);
            case "ABORT" -> kind(StatementKind.ROLLBACK, "ABORT");
            case "VACUUM" -> nonTransactional("VACUUM");
            case "CREATE" -> create(w);
            case "DROP" -> drop(w);
            case "ALTER" -> alter(w);
            case "REINDEX" -> reindex(w);
            case "CLUSTER" -> cluster(w);
            case "DISCARD" -> w.is(1, "ALL") ? nonTransactional("DISCARD ALL") : other("DISCARD");
            default -> other(keyword);
        };
    }

    private static Classification rollback(Words w) {
        if (w.is(1, "PREPARED")) {
            return nonTransactional("ROLLBACK PREPARED");
        }
        int i = w.is(1, "WORK") || w.is(1, "TRANSACTION") ? 2 : 1;
        if (w.is(i, "TO")) {
            return other(w.is(i + 1, "SAVEPOINT") ? "ROLLBACK TO SAVEPOINT" : "ROLLBACK TO");
        }
        return kind(StatementKind.ROLLBACK, "ROLLBACK");
    }

    private static Classification create(Words w) {
        boolean unique = w.is(1, "UNIQUE");
        int index = unique ? 2 : 1;
        if (w.is(index, "INDEX")) {
            String what = unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX";
            return w.is(index + 1, "CONCURRENTLY") ? nonTransactional(what + " CONCURRENTLY") : other(what);
        }
        if (w.is(1, "DATABASE")) {
            return nonTransactional("CREATE DATABASE");
        }
        if (w.is(1, "TABLESPACE")) {
            return nonTransactional("CREATE TABLESPACE");
        }
        if (w.is(1, "SUBSCRIPTION")) {
            Map<String, String> options = w.withOptions(2);
            boolean noSlot = isFalse(options, "create_slot") || isFalse(options, "connect");
            return noSlot ? other("CREATE SUBSCRIPTION") : nonTransactional("CREATE SUBSCRIPTION");
        }
        return other(w.leadingKeywords());
    }

    private static Classification drop(Words w) {
        if (w.is(1, "INDEX") && w.is(2, "CONCURRENTLY")) {
            return nonTransactional("DROP INDEX CONCURRENTLY");
        }
        for (String object : new String[] {"DATABASE", "TABLESPACE", "SUBSCRIPTION"}) {
            if (w.is(1, object)) {
                return nonTransactional("DROP " + object);
            }
        }
        return other(w.leadingKeywords());
    }

    private static Classification alter(Words w) {
        if (w.is(1, "SYSTEM")) {
            return nonTransactional("ALTER SYSTEM");
        }
        if (w.is(1, "TABLE")) {
            int detach = w.topLevelPair(2, "DETACH", "PARTITION");
            if (detach >= 0 && w.topLevelWord(detach + 2, "CONCURRENTLY") >= 0) {
                return nonTransactional("DETACH PARTITION CONCURRENTLY");
            }
        }
        if (w.is(1, "DATABASE") && w.topLevelPair(2, "SET", "TABLESPACE") >= 0) {
            return nonTransactional("ALTER DATABASE SET TABLESPACE");
        }
        if (w.is(1, "SUBSCRIPTION")) {
            if (w.topLevelPair(2, "REFRESH", "PUBLICATION") >= 0) {
                return nonTransactional("ALTER SUBSCRIPTION REFRESH PUBLICATION");
            }
            for (String verb : new String[] {"SET", "ADD", "DROP"}) {
                if (w.topLevelPair(2, verb, "PUBLICATION") >= 0) {
                    String what = "ALTER SUBSCRIPTION " + verb + " PUBLICATION";
                    return isFalse(w.withOptions(2), "refresh") ? other(what) : nonTransactional(what);
                }
            }
        }
        return other(w.leadingKeywords());
    }

    /** {@code REINDEX [ ( option [, ...] ) ] { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } [ CONCURRENTLY ] ...}. */
    private static Classification reindex(Words w) {
        int i = 1;
        boolean concurrently = false;
        if (w.isOperator(1, "(")) {
            Map<String, String> options = new HashMap<>();
            i = w.options(1, options);
            concurrently = options.containsKey("concurrently") && !isFalse(options, "concurrently");
        }
        if (concurrently || w.is(i + 1, "CONCURRENTLY")) {
            return nonTransactional("REINDEX CONCURRENTLY");
        }
        if (w.is(i, "DATABASE") || w.is(i, "SYSTEM")) {
            return nonTransactional("REINDEX " + Ascii.toUpperCase(w.at(i).text()));
        }
        return other("REINDEX");
    }

    /** {@code CLUSTER [VERBOSE]} or {@code CLUSTER (options)} with nothing after: every clustered table. */
    private static Classification cluster(Words w) {
        int i = 1;
        if (w.is(1, "VERBOSE")) {
            i = 2;
        } else if (w.isOperator(1, "(")) {
            i = w.options(1, new HashMap<>());
        }
        return !w.has(i) ? nonTransactional("CLUSTER") : other("CLUSTER");
    }

    /**
     * Whether an option is set to false as PostgreSQL's {@code defGetBoolean} reads it: {@code false}, {@code off},
     * {@code 0}, quoted or not. An absent option, or one without a value, is not false.
     */
    private static boolean isFalse(Map<String, String> options, String name) {
        String v = options.get(name);
        return v != null && (Ascii.equalsIgnoreCase(v, "false") || Ascii.equalsIgnoreCase(v, "off") || v.equals("0"));
    }

    private static Classification kind(StatementKind kind, String description) {
        return new Classification(kind, description);
    }

    private static Classification nonTransactional(String description) {
        return new Classification(StatementKind.NON_TRANSACTIONAL, description);
    }

    private static Classification other(String description) {
        String d = description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) + "..."
                : description;
        return new Classification(StatementKind.OTHER, d);
    }

    /**
     * The significant tokens of a statement, with keyword tests by position. They are taken from the statement's
     * tokens only as far as the tests look (most look at the first few), so a statement's tokens are not all made
     * just to classify it ({@link StatementTokens}).
     */
    private static final class Words {

        /** The statement's text, whose tokens the statement's are. */
        private final String text;
        private final Iterator<Token> source;
        /** The significant tokens read from {@link #source} so far. */
        private final List<Token> tokens = new ArrayList<>();

        Words(SqlStatement statement) {
            this.text = statement.text();
            this.source = statement.tokens().iterator();
        }

        /** The significant token at {@code i} (counting significant tokens only), or null if there are fewer. */
        Token at(int i) {
            while (tokens.size() <= i && source.hasNext()) {
                Token t = source.next();
                if (t.isSignificant()) {
                    tokens.add(t);
                }
            }
            return i < tokens.size() ? tokens.get(i) : null;
        }

        /**
         * Whether there is a token at {@code i} before the end: the end is after the last significant token, or
         * before it if that is the terminating {@code ;}.
         */
        boolean has(int i) {
            Token t = i >= 0 ? at(i) : null;
            return t != null && (t.type() != TokenType.SEMICOLON || at(i + 1) != null);
        }

        /** Index past the last significant token that is not the terminating {@code ;} (reads every token). */
        int end() {
            int e = 0;
            while (at(e) != null) {
                e++;
            }
            return e > 0 && at(e - 1).type() == TokenType.SEMICOLON ? e - 1 : e;
        }

        boolean is(int i, String keyword) {
            return has(i) && at(i).isWord(keyword);
        }

        boolean isOperator(int i, String op) {
            return has(i) && at(i).type() == TokenType.OPERATOR && at(i).text().equals(op);
        }

        /** Index of the first top-level (outside parentheses) {@code first second} word pair from {@code from}. */
        int topLevelPair(int from, String first, String second) {
            if (!mentions(first) || !mentions(second)) {
                return -1;
            }
            int depth = 0;
            for (int i = from; has(i); i++) {
                depth = depthAfter(i, depth);
                if (depth == 0 && is(i, first) && is(i + 1, second)) {
                    return i;
                }
            }
            return -1;
        }

        /** Index of the first top-level {@code keyword} from {@code from}, or -1. */
        int topLevelWord(int from, String keyword) {
            if (!mentions(keyword)) {
                return -1;
            }
            int depth = 0;
            for (int i = from; has(i); i++) {
                depth = depthAfter(i, depth);
                if (depth == 0 && is(i, keyword)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Whether the statement's text holds {@code keyword} anywhere (ignoring ASCII case): if not, no token is that
         * word, and there is no need to read every token to find out.
         */
        private boolean mentions(String keyword) {
            return Ascii.containsIgnoreCase(text, keyword);
        }

        private int depthAfter(int i, int depth) {
            if (isOperator(i, "(")) {
                return depth + 1;
            }
            if (isOperator(i, ")") && depth > 0) {
                return depth - 1;
            }
            return depth;
        }

        /** The options of the first top-level {@code WITH ( ... )} from {@code from}; empty if there is none. */
        Map<String, String> withOptions(int from) {
            Map<String, String> options = new HashMap<>();
            int with = topLevelWord(from, "WITH");
            if (with >= 0 && isOperator(with + 1, "(")) {
                options(with + 1, options);
            }
            return options;
        }

        /**
         * Reads {@code ( name [=] [value] [, ...] )} starting at the {@code (} at {@code open} into {@code into}
         * (names lower-cased, values unquoted, null for no value); returns the index after the closing {@code )}.
         */
        int options(int open, Map<String, String> into) {
            int i = open + 1;
            while (has(i) && !isOperator(i, ")")) {
                int itemStart = i;
                int depth = 0;
                while (has(i) && (depth > 0 || !(isOperator(i, ",") || isOperator(i, ")")))) {
                    depth = depthAfter(i, depth);
                    i++;
                }
                option(itemStart, i, into);
                if (isOperator(i, ",")) {
                    i++;
                }
            }
            return Math.min(i + 1, end());
        }

        private void option(int from, int to, Map<String, String> into) {
            if (from >= to) {
                return;
            }
            Token name = at(from);
            String key = switch (name.type()) {
                case WORD -> Ascii.toLowerCase(name.text());
                case QUOTED_IDENTIFIER -> unquote(name.text(), '"');
                default -> null;
            };
            if (key == null) {
                return;
            }
            int v = from + 1;
            if (v < to && isOperator(v, "=")) {
                v++;
            }
            String value = null;
            if (v == to - 1) {
                Token t = at(v);
                value = t.type() == TokenType.STRING && t.text().startsWith("'") ? unquote(t.text(), '\'') : t.text();
            } else if (v < to) {
                StringBuilder joined = new StringBuilder();
                for (int k = v; k < to; k++) {
                    joined.append(at(k).text());
                }
                value = joined.toString();
            }
            into.put(key, value);
        }

        private static String unquote(String quoted, char quote) {
            String inner = quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : "";
            String doubled = String.valueOf(quote) + quote;
            return inner.replace(doubled, String.valueOf(quote));
        }

        /** "CREATE OR REPLACE FUNCTION", "ALTER TABLE", "DROP INDEX": the verb, its modifiers, the object kind. */
        String leadingKeywords() {
            StringBuilder out = new StringBuilder(Ascii.toUpperCase(at(0).text()));
            int i = 1;
            while (has(i) && at(i).type() == TokenType.WORD
                    && MODIFIERS.contains(Ascii.toUpperCase(at(i).text()))) {
                out.append(' ').append(Ascii.toUpperCase(at(i).text()));
                i++;
            }
            if (has(i) && at(i).type() == TokenType.WORD) {
                out.append(' ').append(Ascii.toUpperCase(at(i).text()));
            }
            return out.toString();
        }
    }
}
