package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.internal.source.FolderFiles;
import io.drizzlemigrator.internal.source.Layout;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.source.MigrationFolderReader;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFinding;
import io.drizzlemigrator.lint.LintReport;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the linter over a folder: the whole folder with its journal ({@link #lintFolder}, for the CLI and
 * {@link io.drizzlemigrator.lint.MigrationLinter}), or some migrations of a folder the engine has already read
 * ({@link #lintMigrations}, for the startup check: the pending ones).
 */
public final class FolderLinter {

    private static final Logger LOG = LoggerFactory.getLogger(FolderLinter.class);

    private FolderLinter() {
    }

    /**
     * Lints the migrations of an already-read folder that {@code which} selects, in folder order. Journal-wide rules
     * (stray files, duplicate tags, {@code when} order) do not run: the reader has already refused what would break a
     * run, and the rest is for {@link #lintFolder}. The folder's {@value LintConfig#FILE_NAME}, if any, is read and
     * {@code config} applied on top of it.
     *
     * @param classLoader the class loader of {@code classpath:} locations (for {@value LintConfig#FILE_NAME} and
     *                    rollback files); null: the thread's context class loader
     * @param which       the migrations to lint, for example the pending ones
     * @param preparer    how a migration is split into statements: {@link MigrationFile#prepare}, or the engine's
     *                    cache of it, so no file is lexed twice
     * @throws io.drizzlemigrator.ConfigurationException the folder's {@value LintConfig#FILE_NAME} is invalid
     */
    public static LintReport lintMigrations(LoadedFolder folder, ClassLoader classLoader,
            Predicate<MigrationFile> which, Function<MigrationFile, PreparedMigration> preparer, LintConfig config) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(which, "which");
        Objects.requireNonNull(preparer, "preparer");
        Objects.requireNonNull(config, "config");
        long started = System.nanoTime();
        FolderFiles files = FolderFiles.open(folder.location(), classLoader);
        LintConfig effective = folderConfig(files).overriddenBy(config);
        FolderContext context = new FolderContext(files, folder.layout());
        Map<String, ColumnType> columnTypes = new HashMap<>();
        List<LintFinding> findings = new ArrayList<>();
        int linted = 0;
        for (MigrationFile m : folder.migrations()) {
            if (which.test(m)) {
                findings.addAll(FileLinter.lint(m, preparer, context, columnTypes, effective));
                linted++;
            }
        }
        LOG.debug("Linted {} migration(s) of {} in {} ms: {} finding(s)", linted, folder.location(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), findings.size());
        return new LintReport(findings);
    }

    /** {@link #lintMigrations} with {@link MigrationFile#prepare}. */
    public static LintReport lintMigrations(LoadedFolder folder, ClassLoader classLoader,
            Predicate<MigrationFile> which, LintConfig config) {
        return lintMigrations(folder, classLoader, which, MigrationFile::prepare, config);
    }

    /**
     * Lints a whole folder: the journal leniently (every problem a finding), stray files, then every migration in
     * journal order (drizzle 1.0 folders: in name order, without journal rules).
     *
     * @throws MigrationSourceException the location is not a folder, or holds neither a journal nor drizzle 1.0
     *         migration folders
     * @throws io.drizzlemigrator.ConfigurationException the folder's {@value LintConfig#FILE_NAME} is invalid
     */
    public static LintReport lintFolder(String location, ClassLoader classLoader, LintConfig config, Clock clock) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        FolderFiles files = FolderFiles.open(location, classLoader);
        byte[] journal = files.read(JournalLint.FILE);
        if (journal == null && !files.exists()) {
            throw new MigrationSourceException(null, 0, files.notFoundMessage());
        }
        LintConfig effective = folderConfig(files).overriddenBy(config);
        Sink folderSink = new Sink(effective);
        List<MigrationFile> migrations = new ArrayList<>();
        Layout layout;
        if (journal != null) {
            layout = Layout.JOURNAL;
            readJournalFolder(files, journal, clock.millis(), folderSink, migrations);
        } else {
            layout = Layout.FOLDERS;
            try {
                LoadedFolder loaded = MigrationFolderReader.read(location, classLoader);
                migrations.addAll(loaded.migrations());
                for (String stray : loaded.strays()) {
                    folderSink.add(new Draft(Rule.STRAY_SQL_FILE, stray, 0, 0, "Not a migration: drizzle 1.0 runs "
                            + "only <YYYYMMDDHHMMSS>_<name>/migration.sql, so no migrator will ever run it",
                            "Move it into a migration folder of its own if it should run, or delete it.", null));
                }
            } catch (MigrationSourceException e) {
                if (e.file().isEmpty()) {
                    throw e;
                }
                folderSink.add(new Draft(Rule.INVALID_FILE, e.file().get(), e.line(), 0,
                        FileLinter.strip(e.getMessage(), e.file().get()), "", null));
            }
        }
        List<LintFinding> findings = new ArrayList<>();
        List<LintFinding> folderFindings = new ArrayList<>();
        for (Draft d : folderSink.drafts()) {
            folderFindings.add(FileLinter.finding(d, effective));
        }
        folderFindings.sort(Comparator.comparing((LintFinding f) -> !f.file().equals(JournalLint.FILE))
                .thenComparing(LintFinding::file).thenComparingInt(LintFinding::line));
        findings.addAll(folderFindings);
        FolderContext context = new FolderContext(files, layout);
        Map<String, ColumnType> columnTypes = new HashMap<>();
        for (MigrationFile m : migrations) {
            findings.addAll(FileLinter.lint(m, MigrationFile::prepare, context, columnTypes, effective));
        }
        return new LintReport(findings);
    }

    private static void readJournalFolder(FolderFiles files, byte[] journal, long now, Sink sink,
            List<MigrationFile> migrations) {
        List<JournalLint.Entry> entries = JournalLint.read(journal, now, sink);
        if (entries == null) {
            return; // every file would look like a stray
        }
        Set<String> listed = new HashSet<>();
        for (JournalLint.Entry e : entries) {
            String file = e.tag() + ".sql";
            listed.add(file);
            try {
                MigrationFile m = files.journalMigration(e.tag(), e.when() != null ? e.when() : 0L,
                        e.effectiveIdx());
                if (m == null) {
                    sink.add(new Draft(Rule.JOURNAL_MISSING_FILE, JournalLint.FILE, e.line(), 0, "Journal entry "
                            + e.effectiveIdx() + " names " + file + ", which is not in the folder: every migrator "
                            + "stops there",
                            "Restore " + file + " from version control, or remove the entry if the migration was "
                                    + "dropped before any database applied it.", null));
                } else {
                    migrations.add(m);
                }
            } catch (MigrationSourceException ex) {
                sink.add(new Draft(Rule.INVALID_FILE, file, ex.line(), 0, FileLinter.strip(ex.getMessage(), file),
                        "Save the file as UTF-8.", null));
            }
        }
        if (files.listable() && sink.wants(Rule.STRAY_SQL_FILE)) {
            for (String f : files.sqlFiles()) {
                if (!listed.contains(f) && !f.endsWith(Conventions.ROLLBACK_SUFFIX)) {
                    sink.add(new Draft(Rule.STRAY_SQL_FILE, f, 0, 0, "Not in meta/_journal.json: no migrator will "
                            + "ever run it",
                            "If it is a leftover (a file renamed or regenerated after a merge, often with a duplicate "
                                    + "number), delete it. If it should run, regenerate it with drizzle-kit generate "
                                    + "--custom so that the journal gets an entry, and move the SQL into that file.",
                            null));
                }
            }
        }
    }

    /** The folder's {@value LintConfig#FILE_NAME}, or the defaults when it has none. */
    private static LintConfig folderConfig(FolderFiles files) {
        byte[] json = files.read(LintConfig.FILE_NAME);
        if (json == null) {
            return LintConfig.defaults();
        }
        return LintConfig.fromJson(new ByteArrayInputStream(json), files.location() + "/" + LintConfig.FILE_NAME);
    }
}
