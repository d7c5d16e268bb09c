package io.drizzlemigrator.cli;

import io.drizzlemigrator.MigratorDefaults;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the options, taken from the core's {@link MigratorDefaults} (so the command line and the library
 * cannot disagree) and written as a user would type them, which is also how {@code --help} shows them.
 */
final class CliDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        return switch (option.longestName()) {
            case "--location" -> CommonOptions.DEFAULT_DIR; // --dir
            case "--schema" -> MigratorDefaults.SCHEMA;
            case "--table" -> MigratorDefaults.TABLE;
            case "--lock-timeout" -> DurationConverter.format(MigratorDefaults.LOCK_TIMEOUT);
            case "--out-of-order" -> EnumConverter.display(MigratorDefaults.OUT_OF_ORDER);
            case "--edited-migrations" -> EnumConverter.display(MigratorDefaults.EDITED); // --edited
            case "--lint-mode" -> EnumConverter.display(MigratorDefaults.LINT_MODE); // --lint
            case "--transaction-mode" -> EnumConverter.display(MigratorDefaults.TRANSACTION_MODE);
            case "--ddl-lock-timeout" -> DurationConverter.format(MigratorDefaults.DDL_LOCK_TIMEOUT);
            case "--ddl-lock-retries" -> Integer.toString(MigratorDefaults.DDL_LOCK_RETRIES);
            case "--large-table-rows" -> Long.toString(MigratorDefaults.LARGE_TABLE_ROWS);
            case "--repair-invalid-indexes" -> Boolean.toString(MigratorDefaults.REPAIR_INVALID_INDEXES);
            case "--terminate-blockers" -> Boolean.toString(MigratorDefaults.TERMINATE_BLOCKERS);
            case "--progress-interval" -> DurationConverter.format(MigratorDefaults.PROGRESS_INTERVAL);
            case "--parallel" -> Integer.toString(MigratorDefaults.FAN_OUT_PARALLELISM);
            case "--verify-after-migrate" -> Boolean.toString(MigratorDefaults.VERIFY_AFTER_MIGRATE);
            default -> null;
        };
    }
}
