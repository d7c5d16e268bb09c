package io.drizzlemigrator.internal;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.internal.source.MigrationFolderReader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads the migration folder on a thread of its own while the caller connects to the database: on a service's
 * first start both are mostly class loading and interpreted code, and they do not depend on each other. The caller
 * {@linkplain #join() joins} before it needs the folder; errors of the read surface there, unchanged.
 */
final class FolderReadAhead {

    private final FutureTask<LoadedFolder> task;

    private FolderReadAhead(FutureTask<LoadedFolder> task) {
        this.task = task;
    }

    /**
     * Starts reading {@code location}.
     *
     * @param classLoader for {@code classpath:} locations; null means the calling thread's context class loader,
     *                    resolved here, on the calling thread
     */
    static FolderReadAhead start(String location, ClassLoader classLoader) {
        ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        FutureTask<LoadedFolder> task = new FutureTask<>(new Read(location, loader));
        Thread thread = new Thread(task, "drizzle-migrator-folder-reader");
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        return new FolderReadAhead(task);
    }

    /** The read (a class rather than a lambda: bootstrapping a lambda costs a service's first start more). */
    private static final class Read implements Callable<LoadedFolder> {

        private final String location;
        private final ClassLoader loader;

        Read(String location, ClassLoader loader) {
            this.location = location;
            this.loader = loader;
        }

        @Override
        public LoadedFolder call() {
            return MigrationFolderReader.read(location, loader);
        }
    }

    /**
     * The folder, once read.
     *
     * @throws DrizzleMigratorException what the read threw (a {@link io.drizzlemigrator.MigrationSourceException}
     *         naming the file), or that the calling thread was interrupted while waiting
     */
    LoadedFolder join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrizzleMigratorException("Interrupted while reading the migration folder; nothing was applied",
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new DrizzleMigratorException("Reading the migration folder failed: " + cause, cause);
        }
    }
}
