package io.drizzlemigrator.cli;

import io.drizzlemigrator.ExitCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process exit codes of the command line, stated once: the commands return them, {@code --help} lists them,
 * and scripts (deploy pipelines, init containers) branch on them.
 */
public final class ExitCodes {

    /** The command succeeded: migrations applied, or the database is up to date / valid. */
    public static final int OK = 0;
    /** A migration failed (the message names the file and line), or the run failed unexpectedly. */
    public static final int MIGRATION_FAILED = 1;
    /** Bad usage or configuration, the database cannot be reached, or the migration folder cannot be used. */
    public static final int USAGE = 2;
    /** The folder and the database disagree: out-of-order or (with --edited=fail) edited migrations, or pending ones for validate. */
    public static final int PROBLEMS_FOUND = 3;
    /** Another runner held the migration lock for longer than --lock-timeout. */
    public static final int LOCK_TIMEOUT = 4;
    /** {@code lint}: a rule of severity error fired. */
    public static final int LINT_ERRORS = 5;

    private ExitCodes() {
    }

    /** The exit code for an exception a command let through (core's one table: {@link ExitCode#of}). */
    public static int of(Throwable error) {
        return ExitCode.of(error).code();
    }

    /** Each code with what it means, in the order {@code --help} lists them. */
    public static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Integer.toString(OK), "Success: migrations applied, or the database is up to date.");
        codes.put(Integer.toString(MIGRATION_FAILED), "A migration failed (the message names the file and line).");
        codes.put(Integer.toString(USAGE), "Bad usage or settings, database unreachable, or unusable folder.");
        codes.put(Integer.toString(PROBLEMS_FOUND), "Problems found: out-of-order or (with --edited=fail) edited "
                + "migrations; for validate also pending ones.");
        codes.put(Integer.toString(LOCK_TIMEOUT), "Another runner held the migration lock longer than "
                + "--lock-timeout.");
        codes.put(Integer.toString(LINT_ERRORS), "lint: a rule of severity error fired.");
        return codes;
    }
}
