package io.drizzlemigrator.internal.source;

import io.drizzlemigrator.MigrationSourceException;
import java.util.List;

/** Where a migration folder's files come from: a directory on disk or a class loader. */
abstract sealed class FolderAccess permits DirectoryFolder, ClasspathFolder {

    static final String CLASSPATH_PREFIX = "classpath:";
    static final String FILESYSTEM_PREFIX = "filesystem:";

    /**
     * {@code classpath:drizzle/migrations} (a leading {@code /} is allowed), {@code filesystem:/abs/or/rel}, or a
     * plain path; relative paths resolve against the working directory.
     */
    static FolderAccess of(String location, ClassLoader classLoader) {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            ClassLoader loader = classLoader != null ? classLoader : defaultClassLoader();
            return new ClasspathFolder(location, location.substring(CLASSPATH_PREFIX.length()), loader);
        }
        String path = location.startsWith(FILESYSTEM_PREFIX) ? location.substring(FILESYSTEM_PREFIX.length())
                : location;
        return new DirectoryFolder(location, path);
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : FolderAccess.class.getClassLoader();
    }

    /** The location as configured. */
    abstract String location();

    /** The location as configured plus, where it helps, where it was looked for; used in every message. */
    abstract String describe();

    /** Whether the folder itself exists. */
    abstract boolean exists();

    /** What to do when the folder does not exist. */
    abstract String notFoundMessage();

    /**
     * The bytes of a file of the folder, read once, or null when there is no such file.
     *
     * @param relative a path relative to the folder, with {@code /} separators, whose elements are plain names
     * @throws MigrationSourceException the file exists but cannot be read
     */
    abstract byte[] read(String relative);

    /**
     * The bytes of a file of the folder and their hash, or null when there is no such file. A folder on disk answers
     * with the hash alone (null bytes) for a file it hashed before in this JVM and that is unchanged since (see
     * {@link HashMemo}).
     *
     * @param readStarted {@link System#currentTimeMillis()} when the read of the folder began
     * @throws MigrationSourceException the file exists but cannot be read
     */
    Hashed readHashed(String relative, FileContents contents, long readStarted) {
        byte[] bytes = read(relative);
        return bytes == null ? null : new Hashed(bytes, contents.hash(bytes));
    }

    /** A file's bytes (null when its hash was remembered, not read) and their hash. */
    record Hashed(byte[] bytes, String hash) {
    }

    /** The names of the subfolders that hold a {@code migration.sql} (drizzle-kit 1.0), in no particular order. */
    abstract List<String> migrationFolders();

    /** The {@code .sql} files directly in the folder; empty where the source cannot be listed (the classpath). */
    abstract List<String> sqlFiles();

    static MigrationSourceException unreadable(String relative, String where, Exception cause) {
        return new MigrationSourceException(relative, 0, "cannot read " + relative + " in " + where + " ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "): check that the file is "
                + "readable by this process", cause);
    }

    static MigrationSourceException unlistable(String where, Exception cause) {
        return new MigrationSourceException(null, 0, "cannot list the migration folder " + where + " ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "): check that it is a readable "
                + "directory", cause);
    }
}
