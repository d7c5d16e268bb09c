package io.drizzlemigrator.internal.source;

import java.io.File;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hashes this JVM computed for migration files on disk, so that reading a folder again in the same process (a
 * second migrator, {@code status()}, a test suite starting many application contexts) does not read and hash every
 * file again: a file whose size and modification time are what they were when it was hashed is taken to hold the
 * same bytes, as {@code git status} takes it.
 *
 * <p>A file is remembered only when its modification time was at least {@link #SETTLED_MILLIS} before the read
 * began. A file modified since then could be written again within the same timestamp tick (coarse on some
 * filesystems) without its time changing; it is read and hashed on every read until it has settled. What the memo
 * cannot see is an edit that keeps the size and puts back the old modification time ({@code touch -d}): a deliberate
 * act, never an editor's or drizzle-kit's.
 *
 * <p>Only hashes are remembered, never contents: a remembered file whose text is needed (it is pending, or
 * {@code status()} decodes it) is read again and must still have the remembered hash. Entries live as long as this
 * class (a few hundred bytes per file) and are replaced when a file changes; past {@link #MAX_ENTRIES} (a process
 * reading ever new folders) they are all dropped and remembered afresh.
 */
final class HashMemo {

    /** How long before a read began a file must have been last modified to be remembered. */
    static final long SETTLED_MILLIS = 3_000;

    /** More files than any one process's migration folders hold. */
    static final int MAX_ENTRIES = 100_000;

    private static final ConcurrentHashMap<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    private record Entry(long size, long modified, String hash) {
    }

    /** Cleared only through {@code BenchmarkAccess}: a warm call then reads and hashes every file, as drizzle does. */
    static volatile boolean enabled = true;

    private HashMemo() {
    }

    /** The hash remembered for {@code file} if its size and modification time are unchanged; null otherwise. */
    static String lookup(File file) {
        Entry entry = enabled ? ENTRIES.get(file.getPath()) : null;
        if (entry == null) {
            return null;
        }
        long modified = file.lastModified();
        if (modified == 0 || modified != entry.modified || file.length() != entry.size) {
            return null; // changed, or gone (0): read it
        }
        return entry.hash;
    }

    /**
     * Remembers the hash of {@code size} bytes just read from {@code file}, if the file has settled.
     *
     * @param readStarted {@link System#currentTimeMillis()} before the bytes were read
     */
    static void remember(File file, long size, String hash, long readStarted) {
        // The time is taken after the read: a write during or after it sets a time later than readStarted, and
        // such a file is not remembered. A time that passes the test therefore dates the bytes that were read.
        long modified = file.lastModified();
        String key = file.getPath();
        if (modified != 0 && modified <= readStarted - SETTLED_MILLIS) {
            if (ENTRIES.size() >= MAX_ENTRIES) {
                ENTRIES.clear();
            }
            ENTRIES.put(key, new Entry(size, modified, hash));
        } else {
            ENTRIES.remove(key);
        }
    }
}
