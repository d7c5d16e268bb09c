package io.drizzlemigrator.internal.source;

import io.drizzlemigrator.MigrationSourceException;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A migration folder on disk ({@code filesystem:} or a plain path). */
final class DirectoryFolder extends FolderAccess {

    /** The largest file read (a byte array's limit, less a margin). */
    private static final long MAX_FILE_BYTES = 1L << 30;

    private final String location;
    private final Path dir;
    /** {@link #dir} as a {@link File}: resolving names against it is cheaper than {@link Path#resolve} per file. */
    private final File dirFile;

    DirectoryFolder(String location, String path) {
        this.location = location;
        if (path.isBlank()) {
            throw new MigrationSourceException(null, 0, "location '" + location + "' names no folder: give "
                    + "drizzle-kit's `out` folder, for example filesystem:./drizzle");
        }
        try {
            this.dir = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new MigrationSourceException(null, 0, "location '" + JournalParser.printable(location)
                    + "' is not a valid path (" + e.getReason() + "): give drizzle-kit's `out` folder", e);
        }
        this.dirFile = dir.toFile();
    }

    @Override
    String location() {
        return location;
    }

    @Override
    String describe() {
        String configured = location.startsWith(FILESYSTEM_PREFIX) ? location.substring(FILESYSTEM_PREFIX.length())
                : location;
        return dir.toString().equals(configured) ? location : location + " (" + dir + ")";
    }

    @Override
    boolean exists() {
        return Files.isDirectory(dir);
    }

    @Override
    String notFoundMessage() {
        String what = Files.exists(dir) ? " is a file, not a folder" : " does not exist";
        return "the migration folder " + describe() + what + ": set the location to drizzle-kit's `out` "
                + "folder (relative paths resolve against the working directory, " + Path.of("").toAbsolutePath()
                + ")";
    }

    /**
     * Reads with {@link RandomAccessFile}: the size, then the bytes in one read. A thousand small files are most of
     * what a start with nothing to apply does, and this takes the fewest system calls per file (NIO's
     * {@code Files.readAllBytes} also costs several times more on a service's first start, before the JIT).
     */
    @Override
    byte[] read(String relative) {
        return read(new File(dirFile, relative), relative);
    }

    private byte[] read(File file, String relative) {
        try (RandomAccessFile in = new RandomAccessFile(file, "r")) {
            long length = in.length();
            if (length > MAX_FILE_BYTES) {
                throw new MigrationSourceException(relative, 0, relative + " in " + describe() + " is " + length
                        + " bytes long; a migration file is read into memory whole and must be under 1 GiB");
            }
            byte[] bytes = new byte[(int) length];
            in.readFully(bytes);
            if (in.read() < 0) {
                return bytes;
            }
        } catch (FileNotFoundException e) {
            // also thrown for a file that exists but cannot be opened: tell the two apart
            if (!file.exists() || !Files.isDirectory(dir)) {
                return null; // no such file, or the location is a file: reported as a missing folder
            }
            throw unreadable(relative, describe(), e);
        } catch (EOFException e) {
            // it shrank while being read: read it again as a stream, below
        } catch (IOException e) {
            throw unreadable(relative, describe(), e);
        }
        // it changed size while being read (an editor saving it?): read it whole as a stream
        try (FileInputStream in = new FileInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw unreadable(relative, describe(), e);
        }
    }

    /** As {@link FolderAccess#readHashed}, and a file whose hash {@link HashMemo} remembers is not read again. */
    @Override
    Hashed readHashed(String relative, FileContents contents, long readStarted) {
        File file = new File(dirFile, relative);
        String remembered = HashMemo.lookup(file);
        if (remembered != null) {
            return new Hashed(null, remembered);
        }
        byte[] bytes = read(file, relative);
        if (bytes == null) {
            return null;
        }
        String hash = contents.hash(bytes);
        HashMemo.remember(file, bytes.length, hash, readStarted);
        return new Hashed(bytes, hash);
    }

    @Override
    List<String> migrationFolders() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                if (Files.isRegularFile(child.resolve(MigrationFolderReader.MIGRATION_SQL))) {
                    names.add(child.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw unlistable(describe(), e);
        }
        return names;
    }

    @Override
    List<String> sqlFiles() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, "*.sql")) {
            for (Path child : children) {
                if (Files.isRegularFile(child)) {
                    names.add(child.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw unlistable(describe(), e);
        }
        return names;
    }
}
