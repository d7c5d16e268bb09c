package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the statement rules of one migration file share: where findings go, the statement being read, and what the
 * migration itself created so far (a table created earlier in the same migration is new and empty, so building an
 * index on it or adding a NOT NULL column to it is harmless).
 *
 * <p>Names are compared unqualified, as PostgreSQL folds them ({@code "public"."User"} and {@code "User"} are one
 * table; {@code users} and {@code USERS} are one table).
 */
final class RuleContext {

    private final String file;
    private final Sink sink;
    /** Column types learnt from the migrations linted so far (table.column → type), updated by the rules. */
    final Map<String, ColumnType> columnTypes;
    /** Whether the migration runs in one transaction (it has no CONCURRENTLY and the like). */
    final boolean transactional;

    final Set<String> tables = new HashSet<>();
    final Set<String> columns = new HashSet<>();
    final Set<String> indexes = new HashSet<>();
    final Set<String> types = new HashSet<>();
    /** Other objects (views, sequences, functions...) as "kind:name". */
    final Set<String> objects = new HashSet<>();
    /** CHECK (col IS NOT NULL) constraints added by this migration: constraint name → table.column. */
    final Map<String, String> notNullChecks = new HashMap<>();
    /** table.column with a valid CHECK (col IS NOT NULL), from this migration. */
    final Set<String> notNullValidated = new HashSet<>();
    /** Enum values this migration added (in its transaction): quoted literal → "type (line N)". */
    final Map<String, String> newEnumValues = new LinkedHashMap<>();

    private Draft.Scope scope;
    private SqlStatement statement;
    private Token alteringAt;
    private String alteringWhat;
    private String headline;

    RuleContext(String file, Sink sink, Map<String, ColumnType> columnTypes, boolean transactional) {
        this.file = file;
        this.sink = sink;
        this.columnTypes = columnTypes;
        this.transactional = transactional;
    }

    boolean wants(Rule rule) {
        return sink.wants(rule);
    }

    /** The statement the rules read now, and the scope its findings' suppressions are looked for in. */
    void reading(SqlStatement st, Draft.Scope scope) {
        this.statement = st;
        this.scope = scope;
    }

    SqlStatement statement() {
        return statement;
    }

    /** Reads {@code st} (a statement inside a DO block) in place of the current statement, keeping its scope. */
    void reading(SqlStatement st) {
        this.statement = st;
    }

    /** The first statement that alters or drops an object the migration did not create, or null. */
    Token alteringAt() {
        return alteringAt;
    }

    /** What {@link #alteringAt()} does, for messages: "drops column user.email". */
    String alteringWhat() {
        return alteringWhat;
    }

    /** A descriptive name for the migration from its first DDL statement ("create_incident"), or null. */
    String headline() {
        return headline;
    }

    void altering(Token at, String what) {
        if (alteringAt == null) {
            alteringAt = at;
            alteringWhat = what;
        }
    }

    void headline(String name) {
        if (headline == null) {
            headline = name;
        }
    }

    void emit(Rule rule, Token at, String message, String alternative) {
        sink.add(new Draft(rule, file, at.line(), at.column(), message, alternative, scope));
    }

    /**
     * The kind of object named at {@code i} of {@code CREATE}/{@code ALTER}/{@code DROP}: one word ("view",
     * "sequence") or two ("materialized view", "foreign table"), which end at {@link #kindEnd}.
     */
    static String kind(Words w, int i) {
        String kind = Words.lower(w.at(i).text());
        return twoWordKind(kind) ? kind + " " + Words.lower(w.at(i + 1).text()) : kind;
    }

    /** The index after the {@link #kind} at {@code i}. */
    static int kindEnd(Words w, int i) {
        return twoWordKind(Words.lower(w.at(i).text())) ? i + 2 : i + 1;
    }

    private static boolean twoWordKind(String first) {
        return first.equals("materialized") || first.equals("foreign");
    }

    /**
     * The statement's text from its first significant token to its end, with {@code insert} after the token at
     * {@code index} of {@code w}; null when the statement is too long to quote.
     */
    String rewrite(Words w, int index, String insert) {
        List<Token> all = statement.tokens();
        if (all.isEmpty() || !w.has(index)) {
            return null;
        }
        int base = all.get(0).offset();
        String text = statement.text();
        Token first = w.at(0);
        Token after = w.at(index);
        Token last = w.tokens.get(w.tokens.size() - 1);
        int from = first.offset() - base;
        int cut = after.offset() + after.text().length() - base;
        int to = last.offset() + last.text().length() - base;
        if (from < 0 || to > text.length() || to - from > 400) {
            return null;
        }
        return text.substring(from, cut) + insert + text.substring(cut, to);
    }
}
