package io.drizzlemigrator.cli;

import io.drizzlemigrator.ExitCode;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** What each code means: core's one table. */
    private static final Map<Integer, String> MEANINGS = new LinkedHashMap<>();

    static {
        for (ExitCode code : ExitCode.values()) {
            MEANINGS.put(code.code(), code.meaning());
        }
    }

    /** The codes each command can return: only migrate changes the database, takes the lock or runs SQL files. */
    private static final Map<String, List<Integer>> BY_COMMAND = new LinkedHashMap<>();

    static {
        BY_COMMAND.put("migrate", List.of(OK, MIGRATION_FAILED, USAGE, PROBLEMS_FOUND, LOCK_TIMEOUT));
        BY_COMMAND.put("fanout", List.of(OK, MIGRATION_FAILED, USAGE, PROBLEMS_FOUND, LOCK_TIMEOUT));
        BY_COMMAND.put("status", List.of(OK, USAGE, PROBLEMS_FOUND));
        BY_COMMAND.put("validate", List.of(OK, USAGE, PROBLEMS_FOUND));
        BY_COMMAND.put("plan", List.of(OK, USAGE, PROBLEMS_FOUND));
        BY_COMMAND.put("lint", List.of(OK, USAGE, LINT_ERRORS));
        BY_COMMAND.put("prepare", List.of(OK, USAGE));
        BY_COMMAND.put("verify", List.of(OK, USAGE, PROBLEMS_FOUND));
    }

    private ExitCodes() {
    }

    /**
     * The exit code of {@code command} for an exception it let through. A command that changes nothing never says a
     * migration failed: what is unexpected there (a database error, a bug) is told as {@link #USAGE}.
     */
    public static int of(Throwable error, String command) {
        int code = of(error);
        return codes(command).contains(code) ? code : USAGE;
    }

    /** The exit code for an exception, as migrate returns it (core's one table: {@link ExitCode#of}). */
    public static int of(Throwable error) {
        return ExitCode.of(error).code();
    }

    /** The codes a command can return, in order; every code for the root command (any other name). */
    public static List<Integer> codes(String command) {
        return BY_COMMAND.getOrDefault(command, List.of(OK, MIGRATION_FAILED, USAGE, PROBLEMS_FOUND, LOCK_TIMEOUT,
                LINT_ERRORS));
    }

    /** A command's codes with what they mean, as its {@code --help} lists them. */
    public static Map<String, String> descriptions(String command) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int code : codes(command)) {
            codes.put(Integer.toString(code), MEANINGS.get(code));
        }
        return codes;
    }

    /** The table of README.md and docs/configuration.md: each code, its meaning, the commands that return it. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| exit code | meaning | returned by |\n|---|---|---|\n");
        for (int code : codes("")) {
            List<String> commands = BY_COMMAND.entrySet().stream().filter(e -> e.getValue().contains(code))
                    .map(e -> "`" + e.getKey() + "`").toList();
            table.append("| ").append(code).append(" | ").append(MEANINGS.get(code)).append(" | ")
                    .append(String.join(", ", commands)).append(" |\n");
        }
        return table.toString();
    }
}
