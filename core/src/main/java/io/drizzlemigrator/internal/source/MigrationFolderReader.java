package io.drizzlemigrator.internal.source;

import io.drizzlemigrator.MigrationSourceException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a drizzle-kit migration folder: the 0.x layout
 * ({@code meta/_journal.json} and {@code <tag>.sql}) or the 1.0 layout ({@code <YYYYMMDDHHMMSS>_<name>/migration.sql}),
 * detected automatically (a journal means 0.x). Every file is read once and hashed with SHA-256 (unless this JVM
 * hashed it before and it has not changed since: {@link HashMemo}); its text is decoded strictly as UTF-8 when first
 * asked for ({@link MigrationFile#sql()}: pending migrations are, before anything is applied; the applied history
 * never needs its text). The journal is the only source of truth for 0.x: its array order is the migration order,
 * and {@code .sql} files it does not list are reported as strays, never run.
 */
public final class MigrationFolderReader {

    static final String MIGRATION_SQL = "migration.sql";
    private static final String ROLLBACK_SUFFIX = "_rollback.sql";
    /** Compiled on first use: a journal folder never needs it. */
    private static final class V1Folder {
        static final Pattern PATTERN = Pattern.compile("(\\d{14})_(.*)", Pattern.DOTALL);
    }
    private static final Logger LOG = LoggerFactory.getLogger(MigrationFolderReader.class);
    /** The hash of a file with no bytes at all. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

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
        if (LOG.isDebugEnabled() && !loaded.strays().isEmpty()) {
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
        List<Wanted> wanted = new ArrayList<>(entries.size());
        for (JournalParser.JournalEntry entry : entries) {
            String file = entry.tag() + ".sql";
            wanted.add(new Wanted(entry.tag(), entry.when(), null, file, entry.idx(), true, entry.line()));
        }
        List<MigrationFile> migrations = readAll(folder, wanted, where);
        return new LoadedFolder(folder.location(), Layout.JOURNAL, migrations, new Strays(folder, migrations));
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
        // drizzle-orm 1.0 sorts with localeCompare (ICU), which differs from String order within one second
        names.sort(DrizzleFolderOrder.INSTANCE);
        List<Wanted> wanted = new ArrayList<>(names.size());
        for (int position = 0; position < names.size(); position++) {
            String name = names.get(position);
            String file = name + "/" + MIGRATION_SQL;
            wanted.add(new Wanted(name, folderMillis(name, file, where), name, file, position, false, 0));
        }
        List<MigrationFile> migrations = readAll(folder, wanted, where);
        return new LoadedFolder(folder.location(), Layout.FOLDERS, migrations, new Strays(folder, null));
    }

    /**
     * Reads and hashes the files, in folder order (the first missing one is the one reported); a file this JVM hashed
     * before and that has not changed since is not read again (see {@link HashMemo}).
     */
    private static List<MigrationFile> readAll(FolderAccess folder, List<Wanted> wanted, String where) {
        FileContents contents = new FileContents();
        long started = System.currentTimeMillis();
        List<MigrationFile> read = new ArrayList<>(wanted.size());
        for (Wanted w : wanted) {
            FolderAccess.Hashed file = folder.readHashed(w.file(), contents, started);
            if (file == null) {
                throw w.missing(where);
            }
            if (EMPTY_SHA256.equals(file.hash())) {
                LOG.warn("{} is empty in {}: it applies nothing but is recorded as applied; give it its SQL, or remove"
                        + " it and its entry if it was never meant to run", w.file(), where);
            }
            read.add(file.bytes() == null
                    ? MigrationFile.remembered(w.tag(), w.millis(), w.name(), w.file(), file.hash(), w.idx(), where,
                            folder)
                    : MigrationFile.read(w.tag(), w.millis(), w.name(), w.file(), file.bytes(), file.hash(), w.idx(),
                            where));
        }
        return read;
    }

    /**
     * A migration to read: all about it but its contents. A null name is derived from tag and {@code when} when needed
     * (0.x journals).
     *
     * @param fromJournal listed by a 0.x journal entry (at {@code journalLine}), not found as a 1.0 migration folder
     */
    private record Wanted(String tag, long millis, String name, String file, int idx, boolean fromJournal,
            int journalLine) {

        /** The error for a file that is not there. */
        MigrationSourceException missing(String where) {
            if (fromJournal) {
                return new MigrationSourceException(JournalParser.FILE, journalLine, "journal entry " + idx + " (tag "
                        + tag + ") has no file " + file + " in " + where + ": restore the file, or remove the entry"
                        + " from the journal if the migration was dropped before it ever ran");
            }
            return new MigrationSourceException(file, 0, file + " in " + where + " was listed but cannot be read:"
                    + " check that it was not removed while the migrator started");
        }
    }

    /**
     * The {@code .sql} files of the folder that are not migrations, listed when the linter first asks (a class rather
     * than a lambda: nothing on a service's start path pays for bootstrapping one it never calls).
     */
    private static final class Strays implements Supplier<List<String>> {

        private final FolderAccess folder;
        private final List<MigrationFile> listed;

        /** @param listed the journal's migrations, or null for a 1.0 folder (its migrations are not top-level files) */
        Strays(FolderAccess folder, List<MigrationFile> listed) {
            this.folder = folder;
            this.listed = listed;
        }

        @Override
        public List<String> get() {
            return strays(folder, listed == null ? Set.of() : files(listed));
        }
    }

    private static long folderMillis(String name, String file, String where) {
        Matcher m = V1Folder.PATTERN.matcher(name);
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

    private static Set<String> files(List<MigrationFile> migrations) {
        Set<String> files = new HashSet<>();
        for (MigrationFile m : migrations) {
            files.add(m.file());
        }
        return files;
    }

    private static List<String> strays(FolderAccess folder, Set<String> listed) {
        return folder.sqlFiles().stream()
                .filter(f -> !listed.contains(f) && !f.endsWith(ROLLBACK_SUFFIX))
                .sorted()
                .toList();
    }
}
