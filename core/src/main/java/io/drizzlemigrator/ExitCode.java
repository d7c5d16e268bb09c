package io.drizzlemigrator;

/**
 * The process exit codes of every face that ends a process after migrating: the CLI, and the Spring Boot and Micronaut
 * integrations in their migrate-only mode (init containers, Jobs). Scripts and orchestrators branch on them, so they
 * are stated once, here.
 */
public enum ExitCode {

    /** Migrations applied, or the database is up to date / valid. */
    OK(0, "Success."),
    /** A migration failed (the message names the file and line), or the run failed unexpectedly. */
    MIGRATION_FAILED(1, "A migration failed (the message names its file and line), or the run failed unexpectedly."),
    /** Bad usage or configuration, the database cannot be reached, or the migration folder cannot be used. */
    USAGE(2, "Bad usage or settings, the database unreachable or refusing, or the folder unusable; nothing was "
            + "applied."),
    /** The folder and the database disagree: out-of-order or edited migrations refused, or pending ones for validate. */
    PROBLEMS_FOUND(3, "Problems found: out-of-order or (with --edited=fail) edited migrations, lint findings with "
            + "--lint=fail; for validate also pending ones. Nothing was applied. For verify: a verification query "
            + "returned false or no row, or failed."),
    /** Another runner held the migration lock for longer than the lock timeout. */
    LOCK_TIMEOUT(4, "Another runner held the migration lock longer than --lock-timeout; nothing was applied."),
    /** {@code lint}: a rule of severity error fired. */
    LINT_ERRORS(5, "A lint rule of severity error fired.");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The number the process exits with. */
    public int code() {
        return code;
    }

    /**
     * One sentence saying what the code means, as the CLI's {@code --help}, README and docs/configuration.md list it
     * (settings named as the CLI's flags).
     */
    public String meaning() {
        return meaning;
    }

    /**
     * The exit code for an exception that ended a run: the first drizzle-migrator exception in its cause chain decides
     * (frameworks wrap it in their own startup exceptions); anything else is {@link #MIGRATION_FAILED}, a run that
     * failed unexpectedly.
     */
    public static ExitCode of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DrizzleMigratorException) {
                return ofMigratorException(t);
            }
        }
        return MIGRATION_FAILED;
    }

    private static ExitCode ofMigratorException(Throwable error) {
        if (error instanceof MigrationFailedException) {
            return MIGRATION_FAILED;
        }
        if (error instanceof ConfigurationException || error instanceof MigrationSourceException
                || error instanceof DatabaseConnectionException) {
            return USAGE;
        }
        if (error instanceof ValidationException) {
            return PROBLEMS_FOUND;
        }
        if (error instanceof LockTimeoutException) {
            return LOCK_TIMEOUT;
        }
        return MIGRATION_FAILED;
    }
}
