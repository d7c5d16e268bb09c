package io.drizzlemigrator.internal.source;

import io.drizzlemigrator.MigrationSourceException;
import java.util.List;
import java.util.Objects;

/**
 * Read access to the files of a migration folder for tools that must not stop at the first problem (the linter):
 * files by name, the {@code .sql} files of a directory, strict UTF-8 decoding. Reads the same locations as
 * {@link MigrationFolderReader} ({@code classpath:}, {@code filesystem:}, a plain path) and never reads outside the
 * folder's own names.
 */
public final class FolderFiles {

    private final FolderAccess access;

    private FolderFiles(FolderAccess access) {
        this.access = access;
    }

    /**
     * The folder at {@code location}; nothing is read yet.
     *
     * @param classLoader for {@code classpath:} locations (null: the thread's context class loader)
     * @throws MigrationSourceException the location names no folder
     */
    public static FolderFiles open(String location, ClassLoader classLoader) {
        return new FolderFiles(FolderAccess.of(Objects.requireNonNull(location, "location"), classLoader));
    }

    /** The location as configured. */
    public String location() {
        return access.location();
    }

    /** The location and, where it helps, where it was looked for: for messages. */
    public String describe() {
        return access.describe();
    }

    /** Whether the folder exists. */
    public boolean exists() {
        return access.exists();
    }

    /** What to do because the folder does not exist. */
    public String notFoundMessage() {
        return access.notFoundMessage();
    }

    /** Whether {@link #sqlFiles()} can list the folder (a directory on disk; not the classpath). */
    public boolean listable() {
        return access instanceof DirectoryFolder;
    }

    /**
     * The bytes of a file, or null when there is none.
     *
     * @param relative a path relative to the folder with {@code /} separators, each element a plain name (check tags
     *                 with {@link #nameProblem(String)} first)
     * @throws MigrationSourceException the file exists but cannot be read
     */
    public byte[] read(String relative) {
        return access.read(relative);
    }

    /** Whether the file exists. */
    public boolean has(String relative) {
        return access.read(relative) != null;
    }

    /** The {@code .sql} files directly in the folder, unsorted; empty where the folder cannot be listed. */
    public List<String> sqlFiles() {
        return access.sqlFiles();
    }

    /**
     * The text of a file decoded strictly as UTF-8 (BOM and CRLF kept), with drizzle's hash, as the reader would
     * give it for the journal entry {@code tag} / {@code when} / {@code idx}; null when the file does not exist.
     *
     * @throws MigrationSourceException the file is not valid UTF-8 or cannot be read
     */
    public MigrationFile journalMigration(String tag, long when, int idx) {
        String file = tag + ".sql";
        byte[] bytes = access.read(file);
        if (bytes == null) {
            return null;
        }
        FileContents contents = new FileContents();
        return new MigrationFile(tag, when, DrizzleNames.v1Name(tag, when), file,
                FileContents.text(bytes, file, access.describe()), contents.hash(bytes), idx);
    }

    /** Why {@code tag} cannot name a file of the folder (a path separator, a control character...), or null. */
    public static String nameProblem(String tag) {
        return JournalParser.tagProblem(tag);
    }
}
