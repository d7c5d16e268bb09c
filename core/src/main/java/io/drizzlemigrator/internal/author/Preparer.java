package io.drizzlemigrator.internal.author;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.PrepareRefusedException;
import io.drizzlemigrator.PrepareResult;
import io.drizzlemigrator.PrepareResult.FileChange;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.internal.lint.Alterations;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.internal.source.Layout;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.source.MigrationFolderReader;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Carries out one {@code prepare}: finds the migration, checks it may be changed, rewrites, renames, writes. */
public final class Preparer {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final String JOURNAL = "meta/_journal.json";

    private final Path folder;
    private final String tag;
    private final String name;
    private final String title;
    private final String author;
    private final String source;
    private final boolean concurrently;
    private final boolean force;
    private final StatusReport applied;

    public Preparer(Path folder, String tag, String name, String title, String author, String source,
            boolean concurrently, boolean force, StatusReport applied) {
        this.folder = folder;
        this.tag = tag;
        this.name = name;
        this.title = title;
        this.author = author;
        this.source = source;
        this.concurrently = concurrently;
        this.force = force;
        this.applied = applied;
    }

    public PrepareResult run(boolean write) {
        require(name, "name", "the descriptive name, e.g. add_incident_tables");
        require(author, "author", "who wrote the migration, e.g. \"Ada (backend)\"");
        require(source, "source", "what triggered it: a ticket, an audit, a discussion");
        if (!NAME.matcher(name).matches()) {
            throw new ConfigurationException("The name '" + name + "' is not a file-name part: use letters, digits, "
                    + "_ and -, e.g. add_incident_tables");
        }
        LoadedFolder loaded = MigrationFolderReader.read(folder.toString(), null);
        List<MigrationFile> migrations = loaded.migrations();
        int at = target(migrations);
        MigrationFile m = migrations.get(at);
        String sql = m.sql();
        if (sql.stripLeading().regionMatches(true, 0, "-- Migration:", 0, "-- Migration:".length())) {
            throw new PrepareRefusedException(m.file() + " is prepared already: it starts with a -- Migration: header");
        }
        refuseIfApplied(m);

        Known known = new Known();
        for (int i = 0; i < at; i++) {
            try {
                new Rewrite(migrations.get(i).sql(), known);
            } catch (SqlSyntaxException e) {
                // an earlier file the lexer cannot read tells nothing; the migrator reports it on its own
            }
        }
        Rewrite rewrite;
        String altering;
        try {
            rewrite = new Rewrite(sql, known);
            altering = Alterations.of(m.prepare());
        } catch (SqlSyntaxException e) {
            throw new PrepareRefusedException(m.file() + ":" + e.getMessage());
        }

        boolean folders = loaded.layout() == Layout.FOLDERS;
        String newTag = prefix(m.tag()) + name;
        String newFile = folders ? newTag + "/migration.sql" : newTag + ".sql";
        String rollback = altering == null ? null : folders ? newTag + "/rollback.sql" : newTag + "_rollback.sql";
        String date = Instant.ofEpochMilli(m.folderMillis()).atZone(ZoneOffset.UTC).toLocalDate().toString();
        String header = title != null && !title.isBlank() ? title : words(name);
        String text = rewrite.migration(new Rewrite.Header(header, date, author, source), rollback, concurrently);

        List<FileChange> files = new ArrayList<>();
        files.add(new FileChange(m.file(), newFile, sql, text));
        if (!folders && !newTag.equals(m.tag())) {
            String journal = read(folder.resolve(JOURNAL));
            files.add(new FileChange(JOURNAL, JOURNAL, journal, retag(journal, m.tag(), newTag)));
        }
        if (rollback != null) {
            files.add(new FileChange(null, rollback, null, rewrite.rollback(newTag)));
        }
        if (write) {
            write(files, folders ? m.tag() : null, folders ? newTag : null);
        }
        return new PrepareResult(m.tag(), newTag, files, rollback, rewrite.allInversesDerived(), rewrite.checks(),
                diff(files), write);
    }

    private int target(List<MigrationFile> migrations) {
        if (migrations.isEmpty()) {
            throw new PrepareRefusedException("The folder " + folder + " has no migration to prepare");
        }
        if (tag == null) {
            return migrations.size() - 1;
        }
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).tag().equals(tag)) {
                return i;
            }
        }
        throw new PrepareRefusedException("No migration " + tag + " in " + folder + " (the newest is "
                + migrations.get(migrations.size() - 1).tag() + ")");
    }

    private void refuseIfApplied(MigrationFile m) {
        if (force) {
            return;
        }
        String where = null;
        if (applied != null) {
            for (MigrationInfo info : applied.migrations()) {
                if (m.hash().equals(info.storedHash()) || info.tag().equals(m.tag()) && info.isApplied()) {
                    where = "the database has applied it (hash " + m.hash().substring(0, 12) + " is recorded in "
                            + applied.table() + ")";
                    break;
                }
            }
        }
        if (where == null) {
            String commit = Git.lastCommit(folder, m.file());
            if (commit != null) {
                where = "git has it in commit " + commit.substring(0, Math.min(12, commit.length()));
            }
        }
        if (where != null) {
            throw new PrepareRefusedException("Refusing to prepare " + m.file() + ": " + where + ". Changing a "
                    + "released migration makes it \"edited\" in every database that applied it, and drizzle 1.0 would "
                    + "see the renamed one as new. Prepare a migration right after drizzle-kit generate, before it is "
                    + "committed or applied; or pass --force (force(true)) if no one else has it.");
        }
    }

    /** The numeric or timestamp prefix of a tag, with its {@code _}: {@code 0009_dizzy_falcon} → {@code 0009_}. */
    static String prefix(String tag) {
        int us = tag.indexOf('_');
        return us < 0 ? tag + "_" : tag.substring(0, us + 1);
    }

    /** The journal with one entry's tag changed, textually: formatting, {@code when}, idx, breakpoints stay. */
    static String retag(String journal, String from, String to) {
        Matcher matcher = Pattern.compile("(\"tag\"\\s*:\\s*\")" + Pattern.quote(from) + "\"").matcher(journal);
        if (!matcher.find()) {
            throw new PrepareRefusedException(JOURNAL + " has no \"tag\": \"" + from + "\" to rename");
        }
        int start = matcher.start();
        int end = matcher.end();
        String key = matcher.group(1);
        if (matcher.find()) {
            throw new PrepareRefusedException(JOURNAL + " has the tag " + from + " twice; fix the journal first");
        }
        return journal.substring(0, start) + key + to + "\"" + journal.substring(end);
    }

    private void write(List<FileChange> files, String oldDir, String newDir) {
        for (FileChange f : files) {
            boolean moved = f.before() != null && !f.before().equals(f.after());
            if ((f.before() == null || moved) && oldDir == null && Files.exists(folder.resolve(f.after()))) {
                throw new PrepareRefusedException(f.after() + " exists already in " + folder + "; choose another "
                        + "name");
            }
        }
        List<String> done = new ArrayList<>();
        String current = null;
        try {
            if (oldDir != null && !oldDir.equals(newDir)) {
                if (Files.exists(folder.resolve(newDir))) {
                    throw new PrepareRefusedException(newDir + "/ exists already in " + folder + "; choose another name");
                }
                current = oldDir + "/";
                Files.move(folder.resolve(oldDir), folder.resolve(newDir));
                done.add("renamed " + oldDir + "/ to " + newDir + "/");
            }
            for (FileChange f : files) {
                current = f.after();
                Files.writeString(folder.resolve(f.after()), f.newText(), StandardCharsets.UTF_8);
                done.add("wrote " + f.after());
                if (oldDir == null && f.before() != null && !f.before().equals(f.after())) {
                    current = f.before();
                    Files.delete(folder.resolve(f.before()));
                    done.add("deleted " + f.before());
                }
            }
        } catch (IOException e) {
            // the folder is half prepared: say exactly what was changed, so that it can be put back
            throw new MigrationSourceException((current == null ? folder : folder.resolve(current)).toString(), 0, "Could not write the prepared"
                    + " migration (" + e + "). " + (done.isEmpty() ? "Nothing was changed."
                    : "Already done: " + String.join(", ", done) + "; put the folder back (git checkout, or undo"
                    + " those steps) before running prepare again."), e);
        }
    }

    private static String diff(List<FileChange> files) {
        StringBuilder out = new StringBuilder();
        for (FileChange f : files) {
            List<String> before = f.oldText() == null ? List.of() : lines(f.oldText());
            List<String> after = lines(f.newText());
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                    f.before() == null ? "/dev/null" : "a/" + f.before(), "b/" + f.after(), before,
                    DiffUtils.diff(before, after), 3);
            for (String line : unified) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n", -1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationSourceException(file.toString(), 0, "Could not read it (" + e + "); nothing was"
                    + " changed.", e);
        }
    }

    private static void require(String value, String what, String example) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("prepare needs " + what + " (--" + what + "): " + example);
        }
    }

    /** {@code add_incident_tables} → {@code Add incident tables}. */
    static String words(String name) {
        String s = name.replace('_', ' ').replace('-', ' ').strip();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
