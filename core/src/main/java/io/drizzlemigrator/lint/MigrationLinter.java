package io.drizzlemigrator.lint;

import io.drizzlemigrator.internal.lint.FolderLinter;
import java.time.Clock;
import java.util.Objects;

/**
 * Lints a drizzle-kit migration folder for PostgreSQL: statements that lock or rewrite tables, break running
 * instances of the application or fail on retry; the organisation's conventions (header comment, rollback file,
 * descriptive names); and the journal (stray files, missing files, duplicates, {@code when} order). No database is
 * needed.
 *
 * <pre>{@code
 * LintReport report = MigrationLinter.lint("filesystem:drizzle", null, LintConfig.defaults());
 * if (report.hasErrors()) {
 *     System.err.print(report.toText());
 * }
 * }</pre>
 *
 * The folder's {@value LintConfig#FILE_NAME}, when present, configures the rules; the {@link LintConfig} given here
 * is applied on top of it. Each rule is described, with its safe alternative and how to suppress it, in
 * {@code docs/lint-rules.md}.
 */
public final class MigrationLinter {

    private MigrationLinter() {
    }

    /**
     * Lints every migration of the folder and its journal.
     *
     * @param location    {@code classpath:drizzle/migrations}, {@code filesystem:/path} or a plain path
     * @param classLoader the class loader for {@code classpath:} locations; null: the thread's context class loader
     * @throws io.drizzlemigrator.MigrationSourceException the location is not a migration folder
     * @throws io.drizzlemigrator.ConfigurationException the folder's {@value LintConfig#FILE_NAME} is invalid
     */
    public static LintReport lint(String location, ClassLoader classLoader, LintConfig config) {
        return lint(location, classLoader, config, Clock.systemUTC());
    }

    /**
     * {@link #lint(String, ClassLoader, LintConfig)} with the clock that decides which journal {@code when} is in the
     * future.
     */
    public static LintReport lint(String location, ClassLoader classLoader, LintConfig config, Clock clock) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return FolderLinter.lintFolder(location, classLoader, config, clock);
    }
}
