package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.Map;

/**
 * The rules that read statements: index, column, table, type and constraint rules. One instance per migration file,
 * fed its statements in order; it sends each to its group of rules ({@link IndexRules}, {@link DropRules},
 * {@link TableRules}, {@link TypeRules}, {@link DoBlocks}), which share what the migration itself created
 * ({@link RuleContext}).
 */
final class StatementRules {

    private final RuleContext m;
    private final IndexRules indexRules;
    private final DropRules dropRules;
    private final TableRules tableRules;
    private final TypeRules typeRules;
    private final DoBlocks doBlocks;

    /**
     * @param columnTypes   column types learnt from the migrations linted so far (table.column → type), updated here
     * @param transactional whether the migration runs in one transaction (it has no CONCURRENTLY and the like)
     */
    StatementRules(String file, Sink sink, Map<String, ColumnType> columnTypes, boolean transactional) {
        this.m = new RuleContext(file, sink, columnTypes, transactional);
        this.indexRules = new IndexRules(m);
        this.dropRules = new DropRules(m, indexRules);
        this.tableRules = new TableRules(m);
        this.typeRules = new TypeRules(m);
        this.doBlocks = new DoBlocks(m, w -> analyze(w, false));
    }

    /** The first statement that alters or drops an object the migration did not create, or null. */
    Token alteringAt() {
        return m.alteringAt();
    }

    /** What {@link #alteringAt()} does, for messages: "drops column user.email". */
    String alteringWhat() {
        return m.alteringWhat();
    }

    /** A descriptive name for the migration from its first DDL statement ("create_incident"), or null. */
    String headline() {
        return m.headline();
    }

    /** Feeds the next statement of the migration. */
    void statement(SqlStatement st, Draft.Scope scope) {
        m.reading(st, scope);
        Words w = new Words(st.significantTokens());
        typeRules.enumValueUse(w);
        analyze(w, true);
    }

    private void analyze(Words w, boolean topLevel) {
        if (!w.has(0) || w.at(0).type() != TokenType.WORD) {
            return;
        }
        switch (Words.lower(w.at(0).text())) {
            case "create" -> create(w);
            case "drop" -> dropRules.drop(w);
            case "alter" -> alter(w);
            case "reindex" -> indexRules.reindex(w);
            case "do" -> {
                if (topLevel) {
                    doBlocks.doBlock(w);
                }
            }
            default -> {
                // DML, grants, comments and the like: no rule
            }
        }
    }

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
            indexRules.createIndex(w, i + 2);
        } else if (w.is(i, "INDEX")) {
            indexRules.createIndex(w, i + 1);
        } else if (w.is(i, "TABLE")) {
            tableRules.createTable(w, i + 1);
        } else if (w.is(i, "TYPE")) {
            typeRules.createType(w, i + 1);
        } else if (w.isName(i)) {
            String kind = RuleContext.kind(w, i);
            int k = w.skipIfNotExists(RuleContext.kindEnd(w, i));
            m.objects.add(kind + ":" + w.name(k, w.nameEnd(k)));
        }
    }

    private void alter(Words w) {
        if (w.is(1, "TABLE")) {
            tableRules.alterTable(w);
        } else if (w.is(1, "TYPE")) {
            typeRules.alterType(w);
        } else if (w.isName(1)) {
            String kind = RuleContext.kind(w, 1);
            int k = w.skipIfExists(RuleContext.kindEnd(w, 1));
            int end = w.nameEnd(k);
            String name = w.name(k, end);
            boolean created = kind.equals("index") ? m.indexes.contains(name) : m.objects.contains(kind + ":" + name);
            if (!created) {
                m.altering(w.at(0), "alters " + kind + " " + w.text(k, end));
            }
        }
    }
}
