package io.drizzlemigrator.internal;

import io.drizzlemigrator.internal.lint.FolderLinter;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintReport;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The startup lint of WARN mode, run on a thread of its own while the migrations are applied: its findings never
 * stop a run, so they need not hold it up (a thousand pending migrations take a few hundred milliseconds to lint on
 * a service's first start, while the connection mostly waits for the server). The folder's lint configuration is
 * checked before the thread starts, so an invalid one still stops the run before anything is applied. The thread
 * lexes the files again rather than share the run's lazily tokenized statements.
 */
final class BackgroundLint {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLint.class);

    private final FutureTask<LintReport> task;

    private BackgroundLint(FutureTask<LintReport> task) {
        this.task = task;
    }

    /**
     * Starts linting the migrations of {@code folder} whose tags are in {@code tags}.
     *
     * @throws io.drizzlemigrator.ConfigurationException the folder's lint configuration is invalid
     */
    static BackgroundLint start(LoadedFolder folder, ClassLoader classLoader, Set<String> tags) {
        ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        FolderLinter.checkFolderConfig(folder, loader);
        FutureTask<LintReport> task = new FutureTask<>(new Lint(folder, loader, tags));
        Thread thread = new Thread(task, "drizzle-migrator-lint");
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        return new BackgroundLint(task);
    }

    /** The lint (a class rather than a lambda, as on the rest of the start path). */
    private static final class Lint implements Callable<LintReport> {

        private final LoadedFolder folder;
        private final ClassLoader loader;
        private final Set<String> tags;

        Lint(LoadedFolder folder, ClassLoader loader, Set<String> tags) {
            this.folder = folder;
            this.loader = loader;
            this.tags = tags;
        }

        @Override
        public LintReport call() {
            return FolderLinter.lintMigrations(folder, loader, m -> tags.contains(m.tag()), LintConfig.defaults());
        }
    }

    /**
     * The report, once the lint is done; null when it failed (logged: a lint that cannot run never fails a run that
     * only warns) or the calling thread was interrupted while waiting (the interrupt is kept).
     */
    LintReport join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            LOG.warn("The startup lint could not run: {}", String.valueOf(e.getCause()), e.getCause());
            return null;
        }
    }
}
