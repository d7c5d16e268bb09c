package io.drizzlemigrator.internal.review;

import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derives from a statement's tokens the lock modes PostgreSQL 15 takes on each table, after its documented lock
 * table (explicit-locking, sql-altertable's "lock level" notes) and what was measured where the documentation is
 * silent (docs/review.md): dropping a foreign key locks the referenced table too, a type change of a key column
 * locks the other side of its foreign keys, a view locks the tables it reads. The {@link Catalog} tells what the
 * names refer to and follows the statements' changes, so one derivation walks a whole plan in order.
 *
 * <p>Not derived, because they depend on the rows: the per-row foreign-key checks of INSERT, UPDATE and DELETE
 * (RowShareLock on the other table for each row checked), and the branches a {@code DO} block does not take.
 */
public final class Derivation {

    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "nextval", "clock_timestamp", "timeofday", "uuidv7", "uuidv4");
    private static final Set<String> SERIAL = Set.of("serial", "bigserial", "smallserial", "serial4", "serial8",
            "serial2");
    /** Words that end a column's type and start its constraints. */
    private static final Set<String> COLUMN_CONSTRAINT = Set.of("default", "not", "null", "primary", "unique",
            "references", "check", "constraint", "generated", "collate", "deferrable", "initially");
    private final Catalog catalog;
    private final QueryTables queries;
    private final DoBlocks doBlocks;

    public Derivation(Catalog catalog) {
        this.catalog = catalog;
        this.queries = new QueryTables(catalog);
        this.doBlocks = new DoBlocks(this, catalog, queries);
    }

    /**
     * The locks of {@code statement}, and the catalog changed as it changes it.
     *
     * @param fallbackKind the statement's kind when the derivation has nothing more precise (the classifier's words)
     */
    public Derived derive(SqlStatement statement, String fallbackKind) {
        Derived d = new Derived(fallbackKind);
        List<Token> tokens = statement.significantTokens();
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).type() == TokenType.SEMICOLON) {
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        Toks w = new Toks(tokens);
        if (w.has(0)) {
            command(w, 0, w.size(), d, true);
        }
        return d;
    }

    /** Derives the command that starts at {@code i} and ends before {@code end}. */
    void command(Toks w, int i, int end, Derived d, boolean top) {
        String verb = w.word(i);
        switch (verb) {
            case "alter" -> alter(w, i, end, d);
            case "create" -> create(w, i, end, d);
            case "drop" -> drop(w, i, end, d);
            case "truncate" -> truncate(w, i, end, d);
            case "insert", "update", "delete", "with", "select", "perform", "merge" -> {
                if (top) {
                    d.kind(verb.toUpperCase(Locale.ROOT));
                }
                queries.scan(w, i, end, d);
            }
            case "do" -> doBlocks.derive(w, i, end, d);
            case "comment" -> comment(w, i, d);
            case "vacuum", "analyze", "analyse", "cluster", "reindex" -> maintenance(w, i, end, d, verb);
            case "refresh" -> refresh(w, i, d);
            case "lock" -> lock(w, i, end, d);
            default -> {
            }
        }
    }

    // ---- ALTER

    private void alter(Toks w, int i, int end, Derived d) {
        if (w.is(i + 1, "TABLE")) {
            alterTable(w, i + 2, end, d);
        } else if (w.is(i + 1, "VIEW") || w.is(i + 1, "MATERIALIZED") && w.is(i + 2, "VIEW")) {
            int at = w.skipIfExists(w.is(i + 1, "VIEW") ? i + 2 : i + 3);
            Toks.Name view = w.name(at);
            String table = view.qualified(catalog);
            d.kind(w.is(i + 1, "VIEW") ? "ALTER VIEW" : "ALTER MATERIALIZED VIEW");
            d.lock(table, LockMode.ACCESS_EXCLUSIVE);
            if (w.is(view.next(), "RENAME") && w.is(view.next() + 1, "TO")) {
                catalog.renamed(table, schemaOf(table) + "." + w.identifier(view.next() + 2));
            }
        } else if (w.is(i + 1, "INDEX")) {
            int at = w.skipIfExists(i + 2);
            Toks.Name index = w.name(at);
            String qualified = index.qualified(catalog);
            d.kind("ALTER INDEX");
            if (w.is(index.next(), "RENAME") && w.is(index.next() + 1, "TO")) {
                String table = catalog.tableOfIndex(qualified);
                catalog.indexDropped(qualified);
                if (table != null) {
                    catalog.index(schemaOf(qualified) + "." + w.identifier(index.next() + 2), table);
                }
            }
        } else {
            d.kind("ALTER " + w.word(i + 1).toUpperCase(Locale.ROOT));
        }
    }

    private void alterTable(Toks w, int i, int end, Derived d) {
        i = w.skipIfExists(i);
        if (w.is(i, "ONLY")) {
            i++;
        }
        Toks.Name name = w.name(i);
        String table = name.qualified(catalog);
        int at = name.next();
        if (w.op(at, "*")) {
            at++;
        }
        List<String> kinds = new ArrayList<>();
        for (int[] action : w.topLevelList(at, end)) {
            kinds.add(alterAction(w, action[0], action[1], table, d));
            if (w.is(action[0], "RENAME") && w.is(action[0] + 1, "TO")) {
                String renamed = schemaOf(table) + "." + w.identifier(action[0] + 2);
                catalog.renamed(table, renamed);
            } else if (w.is(action[0], "SET") && w.is(action[0] + 1, "SCHEMA")) {
                catalog.renamed(table, w.identifier(action[0] + 2) + "." + table.substring(table.indexOf('.') + 1));
            }
        }
        d.kind("ALTER TABLE " + String.join(", ", new LinkedHashSet<>(kinds)));
    }

    /** One action of ALTER TABLE: its locks on {@code d}, its kind as returned. */
    private String alterAction(Toks w, int i, int end, String table, Derived d) {
        String first = w.word(i);
        switch (first) {
            case "add" -> {
                int j = w.is(i + 1, "COLUMN") ? i + 2 : i + 1;
                if (isTableConstraint(w, j)) {
                    return addConstraint(w, j, end, table, d);
                }
                j = w.skipIfNotExists(j);
                d.lock(table, LockMode.ACCESS_EXCLUSIVE);
                column(w, j, end, table, d, true);
                return "ADD COLUMN";
            }
            case "drop" -> {
                d.lock(table, LockMode.ACCESS_EXCLUSIVE);
                if (w.is(i + 1, "CONSTRAINT")) {
                    int j = w.skipIfExists(i + 2);
                    String constraint = w.identifier(j);
                    Catalog.ForeignKey fk = catalog.foreignKey(table, constraint);
                    if (fk != null) {
                        d.lock(fk.referenced(), LockMode.ACCESS_EXCLUSIVE);
                    }
                    catalog.constraintDropped(table, constraint);
                    return "DROP CONSTRAINT";
                }
                int j = w.skipIfExists(w.is(i + 1, "COLUMN") ? i + 2 : i + 1);
                String column = w.identifier(j);
                lockOtherSides(table, column, d);
                catalog.columnDropped(table, column);
                return "DROP COLUMN";
            }
            case "alter" -> {
                int j = w.is(i + 1, "COLUMN") ? i + 2 : i + 1;
                return alterColumn(w, j, end, table, d);
            }
            case "rename" -> {
                d.lock(table, LockMode.ACCESS_EXCLUSIVE);
                if (w.is(i + 1, "TO")) {
                    return "RENAME TO";
                }
                if (w.is(i + 1, "CONSTRAINT")) {
                    catalog.constraintRenamed(table, w.identifier(i + 2), w.identifier(i + 4));
                    return "RENAME CONSTRAINT";
                }
                int j = w.is(i + 1, "COLUMN") ? i + 2 : i + 1;
                catalog.columnRenamed(table, w.identifier(j), w.identifier(j + 2));
                return "RENAME COLUMN";
            }
            case "validate" -> {
                d.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
                Catalog.ForeignKey fk = catalog.foreignKey(table, w.identifier(i + 2));
                if (fk != null) {
                    d.lock(fk.referenced(), LockMode.ROW_SHARE);
                }
                d.scans();
                return "VALIDATE CONSTRAINT";
            }
            case "enable", "disable" -> {
                int j = w.is(i + 1, "ALWAYS") || w.is(i + 1, "REPLICA") ? i + 2 : i + 1;
                boolean trigger = w.is(j, "TRIGGER");
                d.lock(table, trigger ? LockMode.SHARE_ROW_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE);
                return first.toUpperCase(Locale.ROOT) + " " + (trigger ? "TRIGGER" : w.is(j, "ROW")
                        ? "ROW LEVEL SECURITY" : w.word(j).toUpperCase(Locale.ROOT));
            }
            case "set" -> {
                if (w.op(i + 1, "(")) {
                    d.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
                    return "SET (storage parameters)";
                }
                if (w.is(i + 1, "WITHOUT") && w.is(i + 2, "CLUSTER")) {
                    d.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
                    return "SET WITHOUT CLUSTER";
                }
                d.lock(table, LockMode.ACCESS_EXCLUSIVE);
                if (w.is(i + 1, "TABLESPACE") || w.is(i + 1, "LOGGED") || w.is(i + 1, "UNLOGGED")
                        || w.is(i + 1, "ACCESS")) {
                    d.rewrites();
                }
                return "SET " + w.word(i + 1).toUpperCase(Locale.ROOT);
            }
            case "reset" -> {
                d.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
                return "RESET (storage parameters)";
            }
            case "cluster" -> {
                d.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
                return "CLUSTER ON";
            }
            case "attach" -> {
                d.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
                d.lock(w.name(i + 2).qualified(catalog), LockMode.ACCESS_EXCLUSIVE);
                d.scans();
                return "ATTACH PARTITION";
            }
            case "detach" -> {
                Toks.Name partition = w.name(i + 2);
                boolean concurrently = w.is(partition.next(), "CONCURRENTLY");
                d.lock(table, concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE);
                d.lock(partition.qualified(catalog), concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE
                        : LockMode.ACCESS_EXCLUSIVE);
                return concurrently ? "DETACH PARTITION CONCURRENTLY" : "DETACH PARTITION";
            }
            case "inherit", "no" -> {
                d.lock(table, LockMode.ACCESS_EXCLUSIVE);
                int j = w.is(i, "NO") ? i + 2 : i + 1;
                d.lock(w.name(j).qualified(catalog), LockMode.SHARE_UPDATE_EXCLUSIVE);
                return w.is(i, "NO") ? "NO INHERIT" : "INHERIT";
            }
            default -> {
                d.lock(table, LockMode.ACCESS_EXCLUSIVE);
                return first.toUpperCase(Locale.ROOT);
            }
        }
    }

    /**
     * A column's foreign keys are dropped or rebuilt with it (DROP COLUMN, a type change): that takes
     * AccessExclusiveLock on the table at their other end too, which loses its triggers.
     */
    private void lockOtherSides(String table, String column, Derived d) {
        for (Catalog.ForeignKey fk : catalog.foreignKeysOf(table)) {
            if (fk.columns().contains(column)) {
                d.lock(fk.referenced(), LockMode.ACCESS_EXCLUSIVE);
            }
        }
        for (Catalog.ForeignKey fk : catalog.foreignKeysTo(table)) {
            if (fk.refColumns().contains(column)) {
                d.lock(fk.table(), LockMode.ACCESS_EXCLUSIVE);
            }
        }
    }

    private static boolean isTableConstraint(Toks w, int j) {
        return w.is(j, "CONSTRAINT") || w.is(j, "CHECK") || w.is(j, "FOREIGN") || w.is(j, "PRIMARY")
                || w.is(j, "UNIQUE") || w.is(j, "EXCLUDE");
    }

    /** {@code [CONSTRAINT name] CHECK|FOREIGN KEY|PRIMARY KEY|UNIQUE|EXCLUDE ...} of ALTER TABLE ... ADD. */
    private String addConstraint(Toks w, int j, int end, String table, Derived d) {
        String name = null;
        if (w.is(j, "CONSTRAINT")) {
            name = w.identifier(j + 1);
            j += 2;
        }
        if (name != null && catalog.hasConstraint(table, name)) {
            d.fails(); // duplicate_object
        }
        catalog.constraint(table, name);
        boolean notValid = w.topLevelPair(j, end, "NOT", "VALID") >= 0;
        if (w.is(j, "FOREIGN")) {
            int cols = j + 2;
            List<String> columns = w.identifiers(cols);
            int ref = w.topLevelWord(cols, end, "REFERENCES");
            Toks.Name referenced = w.name(ref + 1);
            String refTable = referenced.qualified(catalog);
            d.lock(table, LockMode.SHARE_ROW_EXCLUSIVE);
            d.lock(refTable, LockMode.SHARE_ROW_EXCLUSIVE);
            if (!notValid) {
                d.scans();
            }
            List<String> refColumns = w.op(referenced.next(), "(") ? w.identifiers(referenced.next()) : List.of();
            catalog.foreignKey(new Catalog.ForeignKey(name == null ? "" : name, table, columns, refTable, refColumns));
            return "ADD CONSTRAINT FOREIGN KEY" + (notValid ? " NOT VALID" : "");
        }
        d.lock(table, LockMode.ACCESS_EXCLUSIVE);
        if (w.is(j, "CHECK")) {
            if (!notValid) {
                d.scans();
            }
            return "ADD CONSTRAINT CHECK" + (notValid ? " NOT VALID" : "");
        }
        boolean usingIndex = w.topLevelPair(j, end, "USING", "INDEX") >= 0;
        if (!usingIndex) {
            d.lock(table, LockMode.SHARE);
            d.scans();
        }
        String what = w.is(j, "PRIMARY") ? "PRIMARY KEY" : w.word(j).toUpperCase(Locale.ROOT);
        return "ADD CONSTRAINT " + what + (usingIndex ? " USING INDEX" : "");
    }

    /** A column definition at {@code i} (name, type, constraints) of a new or altered table. */
    private void column(Toks w, int i, int end, String table, Derived d, boolean existingTable) {
        String column = w.identifier(i);
        int j = i + 1;
        int typeStart = j;
        while (j < end && !(w.token(j).type() == TokenType.WORD && COLUMN_CONSTRAINT.contains(w.word(j)))) {
            j = w.op(j, "(") ? w.close(j) + 1 : j + 1;
        }
        String type = Types.normalize(w.text(typeStart, j));
        catalog.column(table, column, type);
        boolean rewrites = SERIAL.contains(w.word(typeStart));
        for (int k = j; k < end; k++) {
            if (w.is(k, "REFERENCES")) {
                Toks.Name referenced = w.name(k + 1);
                String refTable = referenced.qualified(catalog);
                d.lock(refTable, LockMode.SHARE_ROW_EXCLUSIVE);
                if (existingTable) {
                    d.scans();
                }
                List<String> refColumns = w.op(referenced.next(), "(") ? w.identifiers(referenced.next()) : List.of();
                catalog.foreignKey(new Catalog.ForeignKey("", table, List.of(column), refTable, refColumns));
                k = referenced.next() - 1;
            } else if (w.is(k, "DEFAULT")) {
                for (int e = k + 1; e < end && !(w.token(e).type() == TokenType.WORD
                        && COLUMN_CONSTRAINT.contains(w.word(e)) && !w.op(e - 1, "(")); e++) {
                    if (VOLATILE.contains(w.word(e)) && w.op(e + 1, "(")) {
                        rewrites = true;
                    }
                }
            } else if (w.is(k, "GENERATED") || w.is(k, "PRIMARY") || w.is(k, "UNIQUE") || w.is(k, "CHECK")) {
                if (w.is(k, "GENERATED")) {
                    rewrites = true;
                } else if (existingTable) {
                    d.scans(); // a constraint checked, or an index built, over the existing rows
                }
            }
        }
        if (rewrites && existingTable) {
            d.rewrites();
        }
    }

    private String alterColumn(Toks w, int j, int end, String table, Derived d) {
        String column = w.identifier(j);
        int k = j + 1;
        if (w.is(k, "TYPE") || w.is(k, "SET") && w.is(k + 1, "DATA")) {
            d.lock(table, LockMode.ACCESS_EXCLUSIVE);
            int typeStart = w.is(k, "TYPE") ? k + 1 : k + 3;
            int typeEnd = typeStart;
            while (typeEnd < end && !w.is(typeEnd, "USING") && !w.is(typeEnd, "COLLATE")) {
                typeEnd++;
            }
            String to = Types.normalize(w.text(typeStart, typeEnd));
            String from = catalog.columnType(table, column);
            if (typeEnd < end || !Types.keepsFiles(from, to, catalog.utcSession())) {
                d.rewrites();
            }
            lockOtherSides(table, column, d);
            catalog.column(table, column, to);
            return "ALTER COLUMN TYPE";
        }
        if (w.is(k, "SET") && (w.is(k + 1, "STATISTICS") || w.op(k + 1, "("))
                || w.is(k, "RESET")) {
            d.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
            return "ALTER COLUMN " + (w.is(k, "RESET") ? "RESET" : "SET " + (w.op(k + 1, "(") ? "(options)"
                    : "STATISTICS"));
        }
        d.lock(table, LockMode.ACCESS_EXCLUSIVE);
        if (w.is(k, "SET") && w.is(k + 1, "NOT") && w.is(k + 2, "NULL")) {
            d.scans();
            return "ALTER COLUMN SET NOT NULL";
        }
        if (w.is(k, "ADD") && w.is(k + 1, "GENERATED")) {
            return "ALTER COLUMN ADD GENERATED";
        }
        StringBuilder kind = new StringBuilder("ALTER COLUMN");
        for (int e = k; e < Math.min(end, k + 3) && w.token(e).type() == TokenType.WORD; e++) {
            kind.append(' ').append(w.word(e).toUpperCase(Locale.ROOT));
        }
        return kind.toString();
    }

    // ---- CREATE

    private void create(Toks w, int i, int end, Derived d) {
        int j = i + 1;
        if (w.is(j, "OR") && w.is(j + 1, "REPLACE")) {
            j += 2;
        }
        while (w.is(j, "TEMP") || w.is(j, "TEMPORARY") || w.is(j, "UNLOGGED") || w.is(j, "GLOBAL")
                || w.is(j, "LOCAL") || w.is(j, "RECURSIVE") || w.is(j, "CONSTRAINT")) {
            j++;
        }
        if (w.is(j, "TABLE")) {
            createTable(w, j + 1, end, d);
        } else if (w.is(j, "INDEX") || w.is(j, "UNIQUE") && w.is(j + 1, "INDEX")) {
            createIndex(w, w.is(j, "UNIQUE") ? j + 2 : j + 1, end, d, w.is(j, "UNIQUE"));
        } else if (w.is(j, "VIEW") || w.is(j, "MATERIALIZED") && w.is(j + 1, "VIEW")) {
            boolean materialized = w.is(j, "MATERIALIZED");
            int at = w.skipIfNotExists(materialized ? j + 2 : j + 1);
            Toks.Name view = w.name(at);
            String qualified = view.qualified(catalog);
            d.kind(materialized ? "CREATE MATERIALIZED VIEW" : "CREATE VIEW");
            d.lock(qualified, LockMode.ACCESS_EXCLUSIVE);
            int as = w.topLevelWord(view.next(), end, "AS");
            if (as >= 0) {
                queries.scan(w, as + 1, end, d);
            }
            if (materialized && w.topLevelPair(view.next(), end, "NO", "DATA") < 0) {
                d.scans();
            }
            catalog.created(qualified, materialized ? 'm' : 'v');
        } else if (w.is(j, "TRIGGER")) {
            d.kind("CREATE TRIGGER");
            int on = w.topLevelWord(j + 1, end, "ON");
            if (on >= 0) {
                d.lock(w.name(on + 1).qualified(catalog), LockMode.SHARE_ROW_EXCLUSIVE);
            }
        } else if (w.is(j, "POLICY")) {
            d.kind("CREATE POLICY");
            int on = w.topLevelWord(j + 1, end, "ON");
            if (on >= 0) {
                d.lock(w.name(on + 1).qualified(catalog), LockMode.ACCESS_EXCLUSIVE);
            }
        } else {
            d.kind("CREATE " + w.word(j).toUpperCase(Locale.ROOT));
        }
    }

    private void createTable(Toks w, int j, int end, Derived d) {
        boolean ifNotExists = w.is(j, "IF");
        j = w.skipIfNotExists(j);
        Toks.Name name = w.name(j);
        String table = name.qualified(catalog);
        d.kind("CREATE TABLE");
        if (ifNotExists && catalog.exists(table)) {
            d.kind("CREATE TABLE IF NOT EXISTS (exists)");
            return;
        }
        d.lock(table, LockMode.ACCESS_EXCLUSIVE);
        catalog.created(table, 'r');
        int k = name.next();
        if (w.is(k, "PARTITION") && w.is(k + 1, "OF")) {
            d.lock(w.name(k + 2).qualified(catalog), LockMode.ACCESS_EXCLUSIVE);
            d.kind("CREATE TABLE PARTITION OF");
            return;
        }
        if (w.op(k, "(")) {
            int close = w.close(k);
            for (int[] item : w.topLevelList(k + 1, close)) {
                if (w.is(item[0], "LIKE")) {
                    d.lock(w.name(item[0] + 1).qualified(catalog), LockMode.ACCESS_SHARE);
                } else if (isTableConstraint(w, item[0])) {
                    int c = w.is(item[0], "CONSTRAINT") ? item[0] + 2 : item[0];
                    if (w.is(item[0], "CONSTRAINT")) {
                        catalog.constraint(table, w.identifier(item[0] + 1));
                    }
                    if (w.is(c, "FOREIGN")) {
                        int ref = w.topLevelWord(c, item[1], "REFERENCES");
                        Toks.Name referenced = w.name(ref + 1);
                        String refTable = referenced.qualified(catalog);
                        d.lock(refTable, LockMode.SHARE_ROW_EXCLUSIVE);
                        catalog.foreignKey(new Catalog.ForeignKey(w.is(item[0], "CONSTRAINT")
                                ? w.identifier(item[0] + 1) : "", table, w.identifiers(c + 2), refTable,
                                w.op(referenced.next(), "(") ? w.identifiers(referenced.next()) : List.of()));
                    }
                } else {
                    column(w, item[0], item[1], table, d, false);
                }
            }
            k = close + 1;
            int inherits = w.topLevelWord(k, end, "INHERITS");
            if (inherits >= 0) {
                for (Toks.Name parent : w.names(inherits + 2)) {
                    d.lock(parent.qualified(catalog), LockMode.SHARE_UPDATE_EXCLUSIVE);
                }
            }
        }
        int as = w.topLevelWord(k, end, "AS");
        if (as >= 0) {
            d.kind("CREATE TABLE AS");
            queries.scan(w, as + 1, end, d);
        }
    }

    private void createIndex(Toks w, int j, int end, Derived d, boolean unique) {
        boolean concurrently = w.is(j, "CONCURRENTLY");
        if (concurrently) {
            j++;
        }
        j = w.skipIfNotExists(j);
        String indexName = null;
        if (!w.is(j, "ON")) {
            indexName = w.name(j).name();
            j = w.name(j).next();
        }
        if (w.is(j + 1, "ONLY")) {
            j++;
        }
        String table = w.name(j + 1).qualified(catalog);
        d.kind("CREATE " + (unique ? "UNIQUE " : "") + "INDEX" + (concurrently ? " CONCURRENTLY" : ""));
        d.lock(table, concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE);
        d.scans();
        if (indexName != null) {
            catalog.index(schemaOf(table) + "." + indexName, table);
        }
    }

    // ---- DROP, TRUNCATE

    private void drop(Toks w, int i, int end, Derived d) {
        int j = i + 1;
        boolean materialized = w.is(j, "MATERIALIZED");
        if (materialized) {
            j++;
        }
        String what = w.word(j);
        d.kind("DROP " + (materialized ? "MATERIALIZED " : "") + what.toUpperCase(Locale.ROOT));
        boolean cascade = w.topLevelWord(j, end, "CASCADE") >= 0;
        switch (what) {
            case "table", "view" -> {
                List<String> tables = new ArrayList<>();
                for (Toks.Name n : w.names(w.skipIfExists(j + 1))) {
                    tables.add(n.qualified(catalog));
                }
                for (String table : tables) {
                    d.lock(table, LockMode.ACCESS_EXCLUSIVE);
                    for (Catalog.ForeignKey fk : catalog.foreignKeysOf(table)) {
                        d.lock(fk.referenced(), LockMode.ACCESS_EXCLUSIVE);
                    }
                    if (cascade) {
                        for (Catalog.ForeignKey fk : catalog.foreignKeysTo(table)) {
                            d.lock(fk.table(), LockMode.ACCESS_EXCLUSIVE);
                        }
                    }
                }
                for (String table : tables) {
                    catalog.dropped(table);
                }
            }
            case "index" -> {
                boolean concurrently = w.is(j + 1, "CONCURRENTLY");
                int at = w.skipIfExists(concurrently ? j + 2 : j + 1);
                for (Toks.Name n : w.names(at)) {
                    String index = n.qualified(catalog);
                    d.lock(catalog.tableOfIndex(index), concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE
                            : LockMode.ACCESS_EXCLUSIVE);
                    catalog.indexDropped(index);
                }
                if (concurrently) {
                    d.kind("DROP INDEX CONCURRENTLY");
                }
            }
            case "trigger", "policy", "rule" -> {
                int on = w.topLevelWord(j + 1, end, "ON");
                if (on >= 0) {
                    d.lock(w.name(on + 1).qualified(catalog), LockMode.ACCESS_EXCLUSIVE);
                }
            }
            default -> {
            }
        }
    }

    private void truncate(Toks w, int i, int end, Derived d) {
        d.kind("TRUNCATE");
        int j = w.is(i + 1, "TABLE") ? i + 2 : i + 1;
        if (w.is(j, "ONLY")) {
            j++;
        }
        boolean cascade = w.topLevelWord(j, end, "CASCADE") >= 0;
        for (Toks.Name n : w.names(j)) {
            String table = n.qualified(catalog);
            d.lock(table, LockMode.ACCESS_EXCLUSIVE);
            if (cascade) {
                for (Catalog.ForeignKey fk : catalog.foreignKeysTo(table)) {
                    d.lock(fk.table(), LockMode.ACCESS_EXCLUSIVE);
                }
            }
        }
        d.rewrites();
    }

    // ---- the rest

    private void comment(Toks w, int i, Derived d) {
        d.kind("COMMENT ON " + w.word(i + 2).toUpperCase(Locale.ROOT));
        if (w.is(i + 2, "TABLE") || w.is(i + 2, "VIEW") || w.is(i + 2, "MATERIALIZED")) {
            d.lock(w.name(w.is(i + 2, "MATERIALIZED") ? i + 4 : i + 3).qualified(catalog),
                    LockMode.SHARE_UPDATE_EXCLUSIVE);
        } else if (w.is(i + 2, "COLUMN")) {
            Toks.Name column = w.name(i + 3); // table.column or schema.table.column
            String table = column.schema() == null ? null
                    : column.prefix() != null ? column.prefix() + "." + column.schema()
                    : catalog.qualify(null, column.schema());
            d.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
        }
    }

    private void maintenance(Toks w, int i, int end, Derived d, String verb) {
        boolean full = false;
        boolean concurrently = false;
        int j = i + 1;
        while (j < end && (w.op(j, "(") || Set.of("full", "verbose", "analyze", "analyse", "freeze", "index",
                "table", "concurrently").contains(w.word(j)))) {
            if (w.op(j, "(")) {
                String options = w.text(j, w.close(j) + 1).toLowerCase(Locale.ROOT);
                full |= options.contains("full");
                concurrently |= options.contains("concurrently");
                j = w.close(j) + 1;
            } else {
                full |= w.is(j, "FULL");
                concurrently |= w.is(j, "CONCURRENTLY");
                j++;
            }
        }
        d.kind(verb.toUpperCase(Locale.ROOT) + (full ? " FULL" : "") + (concurrently ? " CONCURRENTLY" : ""));
        if (!w.has(j) || j >= end) {
            return;
        }
        boolean index = verb.equals("reindex") && w.is(i + 1, "INDEX");
        String relation = w.name(j).qualified(catalog);
        String table = index ? catalog.tableOfIndex(relation) : relation;
        LockMode mode = switch (verb) {
            case "cluster" -> LockMode.ACCESS_EXCLUSIVE;
            case "reindex" -> concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE;
            default -> full ? LockMode.ACCESS_EXCLUSIVE : LockMode.SHARE_UPDATE_EXCLUSIVE;
        };
        d.lock(table, mode);
        if (verb.equals("cluster") || full) {
            d.rewrites();
        } else {
            d.scans();
        }
    }

    private void refresh(Toks w, int i, Derived d) {
        boolean concurrently = w.is(i + 3, "CONCURRENTLY");
        d.kind("REFRESH MATERIALIZED VIEW" + (concurrently ? " CONCURRENTLY" : ""));
        d.lock(w.name(concurrently ? i + 4 : i + 3).qualified(catalog), concurrently ? LockMode.EXCLUSIVE
                : LockMode.ACCESS_EXCLUSIVE);
        if (concurrently) {
            d.scans();
        } else {
            d.rewrites();
        }
    }

    private void lock(Toks w, int i, int end, Derived d) {
        d.kind("LOCK TABLE");
        int j = w.is(i + 1, "TABLE") ? i + 2 : i + 1;
        if (w.is(j, "ONLY")) {
            j++;
        }
        int in = w.topLevelWord(j, end, "IN");
        LockMode mode = LockMode.ACCESS_EXCLUSIVE;
        if (in >= 0) {
            String words = w.text(in + 1, end).toUpperCase(Locale.ROOT).replace(" MODE", "").replace(" NOWAIT", "")
                    .strip();
            for (LockMode m : LockMode.values()) {
                if (m.name().replace('_', ' ').equals(words)) {
                    mode = m;
                }
            }
        }
        for (Toks.Name n : w.names(j)) {
            d.lock(n.qualified(catalog), mode);
        }
    }

    private static String schemaOf(String qualified) {
        return qualified.substring(0, qualified.indexOf('.'));
    }
}
