package io.drizzlemigrator.internal.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link StatementClassifier} as it was before it took a statement's tokens only as far as it looks at them
 * (commit 5757657, verbatim but for its name): what the equivalence tests compare the classifier with.
 */
final class ReferenceClassifier {

    private static final Classification EMPTY = new Classification(StatementKind.EMPTY, "empty statement");

    /** Words between CREATE/ALTER/DROP and the object kind, kept in descriptions ("CREATE OR REPLACE FUNCTION"). */
    private static final Set<String> MODIFIERS = Set.of("OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "UNLOGGED",
            "GLOBAL", "LOCAL", "MATERIALIZED", "RECURSIVE", "TRUSTED", "PROCEDURAL", "FOREIGN", "EVENT", "CONSTRAINT",
            "DEFAULT", "TEXT", "SEARCH");

    private static final int MAX_DESCRIPTION = 40;

    private ReferenceClassifier() {
    }

    /** The kind of {@code statement}, with the keywords that decided it. */
    public static Classification classify(SqlStatement statement) {
        if (statement.isEmpty()) {
            return EMPTY;
        }
        Words w = new Words(statement.significantTokens());
        Token first = w.tokens.get(0);
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
            return nonTransactional("REINDEX " + Ascii.toUpperCase(w.tokens.get(i).text()));
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
        return i >= w.end ? nonTransactional("CLUSTER") : other("CLUSTER");
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

    /** The significant tokens of a statement, with keyword tests by position. */
    private static final class Words {

        final List<Token> tokens;
        /** Index past the last token that is not the terminating {@code ;}. */
        final int end;

        Words(List<Token> tokens) {
            this.tokens = tokens;
            int e = tokens.size();
            if (e > 0 && tokens.get(e - 1).type() == TokenType.SEMICOLON) {
                e--;
            }
            this.end = e;
        }

        boolean is(int i, String keyword) {
            return i >= 0 && i < end && tokens.get(i).isWord(keyword);
        }

        boolean isOperator(int i, String op) {
            return i >= 0 && i < end && tokens.get(i).type() == TokenType.OPERATOR && tokens.get(i).text().equals(op);
        }

        /** Index of the first top-level (outside parentheses) {@code first second} word pair from {@code from}. */
        int topLevelPair(int from, String first, String second) {
            int depth = 0;
            for (int i = from; i < end; i++) {
                depth = depthAfter(i, depth);
                if (depth == 0 && is(i, first) && is(i + 1, second)) {
                    return i;
                }
            }
            return -1;
        }

        /** Index of the first top-level {@code keyword} from {@code from}, or -1. */
        int topLevelWord(int from, String keyword) {
            int depth = 0;
            for (int i = from; i < end; i++) {
                depth = depthAfter(i, depth);
                if (depth == 0 && is(i, keyword)) {
                    return i;
                }
            }
            return -1;
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
            while (i < end && !isOperator(i, ")")) {
                int itemStart = i;
                int depth = 0;
                while (i < end && (depth > 0 || !(isOperator(i, ",") || isOperator(i, ")")))) {
                    depth = depthAfter(i, depth);
                    i++;
                }
                option(itemStart, i, into);
                if (isOperator(i, ",")) {
                    i++;
                }
            }
            return Math.min(i + 1, end);
        }

        private void option(int from, int to, Map<String, String> into) {
            if (from >= to) {
                return;
            }
            Token name = tokens.get(from);
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
                Token t = tokens.get(v);
                value = t.type() == TokenType.STRING && t.text().startsWith("'") ? unquote(t.text(), '\'') : t.text();
            } else if (v < to) {
                StringBuilder joined = new StringBuilder();
                for (int k = v; k < to; k++) {
                    joined.append(tokens.get(k).text());
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
            StringBuilder out = new StringBuilder(Ascii.toUpperCase(tokens.get(0).text()));
            int i = 1;
            while (i < end && tokens.get(i).type() == TokenType.WORD
                    && MODIFIERS.contains(Ascii.toUpperCase(tokens.get(i).text()))) {
                out.append(' ').append(Ascii.toUpperCase(tokens.get(i).text()));
                i++;
            }
            if (i < end && tokens.get(i).type() == TokenType.WORD) {
                out.append(' ').append(Ascii.toUpperCase(tokens.get(i).text()));
            }
            return out.toString();
        }
    }
}
