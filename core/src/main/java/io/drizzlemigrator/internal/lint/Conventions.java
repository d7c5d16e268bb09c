package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.source.Layout;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The organisation's conventions for a migration file: the header comment, the rollback companion and a name that
 * says what the migration does.
 */
final class Conventions {

    /** What {@code drizzle-kit generate --custom} writes: a migration that does nothing yet. */
    static final String CUSTOM_PLACEHOLDER = "-- Custom SQL migration file, put your code below! --";

    static final String ROLLBACK_SUFFIX = "_rollback.sql";

    /**
     * Words that make a name descriptive: verbs and schema nouns. An {@code adjective_hero} name from drizzle-kit
     * has none of them.
     */
    private static final Set<String> DESCRIPTIVE = Set.of("add", "added", "adds", "create", "created", "drop",
            "remove", "delete", "rename", "alter", "change", "update", "set", "unset", "make", "init", "initial",
            "setup", "seed", "fix", "migrate", "migration", "table", "tables", "column", "columns", "index", "indexes",
            "indices", "idx", "constraint", "constraints", "enum", "enums", "type", "types", "default", "defaults",
            "unique", "not", "null", "nullable", "fk", "pk", "key", "keys", "schema", "view", "views", "policy",
            "policies", "rls", "trigger", "triggers", "function", "functions", "sequence", "backfill", "split",
            "merge", "move", "extension", "and", "to", "from", "for", "with", "on", "in", "by", "of", "into", "as",
            "status", "user", "users", "id", "ids", "refactor", "cleanup", "support", "enable", "disable", "rollback",
            "revert", "restore", "dedup", "dedupe", "deduplicate", "normalize", "rework", "increase", "decrease",
            "extend", "length", "relation", "relations", "field",
            "fields", "data", "core", "timestamps", "timestamp", "permission",
            "permissions", "role", "roles", "auth", "fixes", "security", "audit");

    private Conventions() {
    }

    /** The comment block at the top of a file. */
    record Header(int endLine, boolean migration, boolean date, boolean author, boolean source, boolean rollback,
            String rollbackFile) {

        boolean any() {
            return migration || date || author || source || rollback;
        }
    }

    /** Reads the leading comment lines (blank lines allowed, {@code --> statement-breakpoint} ends the block). */
    static Header header(String sql) {
        int endLine = 0;
        boolean migration = false;
        boolean date = false;
        boolean author = false;
        boolean source = false;
        boolean rollback = false;
        String rollbackFile = null;
        int line = 1;
        int i = sql.startsWith("\uFEFF") ? 1 : 0;
        while (i < sql.length()) {
            int eol = i;
            while (eol < sql.length() && sql.charAt(eol) != '\n' && sql.charAt(eol) != '\r') {
                eol++;
            }
            String text = sql.substring(i, eol).strip();
            if (!text.isEmpty()) {
                if (!text.startsWith("--") || text.startsWith("-->")) {
                    break;
                }
                endLine = line;
                String body = text.substring(2).strip();
                if (field(body, "migration:")) {
                    migration = true;
                } else if (field(body, "date:")) {
                    date = true;
                } else if (field(body, "author:")) {
                    author = true;
                } else if (field(body, "source:")) {
                    source = true;
                } else if (field(body, "rollback:")) {
                    rollback = true;
                    for (String word : body.substring("rollback:".length()).split("[\\s,;()`'\"]+")) {
                        if (word.endsWith(".sql") && word.indexOf('*') < 0 && !word.contains("..")
                                && !word.startsWith("/")) {
                            rollbackFile = word;
                            break;
                        }
                    }
                }
            }
            if (eol + 1 < sql.length() && sql.charAt(eol) == '\r' && sql.charAt(eol + 1) == '\n') {
                eol++;
            }
            i = eol + 1;
            line++;
        }
        return new Header(endLine, migration, date, author, source, rollback, rollbackFile);
    }

    private static boolean field(String body, String name) {
        return body.regionMatches(true, 0, name, 0, name.length());
    }

    /** Whether the file does nothing: no statement to run (drizzle-kit's custom placeholder, comments only). */
    static boolean inert(PreparedMigration prepared, String sql) {
        return prepared != null ? prepared.statements().isEmpty() : sql.strip().equals(CUSTOM_PLACEHOLDER);
    }

    static void header(MigrationFile m, Header h, StatementRules rules, Sink sink) {
        if (!sink.wants(Rule.MISSING_HEADER)) {
            return;
        }
        boolean needsRollback = rules != null && rules.alteringAt() != null;
        List<String> missing = new ArrayList<>();
        if (!h.migration()) {
            missing.add("-- Migration:");
        }
        if (!h.date()) {
            missing.add("-- Date:");
        }
        if (!h.author()) {
            missing.add("-- Author:");
        }
        if (!h.source()) {
            missing.add("-- Source:");
        }
        if (needsRollback && !h.rollback()) {
            missing.add("-- Rollback:");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = h.any()
                ? "The header lacks " + String.join(", ", missing) + (needsRollback && !h.rollback()
                        ? " (required: it " + rules.alteringWhat() + ")" : "")
                : "No header comment: migrations are reviewed and must say what they do, when, by whom and why";
        String date = Instant.ofEpochMilli(m.folderMillis()).atZone(ZoneOffset.UTC).toLocalDate().toString();
        String template = "Start the file with:\n-- Migration: <what it does>\n-- Date: " + date + "\n-- Author: "
                + "<name> (<role>)\n-- Source: <ticket, audit or discussion>\n"
                + (needsRollback ? "-- Rollback: See " + rollbackName(m) + "\n" : "")
                + "(-- Rollback: is required when the migration alters or drops existing objects.)";
        sink.add(new Draft(Rule.MISSING_HEADER, m.file(), 1, 1, message, template, null));
    }

    /** The companion drizzle-migrator suggests: {@code <tag>_rollback.sql} next to the file. */
    static String rollbackName(MigrationFile m) {
        int slash = m.file().lastIndexOf('/');
        return slash < 0 ? m.tag() + ROLLBACK_SUFFIX : m.file().substring(0, slash + 1) + "rollback.sql";
    }

    static void rollback(MigrationFile m, Header h, StatementRules rules, FolderContext folder, Sink sink) {
        Token at = rules.alteringAt();
        if (at == null || !sink.wants(Rule.MISSING_ROLLBACK) || folder.hasRollback(m, h.rollbackFile())) {
            return;
        }
        sink.add(new Draft(Rule.MISSING_ROLLBACK, m.file(), at.line(), at.column(),
                "The migration " + rules.alteringWhat() + " but has no rollback file (" + rollbackName(m) + ")",
                "Write " + rollbackName(m) + " that undoes this migration, and name it in the header (-- Rollback: "
                        + "See " + rollbackName(m) + "). Rollbacks are run by hand (psql -f) after review: "
                        + "drizzle-migrator never runs them. Additive-only migrations (new tables, nullable columns, "
                        + "indexes) need none.", null));
    }

    /**
     * {@code auto-name}, by heuristic (drizzle-kit's word lists are not copied): the name after the numeric prefix is
     * 2-4 lower-case words joined by {@code _}, none of them a verb or schema word ({@link #DESCRIPTIVE}) and none of
     * them part of a name the migration's SQL mentions (a table, column, type or index).
     */
    static void autoName(MigrationFile m, Layout layout, PreparedMigration prepared, StatementRules rules, Sink sink) {
        if (!sink.wants(Rule.AUTO_NAME)) {
            return;
        }
        String tag = m.tag();
        int us = tag.indexOf('_');
        if (us < 0) {
            return;
        }
        for (int i = 0; i < us; i++) {
            if (tag.charAt(i) < '0' || tag.charAt(i) > '9') {
                return;
            }
        }
        String suffix = tag.substring(us + 1);
        String[] words = suffix.split("_", -1);
        if (words.length < 2 || words.length > 4) {
            return;
        }
        for (String w : words) {
            if (w.isEmpty()) {
                return;
            }
            for (int i = 0; i < w.length(); i++) {
                if (w.charAt(i) < 'a' || w.charAt(i) > 'z') {
                    return;
                }
            }
            if (DESCRIPTIVE.contains(w) || DESCRIPTIVE.contains(singular(w))) {
                return;
            }
        }
        if (mentionsAny(prepared, words)) {
            return;
        }
        String prefix = tag.substring(0, us);
        String suggestion = prefix + "_" + (rules != null && rules.headline() != null ? snake(rules.headline())
                : "describe_the_change");
        boolean folders = layout == Layout.FOLDERS;
        sink.add(new Draft(Rule.AUTO_NAME, m.file(), 0, 0,
                "'" + suffix + "' looks like a name drizzle-kit made up (adjective_hero): it does not say what the "
                        + "migration does",
                folders ? "Rename the folder to say what it does, for example " + suggestion + "/, before any database"
                        + " applies it (drizzle 1.0 records the folder name). Next time: drizzle-kit generate "
                        + "--name=<description>."
                        : "Rename the file to say what it does, for example " + suggestion + ".sql, and set its "
                        + "\"tag\" in meta/_journal.json to match (\"" + suggestion + "\"), before any database "
                        + "applies it (the tag becomes the migration's name in drizzle 1.0's table). Next time: "
                        + "drizzle-kit generate --name=<description>.", null));
    }

    private static String singular(String w) {
        return w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }

    /**
     * Whether a name the SQL mentions (a word, quoted identifier or string) has, among its lower-case words
     * ({@code "teamMembers"} has team and members), one of {@code words} longer than 2 letters, each word of either
     * side also standing for its {@linkplain #singular singular}. Compares in place: a run lints every pending file,
     * and a set of every word of every name cost a thousand-file run more than all its other rules.
     */
    static boolean mentionsAny(PreparedMigration prepared, String[] words) {
        if (prepared == null) {
            return false;
        }
        for (PreparedMigration.Step step : prepared.statements()) {
            for (Token t : step.statement().tokens()) {
                if ((t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER
                        || t.type() == TokenType.STRING) && hasWord(t.text(), words)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #mentionsAny} for one name: its words are the runs of ASCII letters, also cut before a capital. */
    static boolean hasWord(String s, String[] words) {
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean boundary = !letter || (c >= 'A' && c <= 'Z' && i > 0 && s.charAt(i - 1) >= 'a'
                    && s.charAt(i - 1) <= 'z');
            if (boundary && start >= 0) {
                if (isOneOf(s, start, i, words)) {
                    return true;
                }
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        return false;
    }

    /** Whether the letters {@code s[start, end)}, lower-cased, or their singular, are a word or a word's singular. */
    private static boolean isOneOf(String s, int start, int end, String[] words) {
        char last = s.charAt(end - 1);
        boolean plural = end - start > 3 && (last == 's' || last == 'S');
        for (String w : words) {
            if (w.length() <= 2) {
                continue;
            }
            String one = singular(w);
            if (equalsLower(s, start, end, w) || equalsLower(s, start, end, one)
                    || plural && (equalsLower(s, start, end - 1, w) || equalsLower(s, start, end - 1, one))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII letters {@code s[start, end)}, lower-cased, are {@code lower}. */
    private static boolean equalsLower(String s, int start, int end, String lower) {
        if (end - start != lower.length()) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i - start)) {
                return false;
            }
        }
        return true;
    }

    /** A headline made of identifiers as a file-name part: lower case, words joined by {@code _}. */
    static String snake(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (i > 0 && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append((char) (c + ('a' - 'A')));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
            out.setLength(out.length() - 1);
        }
        return out.length() > 60 ? out.substring(0, 60) : out.toString();
    }
}
