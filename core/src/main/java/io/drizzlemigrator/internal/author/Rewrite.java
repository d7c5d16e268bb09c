package io.drizzlemigrator.internal.author;

import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.SqlLexer;
import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A migration file rewritten to the organisation's structure: the header, {@code PART n} sections, concurrent index
 * statements, and the VERIFICATION QUERIES section; and the rollback file's text. Statements are never reordered and
 * every {@code --> statement-breakpoint} stays where it was, so drizzle's migrator splits the file as before.
 */
final class Rewrite {

    static final String RULE = "-- " + "=".repeat(76);
    static final String VERIFICATION = "VERIFICATION QUERIES";
    private static final String BREAKPOINT = PreparedMigration.BREAKPOINT;
    private static final int MAX_IMPLEMENTS = 40;

    /** One piece of the file between breakpoints, with the changes of its statements. */
    private record Chunk(String text, List<Ddl> statements) {
    }

    /** The header's fields. */
    record Header(String title, String date, String author, String source) {
    }

    private final List<Chunk> chunks = new ArrayList<>();
    private final List<Inverse> inverses = new ArrayList<>();
    /** The verification query of each object's last change, by object ({@link Checks#object}). */
    private final java.util.LinkedHashMap<String, String> checks = new java.util.LinkedHashMap<>();
    private final List<String> implemented = new ArrayList<>();

    /**
     * @param known what the earlier migrations said about the schema; updated with this migration's changes
     */
    Rewrite(String sql, Known known) {
        int start = 0;
        while (true) {
            int end = sql.indexOf(BREAKPOINT, start);
            String text = sql.substring(start, end < 0 ? sql.length() : end);
            List<Ddl> parsed = new ArrayList<>();
            for (SqlStatement st : SqlLexer.split(text)) {
                if (!st.isEmpty()) {
                    Ddl d = Ddl.parse(st);
                    for (Change c : d.changes()) {
                        Inverse inverse = Inverse.of(c, known);
                        inverses.add(inverse);
                        if (!inverse.noOp()) {
                            check(c);
                        }
                        implemented.add(c.describe());
                    }
                    known.learn(d);
                    parsed.add(d);
                }
            }
            chunks.add(new Chunk(text, parsed));
            if (end < 0) {
                break;
            }
            start = end + BREAKPOINT.length();
        }
    }

    private void check(Change c) {
        String object = Checks.object(c);
        if (object == null) {
            return;
        }
        if (c.kind() == Change.Kind.DROP_TABLE || c.kind() == Change.Kind.RENAME_TABLE) {
            // the table's columns, constraints and policies went with it
            String table = " " + c.table().key();
            checks.keySet().removeIf(k -> k.endsWith(table) || k.contains(table + ".") || k.contains(table + " "));
        }
        if (c.kind() == Change.Kind.RENAME_COLUMN) {
            checks.remove("column " + c.table().key() + "." + c.name().last());
        }
        checks.remove(object);
        String check = Checks.of(c);
        if (check != null) {
            checks.put(object, check);
        }
    }

    /** Whether every change has a derived inverse. */
    boolean allInversesDerived() {
        for (Inverse inverse : inverses) {
            if (!inverse.derived()) {
                return false;
            }
        }
        return true;
    }

    List<String> checks() {
        return List.copyOf(checks.values());
    }

    /**
     * The rewritten migration.
     *
     * @param rollbackFile the rollback file to name in the header, or null
     * @param concurrently whether plain index statements on tables that existed before become concurrent
     */
    String migration(Header header, String rollbackFile, boolean concurrently) {
        StringBuilder s = new StringBuilder();
        s.append("-- Migration: ").append(oneLine(header.title())).append('\n');
        s.append("-- Date: ").append(header.date()).append('\n');
        s.append("-- Author: ").append(oneLine(header.author())).append('\n');
        s.append("-- Source: ").append(oneLine(header.source())).append('\n');
        s.append("--\n-- Implements:\n");
        Set<String> lines = new LinkedHashSet<>(implemented);
        int n = 0;
        for (String line : lines) {
            if (++n > MAX_IMPLEMENTS) {
                s.append("-- - ... and ").append(lines.size() - MAX_IMPLEMENTS).append(" more\n");
                break;
            }
            s.append("-- - ").append(oneLine(line)).append('\n');
        }
        if (rollbackFile != null) {
            s.append("--\n-- Rollback: See ").append(rollbackFile).append('\n');
        }
        Set<String> created = created();
        String section = null;
        int part = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            if (i > 0) {
                s.append(BREAKPOINT);
            }
            if (chunk.statements().isEmpty()) {
                s.append(i == 0 ? "\n" + chunk.text().stripLeading() : chunk.text());
                continue;
            }
            String title = chunk.statements().get(0).changes().get(0).section();
            if (!title.equals(section)) {
                section = title;
                s.append('\n').append(i == 0 ? "" : "\n").append(banner("PART " + ++part + ": " + title)).append('\n');
            } else {
                s.append('\n');
            }
            String text = chunk.text().stripLeading();
            s.append(concurrently && chunk.statements().size() == 1 ? concurrent(text, created) : text);
        }
        List<String> checks = checks();
        if (!checks.isEmpty()) {
            if (s.charAt(s.length() - 1) != '\n') {
                s.append('\n');
            }
            s.append(BREAKPOINT).append("\n\n").append(banner(VERIFICATION)).append('\n');
            s.append("-- Each query returns one boolean, true when the change is in place (drizzle-migrator verify).\n");
            for (int i = 0; i < checks.size(); i++) {
                if (i > 0) {
                    s.append(BREAKPOINT).append('\n');
                }
                s.append(checks.get(i)).append('\n');
            }
        }
        return s.toString();
    }

    /** The rollback file: the derived inverses in reverse order, MANUAL blocks for the rest. */
    String rollback(String tag) {
        StringBuilder s = new StringBuilder();
        s.append("-- Rollback: ").append(tag).append('\n');
        s.append("-- WARNING: This undoes ").append(tag).append(": it drops what the migration created, with its data")
                .append(allInversesDerived() ? "" : ", and leaves the MANUAL steps below to you")
                .append(". Run by hand after review (psql -f), never automatically.\n");
        for (int i = inverses.size() - 1; i >= 0; i--) {
            Inverse inverse = inverses.get(i);
            s.append('\n');
            if (inverse.derived()) {
                s.append(inverse.sql()).append('\n');
            } else {
                s.append("-- MANUAL: ").append(oneLine(inverse.manual())).append(". Undo by hand:\n");
                for (String line : inverse.change().text().split("\r?\n|\r")) {
                    s.append("--   ").append(line).append('\n');
                }
            }
        }
        return s.toString();
    }

    /** The tables this migration creates (unqualified): their indexes need no CONCURRENTLY. */
    private Set<String> created() {
        Set<String> tables = new HashSet<>();
        for (Chunk chunk : chunks) {
            for (Ddl d : chunk.statements()) {
                for (Change c : d.changes()) {
                    if (c.kind() == Change.Kind.CREATE_TABLE) {
                        tables.add(c.table().key());
                    }
                }
            }
        }
        return tables;
    }

    /** The chunk's one statement made concurrent when it builds or drops an index of a table that existed before. */
    private static String concurrent(String text, Set<String> created) {
        List<SqlStatement> split = SqlLexer.split(text);
        SqlStatement st = null;
        for (SqlStatement one : split) {
            if (!one.isEmpty()) {
                st = one;
            }
        }
        List<Token> t = st.significantTokens();
        if (!Concurrently.plainIndexStatement(t)) {
            return text;
        }
        Change c = Ddl.read(st).get(0);
        boolean create = c.kind() == Change.Kind.CREATE_INDEX && !created.contains(c.table().key());
        boolean drop = c.kind() == Change.Kind.DROP_INDEX && !mentions(t, "CASCADE") && !mentions(t, ",");
        if (!create && !drop) {
            return text;
        }
        int from = st.offset();
        String statement = text.substring(from);
        return text.substring(0, from) + (create ? Concurrently.create(statement) : Concurrently.drop(statement));
    }

    private static boolean mentions(List<Token> t, String word) {
        for (Token token : t) {
            if (token.text().equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    static String banner(String title) {
        return RULE + "\n-- " + title + "\n" + RULE + "\n";
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ').strip();
    }
}
