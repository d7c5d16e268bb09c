package io.drizzlemigrator.internal.source;

import io.drizzlemigrator.MigrationSourceException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a drizzle-kit migration folder, before anything touches the database: the 0.x layout
 * ({@code meta/_journal.json} and {@code <tag>.sql}) or the 1.0 layout ({@code <YYYYMMDDHHMMSS>_<name>/migration.sql}),
 * detected automatically (a journal means 0.x). Every file is read once, hashed with SHA-256 and decoded strictly
 * as UTF-8. The journal is the only source of truth for 0.x: its array order is the migration order, and
 * {@code .sql} files it does not list are reported as strays, never run.
 */
public final class MigrationFolderReader {

    static final String MIGRATION_SQL = "migration.sql";
    private static final String ROLLBACK_SUFFIX = "_rollback.sql";
    private static final Pattern V1_FOLDER = Pattern.compile("(\\d{14})_(.*)", Pattern.DOTALL);
    private static final Logger LOG = LoggerFactory.getLogger(MigrationFolderReader.class);

    private MigrationFolderReader() {
    }

    /**
     * Reads the folder at {@code location}.
     *
     * @param location {@code classpath:drizzle/migrations} (a leading {@code /} is allowed),
     *                 {@code filesystem:/abs/or/rel}, or a plain path; relative paths resolve against the working
     *                 directory
     * @param classLoader the class loader for {@code classpath:} locations (null: the thread's context class loader)
     * @throws MigrationSourceException the folder cannot be used; the message names the file (relative to the folder),
     *         the line where one applies, the location, and what to do
     */
    public static LoadedFolder read(String location, ClassLoader classLoader) {
        Objects.requireNonNull(location, "location");
        long started = System.nanoTime();
        FolderAccess folder = FolderAccess.of(location, classLoader);
        byte[] journal = folder.read(JournalParser.FILE);
        LoadedFolder loaded = journal != null ? readJournalLayout(folder, journal) : readFoldersLayout(folder);
        if (!loaded.strays().isEmpty()) {
            LOG.debug("{} .sql file(s) in {} are not migrations ({}) and will not run: {}", loaded.strays().size(),
                    folder.describe(), journal != null ? "not in meta/_journal.json" : "not in a migration folder",
                    loaded.strays());
        }
        LOG.debug("Read {} migrations ({} layout) from {} in {} ms", loaded.migrations().size(), loaded.layout(),
                folder.describe(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return loaded;
    }

    private static LoadedFolder readJournalLayout(FolderAccess folder, byte[] journal) {
        String where = folder.describe();
        List<JournalParser.JournalEntry> entries = JournalParser.parse(journal, where);
        FileContents contents = new FileContents();
        List<MigrationFile> migrations = new ArrayList<>(entries.size());
        Set<String> listed = new HashSet<>();
        for (JournalParser.JournalEntry entry : entries) {
            String file = entry.tag() + ".sql";
            byte[] bytes = folder.read(file);
            if (bytes == null) {
                throw new MigrationSourceException(JournalParser.FILE, entry.line(), "journal entry " + entry.idx()
                        + " (tag " + entry.tag() + ") has no file " + file + " in " + where + ": restore the file, "
                        + "or remove the entry from the journal if the migration was dropped before it ever ran");
            }
            migrations.add(new MigrationFile(entry.tag(), entry.when(), DrizzleNames.v1Name(entry.tag(), entry.when()),
                    file, contents.text(bytes, file, where), contents.hash(bytes), entry.idx()));
            listed.add(file);
        }
        return new LoadedFolder(folder.location(), Layout.JOURNAL, migrations, strays(folder, listed));
    }

    private static LoadedFolder readFoldersLayout(FolderAccess folder) {
        if (!folder.exists()) {
            throw new MigrationSourceException(null, 0, folder.notFoundMessage());
        }
        String where = folder.describe();
        List<String> names = new ArrayList<>(folder.migrationFolders());
        if (names.isEmpty()) {
            throw new MigrationSourceException(null, 0, "no meta/_journal.json and no <timestamp>_<name>/"
                    + "migration.sql folders in " + where + ": is this the drizzle-kit `out` folder?");
        }
        // drizzle-orm sorts with localeCompare; for <14 digits>_<name> folders that is String order except
        // between folders of the same second whose names differ only in case or punctuation
        Collections.sort(names);
        FileContents contents = new FileContents();
        List<MigrationFile> migrations = new ArrayList<>(names.size());
        for (int position = 0; position < names.size(); position++) {
            String name = names.get(position);
            String file = name + "/" + MIGRATION_SQL;
            long millis = folderMillis(name, file, where);
            byte[] bytes = folder.read(file);
            if (bytes == null) {
                throw new MigrationSourceException(file, 0, file + " in " + where + " was listed but cannot be "
                        + "read: check that it was not removed while the migrator started");
            }
            migrations.add(new MigrationFile(name, millis, name, file, contents.text(bytes, file, where),
                    contents.hash(bytes), position));
        }
        return new LoadedFolder(folder.location(), Layout.FOLDERS, migrations, strays(folder, Set.of()));
    }

    private static long folderMillis(String name, String file, String where) {
        Matcher m = V1_FOLDER.matcher(name);
        if (!m.matches()) {
            throw new MigrationSourceException(file, 0, "the folder " + JournalParser.printable(name) + " in " + where
                    + " holds a migration.sql but its name is not <YYYYMMDDHHMMSS>_<name>: drizzle's migrator would "
                    + "apply it too, so rename it to the drizzle-kit form or move it out of the migration folder");
        }
        try {
            return DrizzleNames.timestampMillis(m.group(1));
        } catch (DateTimeException e) {
            throw new MigrationSourceException(file, 0, "the folder " + JournalParser.printable(name) + " in " + where
                    + " starts with " + m.group(1) + ", which is not a valid UTC date and time YYYYMMDDHHMMSS ("
                    + e.getMessage() + "): rename the folder to the time the migration was generated", e);
        }
    }

    private static List<String> strays(FolderAccess folder, Set<String> listed) {
        return folder.sqlFiles().stream()
                .filter(f -> !listed.contains(f) && !f.endsWith(ROLLBACK_SUFFIX))
                .sorted()
                .toList();
    }
}
