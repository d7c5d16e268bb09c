package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.SqlLexer;
import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that read statements: index, column, table, type and constraint rules. One instance per migration file,
 * fed its statements in order; it remembers what the migration itself created (a table created earlier in the same
 * migration is new and empty, so building an index on it or adding a NOT NULL column to it is harmless).
 *
 * <p>Names are compared unqualified, as PostgreSQL folds them ({@code "public"."User"} and {@code "User"} are one
 * table; {@code users} and {@code USERS} are one table).
 */
final class StatementRules {

    /** Functions whose value differs per row: a default calling one fills every existing row with a rewrite. */
    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval",
            "gen_random_bytes", "txid_current");

    /** Words that end a column's type in a column definition. */
    private static final Set<String> COLUMN_CONSTRAINT = Set.of("not", "null", "default", "primary", "unique",
            "references", "check", "generated", "collate", "constraint", "using", "identity");

    private static final Set<String> TABLE_CONSTRAINT = Set.of("constraint", "primary", "unique", "foreign", "check",
            "exclude", "like");

    private static final Set<String> DDL_VERBS = Set.of("alter", "create", "drop", "reindex");

    private final String file;
    private final Sink sink;
    private final Map<String, ColumnType> columnTypes;
    private final boolean transactional;

    private final Set<String> tables = new HashSet<>();
    private final Set<String> columns = new HashSet<>();
    private final Set<String> indexes = new HashSet<>();
    private final Set<String> types = new HashSet<>();
    private final Set<String> objects = new HashSet<>();
    /** CHECK (col IS NOT NULL) constraints added by this migration: constraint name → table.column. */
    private final Map<String, String> notNullChecks = new HashMap<>();
    /** table.column with a valid CHECK (col IS NOT NULL), from this migration. */
    private final Set<String> notNullValidated = new HashSet<>();
    /** Enum values this migration added (in its transaction): quoted literal → "type (line N)". */
    private final Map<String, String> newEnumValues = new LinkedHashMap<>();

    private Draft.Scope scope;
    private SqlStatement statement;
    private Token alteringAt;
    private String alteringWhat;
    private String headline;

    /**
     * @param columnTypes   column types learnt from the migrations linted so far (table.column → type), updated here
     * @param transactional whether the migration runs in one transaction (it has no CONCURRENTLY and the like)
     */
    StatementRules(String file, Sink sink, Map<String, ColumnType> columnTypes, boolean transactional) {
        this.file = file;
        this.sink = sink;
        this.columnTypes = columnTypes;
        this.transactional = transactional;
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

    /** Feeds the next statement of the migration. */
    void statement(SqlStatement st, Draft.Scope scope) {
        this.scope = scope;
        this.statement = st;
        Words w = new Words(st.significantTokens());
        if (!newEnumValues.isEmpty() && sink.wants(Rule.ENUM_VALUE_USED_IN_SAME_TRANSACTION)) {
            enumValueUse(w);
        }
        analyze(w, true);
    }

    private void analyze(Words w, boolean topLevel) {
        if (!w.has(0) || w.at(0).type() != TokenType.WORD) {
            return;
        }
        switch (Words.lower(w.at(0).text())) {
            case "create" -> create(w);
            case "drop" -> drop(w);
            case "alter" -> alter(w);
            case "reindex" -> reindex(w);
            case "do" -> {
                if (topLevel) {
                    doBlock(w);
                }
            }
            default -> {
                // DML, grants, comments and the like: no rule
            }
        }
    }

    // ---------------------------------------------------------------- CREATE

    private void create(Words w) {
        int i = 1;
        if (w.is(i, "OR", "REPLACE")) {
            i += 2;
        }
        while (w.is(i, "GLOBAL") || w.is(i, "LOCAL") || w.is(i, "TEMP") || w.is(i, "TEMPORARY")
                || w.is(i, "UNLOGGED")) {
            i++;
        }
        if (w.is(i, "UNIQUE") && w.is(i + 1, "INDEX")) {
            createIndex(w, i + 2);
        } else if (w.is(i, "INDEX")) {
            createIndex(w, i + 1);
        } else if (w.is(i, "TABLE")) {
            createTable(w, i + 1);
        } else if (w.is(i, "TYPE")) {
            int end = w.nameEnd(i + 1);
            String type = w.name(i + 1, end);
            types.add(type);
            headline("create_" + type);
        } else if (w.isName(i)) {
            int k = i + 1;
            String kind = Words.lower(w.at(i).text());
            if (kind.equals("materialized") || kind.equals("foreign")) {
                kind += " " + Words.lower(w.at(k).text());
                k++;
            }
            k = w.skipIfNotExists(k);
            int end = w.nameEnd(k);
            objects.add(kind + ":" + w.name(k, end));
        }
    }

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table ...}; i after INDEX. */
    private void createIndex(Words w, int i) {
        int indexWord = i - 1;
        boolean concurrently = w.is(i, "CONCURRENTLY");
        int concurrentlyAt = concurrently ? i : -1;
        if (concurrently) {
            i++;
        }
        int ifNotExists = w.skipIfNotExists(i);
        boolean idempotent = ifNotExists != i;
        i = ifNotExists;
        String name = null;
        if (!w.is(i, "ON")) {
            int end = w.nameEnd(i);
            name = w.name(i, end);
            i = end;
        }
        if (!w.is(i, "ON")) {
            return;
        }
        i++;
        if (w.is(i, "ONLY")) {
            i++;
        }
        int tableEnd = w.nameEnd(i);
        String table = w.name(i, tableEnd);
        String tableText = w.text(i, tableEnd);
        if (name != null) {
            indexes.add(name);
        }
        headline("add_index_on_" + table);
        if (!concurrently && !tables.contains(table)) {
            String rewritten = rewrite(w, indexWord, " CONCURRENTLY" + (name != null && !idempotent
                    ? " IF NOT EXISTS" : ""));
            emit(Rule.INDEX_NOT_CONCURRENT, w.at(0),
                    "CREATE INDEX on existing table " + tableText + " without CONCURRENTLY blocks every write to it"
                            + " (SHARE lock) for the whole build",
                    "Build it concurrently, in a migration of its own (drizzle-migrator runs a migration that holds "
                            + "CONCURRENTLY outside a transaction, statement by statement):\n"
                            + (rewritten != null ? rewritten : "CREATE INDEX CONCURRENTLY IF NOT EXISTS <name> ON "
                            + tableText + " (...);")
                            + "\nA table created in the same migration is exempt: it is empty.");
        } else if (concurrently && !idempotent) {
            emit(Rule.CONCURRENT_INDEX_NOT_IDEMPOTENT, w.at(concurrentlyAt),
                    "CREATE INDEX CONCURRENTLY without IF NOT EXISTS fails when it runs again after a failure (the "
                            + "failed build leaves an INVALID index behind)",
                    name != null ? "Write CREATE INDEX CONCURRENTLY IF NOT EXISTS " + w.text(ifNotExists,
                            w.nameEnd(ifNotExists)) + " ...: a retry then finds the index; drizzle-migrator drops an"
                            + " INVALID leftover before it builds again (repairInvalidIndexes)."
                            : "Name the index and write CREATE INDEX CONCURRENTLY IF NOT EXISTS <name> ON "
                            + tableText + " (...).");
        }
    }

    /** {@code CREATE ... TABLE [IF NOT EXISTS] name ( columns and constraints )}; i after TABLE. */
    private void createTable(Words w, int i) {
        i = w.skipIfNotExists(i);
        int end = w.nameEnd(i);
        String table = w.name(i, end);
        tables.add(table);
        headline("create_" + table);
        if (!w.op(end, "(")) {
            return;
        }
        int close = w.close(end);
        int start = end + 1;
        int depth = 0;
        for (int k = start; k <= close; k++) {
            if (k == close || (depth == 0 && w.op(k, ","))) {
                columnDefinition(w, table, start, k);
                start = k + 1;
            } else if (w.op(k, "(")) {
                depth++;
            } else if (w.op(k, ")")) {
                depth--;
            }
        }
    }

    private void columnDefinition(Words w, String table, int from, int to) {
        if (!w.isName(from) || (w.at(from).type() == TokenType.WORD
                && TABLE_CONSTRAINT.contains(Words.lower(w.at(from).text())))) {
            return;
        }
        String column = Words.identifier(w.at(from));
        ColumnType type = ColumnType.parse(w, from + 1, typeEnd(w, from + 1, to));
        if (type != null) {
            columnTypes.put(table + "." + column, type);
        }
    }

    /** Where a column's type ends: at the first constraint word at depth 0, or {@code to}. */
    private static int typeEnd(Words w, int from, int to) {
        int depth = 0;
        for (int k = from; k < to; k++) {
            if (w.op(k, "(")) {
                depth++;
            } else if (w.op(k, ")")) {
                depth--;
            } else if (depth == 0 && w.at(k).type() == TokenType.WORD
                    && COLUMN_CONSTRAINT.contains(Words.lower(w.at(k).text()))) {
                return k;
            }
        }
        return to;
    }

    // ---------------------------------------------------------------- DROP

    private void drop(Words w) {
        if (w.is(1, "TABLE")) {
            dropNames(w, w.skipIfExists(2), tables, "table");
        } else if (w.is(1, "INDEX")) {
            dropIndex(w);
        } else if (w.is(1, "TYPE")) {
            dropNames(w, w.skipIfExists(2), types, "type");
        } else if (w.isName(1)) {
            int k = 2;
            String kind = Words.lower(w.at(1).text());
            if (kind.equals("materialized") || kind.equals("foreign")) {
                kind += " " + Words.lower(w.at(k).text());
                k++;
            }
            k = w.skipIfExists(k);
            int end = w.nameEnd(k);
            if (!objects.contains(kind + ":" + w.name(k, end))) {
                altering(w.at(0), "drops " + kind + " " + w.text(k, end));
            }
        }
    }

    private void dropNames(Words w, int i, Set<String> created, String kind) {
        while (w.isName(i)) {
            int end = w.nameEnd(i);
            String name = w.name(i, end);
            String text = w.text(i, end);
            if (!created.contains(name)) {
                headline("drop_" + name);
                altering(w.at(0), "drops " + kind + " " + text);
                if (kind.equals("table")) {
                    emit(Rule.DROP_TABLE, w.at(i),
                            "DROP TABLE " + text + " breaks the application instances that still use it and loses its"
                                    + " data for good",
                            "Zero-downtime: release 1 removes every use of " + text + " from the code (and the drizzle"
                                    + " schema); release 2, in a later migration, drops it. Back the data up first "
                                    + "(pg_dump -t " + text + "): a rollback file cannot bring it back.");
                } else {
                    emit(Rule.DROP_TYPE, w.at(i),
                            "DROP TYPE " + text + " fails while a column uses it, and dropping and recreating an enum "
                                    + "to change its values rewrites every table that uses it",
                            "Enum values are append-only: add the new value (ADD VALUE IF NOT EXISTS), migrate the "
                                    + "data to it, and leave the old value unused. Drop a type only after a release in "
                                    + "which no column and no code uses it.");
                }
            }
            i = end;
            if (!w.op(i, ",")) {
                break;
            }
            i++;
        }
    }

    /** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
    private void dropIndex(Words w) {
        int i = 2;
        boolean concurrently = w.is(i, "CONCURRENTLY");
        if (concurrently) {
            i++;
        }
        int afterIf = w.skipIfExists(i);
        boolean idempotent = afterIf != i;
        i = afterIf;
        while (w.isName(i)) {
            int end = w.nameEnd(i);
            String name = w.name(i, end);
            String text = w.text(i, end);
            if (!indexes.contains(name)) {
                altering(w.at(0), "drops index " + text);
                if (!concurrently) {
                    emit(Rule.DROP_INDEX_NOT_CONCURRENT, w.at(0),
                            "DROP INDEX " + text + " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table:"
                                    + " every read and write waits, and queues behind any long transaction",
                            "DROP INDEX CONCURRENTLY IF EXISTS " + text + "; in a migration of its own "
                                    + "(drizzle-migrator runs it outside a transaction).");
                }
            }
            if (concurrently && !idempotent) {
                emit(Rule.CONCURRENT_INDEX_NOT_IDEMPOTENT, w.at(0),
                        "DROP INDEX CONCURRENTLY without IF EXISTS fails when it runs again after a partial failure",
                        "DROP INDEX CONCURRENTLY IF EXISTS " + text + ";");
            }
            i = end;
            if (!w.op(i, ",")) {
                break;
            }
            i++;
        }
    }

    // ---------------------------------------------------------------- REINDEX

    /** {@code REINDEX [ ( options ) ] { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } [ CONCURRENTLY ] name}. */
    private void reindex(Words w) {
        int i = 1;
        boolean concurrently = false;
        if (w.op(1, "(")) {
            int close = w.close(1);
            for (int k = 2; k < close; k++) {
                if (w.is(k, "CONCURRENTLY") && !(w.is(k + 1, "FALSE") || w.is(k + 1, "OFF")
                        || (w.has(k + 1) && w.at(k + 1).text().equals("0")))) {
                    concurrently = true;
                }
            }
            i = close + 1;
        }
        if (w.is(i + 1, "CONCURRENTLY")) {
            concurrently = true;
        }
        if (!concurrently && !w.is(i, "SYSTEM")) {
            String kind = w.has(i) ? w.at(i).text().toUpperCase(java.util.Locale.ROOT) : "INDEX";
            String target = w.has(i + 1) ? w.text(i + 1, w.nameEnd(i + 1)) : "<name>";
            emit(Rule.REINDEX_NOT_CONCURRENT, w.at(0),
                    "REINDEX without CONCURRENTLY locks out writes to the table (and reads through the index) for"
                            + " the whole rebuild",
                    "REINDEX " + kind + " CONCURRENTLY " + target + "; (PostgreSQL 12+), in a migration of its own. "
                            + "A failed concurrent reindex leaves an INVALID *_ccnew index to drop.");
        }
    }

    // ---------------------------------------------------------------- ALTER

    private void alter(Words w) {
        if (w.is(1, "TABLE")) {
            alterTable(w);
        } else if (w.is(1, "TYPE")) {
            alterType(w);
        } else if (w.isName(1)) {
            int k = 2;
            String kind = Words.lower(w.at(1).text());
            if (kind.equals("materialized") || kind.equals("foreign")) {
                kind += " " + Words.lower(w.at(k).text());
                k++;
            }
            k = w.skipIfExists(k);
            int end = w.nameEnd(k);
            String name = w.name(k, end);
            boolean created = kind.equals("index") ? indexes.contains(name) : objects.contains(kind + ":" + name);
            if (!created) {
                altering(w.at(0), "alters " + kind + " " + w.text(k, end));
            }
        }
    }

    private void alterTable(Words w) {
        int i = w.skipIfExists(2);
        if (w.is(i, "ONLY")) {
            i++;
        }
        if (w.is(i, "ALL")) {
            altering(w.at(0), "moves tables to another tablespace");
            return;
        }
        int end = w.nameEnd(i);
        String table = w.name(i, end);
        String tableText = w.text(i, end);
        boolean fresh = tables.contains(table);
        int j = end;
        if (w.op(j, "*")) {
            j++;
        }
        if (w.is(j, "RENAME")) {
            renameInTable(w, j, table, tableText, fresh);
            headline("rename_in_" + table);
            return;
        }
        int start = j;
        int depth = 0;
        for (int k = j; k <= w.end; k++) {
            if (k == w.end || (depth == 0 && w.op(k, ","))) {
                if (k > start) {
                    action(w, start, k, table, tableText, fresh);
                }
                start = k + 1;
            } else if (w.op(k, "(")) {
                depth++;
            } else if (w.op(k, ")")) {
                depth--;
            }
        }
        headline("alter_" + table);
    }

    private void renameInTable(Words w, int j, String table, String tableText, boolean fresh) {
        if (w.is(j + 1, "TO")) {
            if (!fresh) {
                String to = w.text(j + 2, w.nameEnd(j + 2));
                altering(w.at(j), "renames table " + tableText);
                emit(Rule.RENAME_TABLE, w.at(j),
                        "Renaming table " + tableText + " to " + to + " breaks every running instance of the "
                                + "application that still uses the old name",
                        "Keep the SQL name and rename only in the drizzle schema (pgTable('" + table
                                + "', ...) under a new variable name). To really"
                                + " rename: create the new table (or rename and CREATE VIEW " + tableText
                                + " AS SELECT * FROM " + to + " for one release), switch the code, then drop the old "
                                + "name in a later release.");
            }
            if (fresh && w.isName(j + 2)) {
                tables.add(w.name(j + 2, w.nameEnd(j + 2)));
            }
            return;
        }
        if (w.is(j + 1, "CONSTRAINT")) {
            if (!fresh) {
                altering(w.at(j), "renames a constraint of " + tableText);
            }
            return;
        }
        int k = j + 1;
        if (w.is(k, "COLUMN")) {
            k++;
        }
        if (!w.isName(k)) {
            return;
        }
        String column = Words.identifier(w.at(k));
        String key = table + "." + column;
        String to = w.has(k + 2) ? w.at(k + 2).text() : "<new>";
        if (!fresh && !columns.contains(key)) {
            altering(w.at(j), "renames column " + tableText + "." + w.at(k).text());
            emit(Rule.RENAME_COLUMN, w.at(j),
                    "Renaming column " + tableText + "." + w.at(k).text() + " to " + to + " breaks every running "
                            + "instance of the application that still reads or writes the old name",
                    "Keep the SQL name and rename only the field in the drizzle schema (newName: text('"
                            + column + "')). To really rename, over several releases: release 1 adds " + to
                            + ", writes both columns and backfills (UPDATE " + tableText + " SET " + to + " = "
                            + w.at(k).text() + "); release 2 reads " + to + "; release 3, in a later migration, drops "
                            + w.at(k).text() + ".");
        }
        ColumnType type = columnTypes.remove(key);
        if (type != null && w.isName(k + 2)) {
            columnTypes.put(table + "." + Words.identifier(w.at(k + 2)), type);
        }
    }

    /** One action of {@code ALTER TABLE}, tokens {@code [s, e)}. */
    private void action(Words w, int s, int e, String table, String tableText, boolean fresh) {
        if (w.is(s, "ADD")) {
            int k = s + 1;
            if (w.is(k, "COLUMN")) {
                addColumn(w, s, k + 1, e, table, tableText, fresh);
            } else if (w.is(k, "CONSTRAINT")) {
                addConstraint(w, s, k + 2, e, Words.identifier(w.at(k + 1)), table, tableText, fresh);
            } else if (w.at(k).type() == TokenType.WORD && (w.is(k, "CHECK") || w.is(k, "FOREIGN")
                    || w.is(k, "UNIQUE") || w.is(k, "PRIMARY") || w.is(k, "EXCLUDE"))) {
                addConstraint(w, s, k, e, null, table, tableText, fresh);
            } else {
                addColumn(w, s, k, e, table, tableText, fresh);
            }
        } else if (w.is(s, "DROP")) {
            int k = s + 1;
            if (w.is(k, "CONSTRAINT")) {
                if (!fresh) {
                    altering(w.at(s), "drops a constraint of " + tableText);
                }
                return;
            }
            if (w.is(k, "COLUMN")) {
                k++;
            }
            k = w.skipIfExists(k);
            if (w.isName(k)) {
                dropColumn(w, s, k, table, tableText, fresh);
            }
        } else if (w.is(s, "ALTER")) {
            int k = s + 1;
            if (w.is(k, "CONSTRAINT")) {
                if (!fresh) {
                    altering(w.at(s), "alters a constraint of " + tableText);
                }
                return;
            }
            if (w.is(k, "COLUMN")) {
                k++;
            }
            if (!w.isName(k)) {
                return;
            }
            String column = Words.identifier(w.at(k));
            String key = table + "." + column;
            boolean newColumn = fresh || columns.contains(key);
            int a = k + 1;
            if (w.is(a, "SET") && w.is(a + 1, "DATA") && w.is(a + 2, "TYPE")) {
                changeType(w, s, a + 3, e, key, tableText, w.at(k).text(), newColumn);
            } else if (w.is(a, "TYPE")) {
                changeType(w, s, a + 1, e, key, tableText, w.at(k).text(), newColumn);
            } else if (w.is(a, "SET") && w.is(a + 1, "NOT") && w.is(a + 2, "NULL")) {
                setNotNull(w, s, key, tableText, w.at(k).text(), newColumn);
            } else if (!newColumn) {
                altering(w.at(s), "alters column " + tableText + "." + w.at(k).text());
            }
        } else if (w.is(s, "VALIDATE") && w.is(s + 1, "CONSTRAINT")) {
            String column = notNullChecks.get(Words.identifier(w.at(s + 2)));
            if (column != null) {
                notNullValidated.add(column);
            }
        } else if (!fresh) {
            altering(w.at(s), "alters table " + tableText);
        }
    }

    /** {@code ADD [COLUMN] [IF NOT EXISTS] name type [constraints]}; k at the column name. */
    private void addColumn(Words w, int s, int k, int e, String table, String tableText, boolean fresh) {
        k = w.skipIfNotExists(k);
        if (!w.isName(k)) {
            return;
        }
        String column = Words.identifier(w.at(k));
        String columnText = w.at(k).text();
        String key = table + "." + column;
        columns.add(key);
        headline("add_" + table + "_" + column);
        int typeEnd = typeEnd(w, k + 1, e);
        ColumnType type = ColumnType.parse(w, k + 1, typeEnd);
        if (type != null) {
            columnTypes.put(key, type);
        }
        if (fresh) {
            return;
        }
        boolean notNull = false;
        boolean primaryKey = false;
        boolean unique = false;
        boolean hasDefault = type != null && type.isSerial();
        String rewrite = type != null && type.isSerial() ? "its " + type.base() + " type (a nextval() default)" : null;
        boolean references = false;
        boolean check = false;
        Token checkAt = null;
        int depth = 0;
        for (int i = typeEnd; i < e; i++) {
            if (w.op(i, "(")) {
                depth++;
                continue;
            }
            if (w.op(i, ")")) {
                depth--;
                continue;
            }
            if (depth > 0) {
                continue;
            }
            if (w.is(i, "NOT") && w.is(i + 1, "NULL")) {
                notNull = true;
            } else if (w.is(i, "PRIMARY") && w.is(i + 1, "KEY")) {
                primaryKey = true;
                notNull = true;
            } else if (w.is(i, "UNIQUE")) {
                unique = true;
            } else if (w.is(i, "REFERENCES")) {
                references = true;
            } else if (w.is(i, "CHECK")) {
                check = true;
                checkAt = w.at(i);
            } else if (w.is(i, "DEFAULT")) {
                hasDefault = true;
                String call = volatileCall(w, i + 1, e);
                if (call != null && rewrite == null) {
                    rewrite = "its default " + call + "()";
                }
            } else if (w.is(i, "GENERATED")) {
                hasDefault = true;
                int as = i + 1;
                while (w.has(as) && !w.is(as, "AS")) {
                    as++;
                }
                if (rewrite == null) {
                    rewrite = w.is(as + 1, "IDENTITY") ? "its identity (GENERATED ... AS IDENTITY)"
                            : "its generated expression (GENERATED ALWAYS AS ... STORED)";
                }
            }
        }
        if (notNull && !hasDefault) {
            emit(Rule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT, w.at(s),
                    "Adding NOT NULL column " + columnText + " without a default to existing table " + tableText
                            + " fails as soon as the table has a row, and breaks running instances that insert "
                            + "without it",
                    "Add it nullable, backfill, then constrain it (see set-not-null):\nALTER TABLE " + tableText
                            + " ADD COLUMN " + columnText + " " + (type != null ? type : "<type>") + ";\n"
                            + "then UPDATE " + tableText + " SET " + columnText + " = ... WHERE " + columnText
                            + " IS NULL (in batches), and in a later migration the NOT NULL sequence. Or give it a "
                            + "constant DEFAULT (PostgreSQL 11+ adds it without rewriting).");
        }
        if (rewrite != null) {
            emit(Rule.ADD_COLUMN_VOLATILE_DEFAULT, w.at(s),
                    "Adding column " + columnText + " with " + rewrite + " rewrites all of " + tableText
                            + " under an ACCESS EXCLUSIVE lock (each existing row needs its own value)",
                    "Add the column without the default (or with a constant one), set the default for new rows with "
                            + "ALTER TABLE " + tableText + " ALTER COLUMN " + columnText + " SET DEFAULT ..., then "
                            + "backfill existing rows in batches. now() and CURRENT_TIMESTAMP are fine (stable).");
        }
        if (unique || primaryKey) {
            altering(w.at(s), "adds a constraint to " + tableText);
            emit(Rule.ADD_UNIQUE_CONSTRAINT, w.at(s),
                    "Adding column " + columnText + " with " + (primaryKey ? "PRIMARY KEY" : "UNIQUE")
                            + " builds its index under an ACCESS EXCLUSIVE lock on " + tableText,
                    "Add the column plain; build the index in a migration of its own: CREATE UNIQUE INDEX "
                            + "CONCURRENTLY IF NOT EXISTS <index> ON " + tableText + " (" + columnText + "); then "
                            + "ALTER TABLE " + tableText + " ADD CONSTRAINT <name> "
                            + (primaryKey ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX <index>;");
        }
        if (check) {
            altering(w.at(s), "adds a constraint to " + tableText);
            emit(Rule.CHECK_WITHOUT_NOT_VALID, checkAt,
                    "Adding column " + columnText + " with a CHECK checks every row of " + tableText
                            + " under an ACCESS EXCLUSIVE lock",
                    "Add the column plain, then ALTER TABLE " + tableText + " ADD CONSTRAINT <name> CHECK (...) NOT "
                            + "VALID; and ALTER TABLE " + tableText + " VALIDATE CONSTRAINT <name>; (the validation "
                            + "takes only a SHARE UPDATE EXCLUSIVE lock).");
        }
        if (references && hasDefault) {
            altering(w.at(s), "adds a constraint to " + tableText);
            emit(Rule.FOREIGN_KEY_WITHOUT_NOT_VALID, w.at(s),
                    "Adding column " + columnText + " with a default and REFERENCES validates every row of "
                            + tableText + " while both tables are locked against writes",
                    "Add the column without REFERENCES, then ALTER TABLE " + tableText + " ADD CONSTRAINT <name> "
                            + "FOREIGN KEY (" + columnText + ") REFERENCES ... NOT VALID; and VALIDATE CONSTRAINT "
                            + "<name> in a separate statement.");
        }
    }

    /** The first volatile function called in a DEFAULT expression starting at {@code from}, or null. */
    private static String volatileCall(Words w, int from, int e) {
        int depth = 0;
        for (int i = from; i < e; i++) {
            if (w.op(i, "(")) {
                depth++;
            } else if (w.op(i, ")")) {
                depth--;
            } else if (depth == 0 && w.at(i).type() == TokenType.WORD
                    && COLUMN_CONSTRAINT.contains(Words.lower(w.at(i).text()))) {
                return null;
            } else if (w.at(i).type() == TokenType.WORD && w.op(i + 1, "(")
                    && VOLATILE.contains(Words.lower(w.at(i).text()))) {
                return Words.lower(w.at(i).text());
            }
        }
        return null;
    }

    /** {@code ADD [CONSTRAINT name] CHECK|FOREIGN KEY|UNIQUE|PRIMARY KEY|EXCLUDE ...}; k at the kind. */
    private void addConstraint(Words w, int s, int k, int e, String name, String table, String tableText,
            boolean fresh) {
        boolean notValid = false;
        int depth = 0;
        for (int i = k; i < e; i++) {
            if (w.op(i, "(")) {
                depth++;
            } else if (w.op(i, ")")) {
                depth--;
            } else if (depth == 0 && w.is(i, "NOT") && w.is(i + 1, "VALID")) {
                notValid = true;
            }
        }
        String named = name != null ? " " + w.at(k - 1).text() : "";
        String constraintName = name != null ? w.at(k - 1).text() : "<name>";
        if (w.is(k, "CHECK")) {
            String column = notNullColumn(w, k + 1);
            if (column != null) {
                String key = table + "." + column;
                if (name != null) {
                    notNullChecks.put(name, key);
                }
                if (!notValid) {
                    notNullValidated.add(key);
                }
            }
            if (!fresh) {
                altering(w.at(s), "adds a constraint to " + tableText);
                if (!notValid) {
                    emit(Rule.CHECK_WITHOUT_NOT_VALID, w.at(s),
                            "Adding CHECK constraint" + named + " to existing table " + tableText + " checks every "
                                    + "row while an ACCESS EXCLUSIVE lock blocks all reads and writes",
                            "ALTER TABLE " + tableText + " ADD CONSTRAINT " + constraintName + " CHECK (...) NOT "
                                    + "VALID;\nALTER TABLE " + tableText + " VALIDATE CONSTRAINT " + constraintName
                                    + ";\n(NOT VALID is instant; VALIDATE scans under a SHARE UPDATE EXCLUSIVE lock "
                                    + "that lets reads and writes go on.)");
                }
            }
        } else if (w.is(k, "FOREIGN")) {
            if (!fresh) {
                altering(w.at(s), "adds a constraint to " + tableText);
                if (!notValid) {
                    emit(Rule.FOREIGN_KEY_WITHOUT_NOT_VALID, w.at(s),
                            "Adding FOREIGN KEY" + named + " to existing table " + tableText + " validates every row "
                                    + "while both tables are locked against writes (SHARE ROW EXCLUSIVE)",
                            "ALTER TABLE " + tableText + " ADD CONSTRAINT " + constraintName + " FOREIGN KEY (...) "
                                    + "REFERENCES ... NOT VALID;\nALTER TABLE " + tableText + " VALIDATE CONSTRAINT "
                                    + constraintName + ";\nIn drizzle-kit's DO $$ BEGIN ... EXCEPTION WHEN "
                                    + "duplicate_object THEN null; END $$; block, add NOT VALID inside the block and "
                                    + "put the VALIDATE after it. A table created in the same migration is exempt.");
                }
            }
        } else {
            boolean usingIndex = false;
            for (int i = k; i < Math.min(e, k + 4); i++) {
                if (w.is(i, "USING") && w.is(i + 1, "INDEX")) {
                    usingIndex = true;
                }
            }
            if (!fresh) {
                altering(w.at(s), "adds a constraint to " + tableText);
                if (!usingIndex) {
                    String kind = w.is(k, "PRIMARY") ? "PRIMARY KEY" : w.is(k, "UNIQUE") ? "UNIQUE" : "EXCLUDE";
                    emit(Rule.ADD_UNIQUE_CONSTRAINT, w.at(s),
                            "Adding " + kind + named + " to existing table " + tableText + " builds its index while an"
                                    + " ACCESS EXCLUSIVE lock blocks all reads and writes",
                            kind.equals("EXCLUDE") ? "There is no concurrent form for EXCLUDE: add it while the table"
                                    + " is small or in a maintenance window."
                                    : "Build the index first, in a migration of its own:\nCREATE UNIQUE INDEX "
                                    + "CONCURRENTLY IF NOT EXISTS " + (name != null ? w.at(k - 1).text() : "<index>")
                                    + " ON " + tableText + " (...);\nthen, in the next migration:\nALTER TABLE "
                                    + tableText + " ADD CONSTRAINT " + constraintName + " " + kind + " USING INDEX "
                                    + (name != null ? w.at(k - 1).text() : "<index>") + ";");
                }
            }
        }
    }

    /** The column of {@code CHECK (col IS NOT NULL)} (parentheses allowed), {@code open} at the {@code (}; or null. */
    private static String notNullColumn(Words w, int open) {
        if (!w.op(open, "(")) {
            return null;
        }
        int from = open + 1;
        int to = w.close(open);
        while (w.op(from, "(") && w.close(from) == to - 1) {
            from++;
            to--;
        }
        if (to - from == 4 && w.isName(from) && w.is(from + 1, "IS") && w.is(from + 2, "NOT")
                && w.is(from + 3, "NULL")) {
            return Words.identifier(w.at(from));
        }
        return null;
    }

    private void dropColumn(Words w, int s, int k, String table, String tableText, boolean fresh) {
        String key = table + "." + Words.identifier(w.at(k));
        columnTypes.remove(key);
        if (fresh || columns.contains(key)) {
            return;
        }
        String column = w.at(k).text();
        headline("drop_" + table + "_" + Words.identifier(w.at(k)));
        altering(w.at(s), "drops column " + tableText + "." + column);
        emit(Rule.DROP_COLUMN, w.at(s),
                "Dropping column " + tableText + "." + column + " breaks the running instances that still read or "
                        + "write it (drizzle names every column in its queries) and loses its data",
                "Zero-downtime, over two releases: release 1 removes the column from the drizzle schema and the code "
                        + "(do not generate the migration yet); release 2 drops it in a later migration. When that is "
                        + "what this migration is, say so: -- drizzle-migrator:ignore drop-column <reason>.");
    }

    private void changeType(Words w, int s, int k, int e, String key, String tableText, String columnText,
            boolean newColumn) {
        int end = k;
        int depth = 0;
        boolean using = false;
        while (end < e) {
            if (w.op(end, "(")) {
                depth++;
            } else if (w.op(end, ")")) {
                depth--;
            } else if (depth == 0 && (w.is(end, "USING") || w.is(end, "COLLATE"))) {
                break;
            }
            end++;
        }
        for (int i = end; i < e; i++) {
            if (w.is(i, "USING")) {
                using = true;
            }
        }
        ColumnType to = ColumnType.parse(w, k, end);
        ColumnType from = columnTypes.get(key);
        if (to != null) {
            columnTypes.put(key, to);
        }
        if (newColumn || to == null) {
            return;
        }
        altering(w.at(s), "changes the type of " + tableText + "." + columnText);
        if (!using && ColumnType.keepsStorage(from, to)) {
            return;
        }
        String fromText = from != null ? " from " + from : "";
        emit(Rule.CHANGE_COLUMN_TYPE, w.at(s),
                "Changing the type of " + tableText + "." + columnText + fromText + " to " + to
                        + (using ? " with USING" : "") + " rewrites the whole table under an ACCESS EXCLUSIVE lock, "
                        + "and breaks running instances that expect the old type",
                "Zero-downtime: add a new column of the new type, write both and backfill in batches, switch reads, "
                        + "then drop the old column in a later release. Changes that keep the stored values need no "
                        + "rewrite: varchar → text, varchar(n) → varchar(m ≥ n), numeric(p,s) → numeric(q ≥ p,s)"
                        + (from == null ? "; the linter did not see the column's current type (defined in an "
                        + "earlier migration): if it is one of those, suppress with that reason" : "") + ".");
    }

    private void setNotNull(Words w, int s, String key, String tableText, String columnText, boolean newColumn) {
        if (newColumn) {
            return;
        }
        altering(w.at(s), "sets NOT NULL on " + tableText + "." + columnText);
        if (notNullValidated.contains(key)) {
            return;
        }
        String check = constraintName(key);
        emit(Rule.SET_NOT_NULL, w.at(s),
                "SET NOT NULL on existing column " + tableText + "." + columnText + " scans the whole table under "
                        + "an ACCESS EXCLUSIVE lock, and fails (or breaks running instances) while rows or inserts "
                        + "still lack a value",
                "Zero-downtime, over two releases: release 1 makes the code always write the column, sets the default "
                        + "(ALTER TABLE " + tableText + " ALTER COLUMN " + columnText + " SET DEFAULT ...) and "
                        + "backfills (UPDATE " + tableText + " SET " + columnText + " = ... WHERE " + columnText
                        + " IS NULL, in batches); release 2, in a later migration (PostgreSQL 12+):\n"
                        + "ALTER TABLE " + tableText + " ADD CONSTRAINT " + check + " CHECK (" + columnText
                        + " IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE " + tableText + " VALIDATE CONSTRAINT " + check + ";\n"
                        + "ALTER TABLE " + tableText + " ALTER COLUMN " + columnText + " SET NOT NULL;\n"
                        + "ALTER TABLE " + tableText + " DROP CONSTRAINT " + check + ";");
    }

    private static String constraintName(String key) {
        return key.replace('.', '_').replaceAll("[^A-Za-z0-9_]", "_") + "_not_null";
    }

    private void alterType(Words w) {
        int i = w.skipIfExists(2);
        int end = w.nameEnd(i);
        String type = w.name(i, end);
        String typeText = w.text(i, end);
        boolean fresh = types.contains(type);
        int j = end;
        headline("alter_" + type);
        if (w.is(j, "ADD") && w.is(j + 1, "VALUE")) {
            int v = w.skipIfNotExists(j + 2);
            boolean idempotent = v != j + 2;
            String value = w.isString(v) ? w.at(v).text() : null;
            if (!idempotent && !fresh) {
                emit(Rule.ENUM_ADD_VALUE_NOT_IDEMPOTENT, w.at(j),
                        "ALTER TYPE " + typeText + " ADD VALUE without IF NOT EXISTS fails if the value is already "
                                + "there (a database set up with drizzle-kit push, a retried or hand-applied "
                                + "migration)",
                        "ALTER TYPE " + typeText + " ADD VALUE IF NOT EXISTS " + (value != null ? value : "'...'")
                                + ";");
            }
            if (value != null && !fresh && transactional) {
                newEnumValues.put(value, typeText + " (line " + w.at(j).line() + ")");
            }
            return;
        }
        if (fresh) {
            return;
        }
        if (w.is(j, "RENAME") && w.is(j + 1, "VALUE")) {
            altering(w.at(j), "renames a value of type " + typeText);
            String old = w.has(j + 2) ? w.at(j + 2).text() : "'old'";
            String renamed = w.has(j + 4) ? w.at(j + 4).text() : "'new'";
            emit(Rule.ENUM_RENAME_VALUE, w.at(j),
                    "Renaming value " + old + " of enum " + typeText + " breaks running instances that still write or"
                            + " compare " + old,
                    "Enum values are append-only: ALTER TYPE " + typeText + " ADD VALUE IF NOT EXISTS " + renamed
                            + "; migrate the rows (UPDATE ... SET ... = " + renamed + " WHERE ... = " + old + ") once "
                            + "the code writes " + renamed + ", and leave " + old + " unused.");
            return;
        }
        altering(w.at(0), "alters type " + typeText);
    }

    // ---------------------------------------------------------------- DO blocks

    /**
     * {@code DO [LANGUAGE plpgsql] $$ ... $$}: drizzle-kit wraps foreign keys and enum creation in
     * {@code DO $$ BEGIN ... EXCEPTION WHEN duplicate_object THEN null; END $$;}. The body is lexed and each
     * statement in it that starts a DDL command gets the rules, at its line in the file.
     */
    private void doBlock(Words w) {
        Token body = null;
        boolean plpgsql = true;
        for (int i = 1; i < w.end; i++) {
            Token t = w.at(i);
            if (t.type() == TokenType.DOLLAR_STRING && body == null) {
                body = t;
            } else if (w.is(i, "LANGUAGE") && w.has(i + 1)) {
                plpgsql = Words.identifier(w.at(i + 1)).equals("plpgsql");
            }
        }
        if (body == null || !plpgsql) {
            return;
        }
        String text = body.text();
        int tagLength = text.indexOf('$', 1) + 1;
        if (tagLength <= 0 || text.length() < 2 * tagLength) {
            return;
        }
        List<SqlStatement> inner;
        try {
            inner = SqlLexer.split(text.substring(tagLength, text.length() - tagLength), body.line(),
                    body.column() + tagLength);
        } catch (SqlSyntaxException e) {
            return; // plpgsql the SQL lexer cannot follow: no finding rather than a wrong one
        }
        SqlStatement outer = statement;
        for (SqlStatement st : inner) {
            List<Token> tokens = st.significantTokens();
            int start = ddlStart(tokens);
            if (start >= 0) {
                statement = st;
                analyze(new Words(tokens.subList(start, tokens.size())), false);
            }
        }
        statement = outer;
    }

    /** Where a DDL command starts in a plpgsql statement: at the start or after BEGIN/THEN/ELSE/LOOP; or -1. */
    private static int ddlStart(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() != TokenType.WORD) {
                return -1;
            }
            if (DDL_VERBS.contains(Words.lower(t.text()))) {
                return i;
            }
            String word = Words.lower(t.text());
            if (!(word.equals("begin") || word.equals("then") || word.equals("else") || word.equals("loop"))) {
                return -1;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- enum values used too early

    private void enumValueUse(Words w) {
        if (w.is(0, "ALTER") && w.is(1, "TYPE")) {
            return;
        }
        for (int i = 0; i < w.end; i++) {
            Token t = w.at(i);
            String added = null;
            if (t.type() == TokenType.STRING) {
                added = newEnumValues.get(t.text());
            } else if (t.type() == TokenType.DOLLAR_STRING) {
                for (Map.Entry<String, String> e : newEnumValues.entrySet()) {
                    if (t.text().contains(e.getKey())) {
                        added = e.getValue();
                        break;
                    }
                }
            }
            if (added != null) {
                emit(Rule.ENUM_VALUE_USED_IN_SAME_TRANSACTION, t,
                        "This statement uses a value added to enum " + added + " by this same migration: PostgreSQL "
                                + "refuses it before the ADD VALUE commits (\"unsafe use of new value\")",
                        "Move the ALTER TYPE ... ADD VALUE to a migration of its own, before this one: drizzle-migrator"
                                + " commits each migration separately (transactionMode PER_MIGRATION), so the next "
                                + "migration can use the value. drizzle's own migrator runs every pending migration in "
                                + "one transaction and fails either way (drizzle-orm issue #3466).");
                return;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void altering(Token at, String what) {
        if (alteringAt == null) {
            alteringAt = at;
            alteringWhat = what;
        }
    }

    private void headline(String name) {
        if (headline == null) {
            headline = name;
        }
    }

    private void emit(Rule rule, Token at, String message, String alternative) {
        sink.add(new Draft(rule, file, at.line(), at.column(), message, alternative, scope));
    }

    /**
     * The statement's text from its first significant token to its end, with {@code insert} after the token at
     * {@code index} of {@code w}; null when the statement is too long to quote.
     */
    private String rewrite(Words w, int index, String insert) {
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
