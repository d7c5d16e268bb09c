package io.drizzlemigrator.cli;

import io.drizzlemigrator.LintMode;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.TransactionMode;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options only migrate takes: the lock, the lint gate, and how migrations are applied. status and validate
 * change nothing and take no lock, so they refuse these (a usage error) rather than accept them silently.
 */
final class MigrateOptions {

    @Option(names = "--lock-timeout", paramLabel = "<duration>",
            description = {"How long to wait for another runner's migration lock: seconds (30), 500ms, 30s, 5m, "
                    + "1h or ISO-8601 (PT1M).", "Default: ${DEFAULT-VALUE}."})
    Duration lockTimeout;

    @Option(names = "--lock-key", paramLabel = "<key>",
            description = {"The advisory-lock key (a 64-bit integer), for runners that must share a lock across "
                    + "bookkeeping tables.", "Default: derived from --schema and --table."})
    Long lockKey;

    @Option(names = {"--lint", "--lint-mode"}, paramLabel = "off|warn|fail",
            description = {"Lint the migrations about to be applied: log a summary (warn), also refuse on error-level "
                    + "findings (fail), or skip (off). `drizzle-migrator lint` shows the details.",
                "Default: ${DEFAULT-VALUE}."})
    LintMode lint;

    @Option(names = "--transaction-mode", paramLabel = "per-migration|all-in-one",
            description = {"One transaction per migration, or all pending migrations in one (as drizzle does).",
                    "Default: ${DEFAULT-VALUE}."})
    TransactionMode transactionMode;

    @Option(names = "--ddl-lock-timeout", paramLabel = "<duration>",
            description = {"lock_timeout inside each transactional migration: a statement that cannot get its lock "
                    + "in time gives up, and the migration is retried; 0 leaves the session's setting.",
                "Default: ${DEFAULT-VALUE}."})
    Duration ddlLockTimeout;

    @Option(names = "--ddl-lock-retries", paramLabel = "<n>",
            description = {"How many times a migration is retried, with backoff, after such a lock timeout.",
                "Default: ${DEFAULT-VALUE}."})
    Integer ddlLockRetries;

    @Option(names = "--large-table-rows", paramLabel = "<rows>",
            description = {"Refuse a plain CREATE INDEX on an existing table with more estimated rows than this, "
                    + "before anything runs; 0 turns the check off.", "Default: ${DEFAULT-VALUE}."})
    Long largeTableRows;

    @Option(names = "--repair-invalid-indexes", paramLabel = "true|false", arity = "1",
            description = {"Drop an INVALID index left by a failed CREATE INDEX CONCURRENTLY before building it "
                    + "again.", "Default: ${DEFAULT-VALUE}."})
    Boolean repairInvalidIndexes;

    @Option(names = "--terminate-blockers", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = {"Before retrying a migration that hit --ddl-lock-timeout, terminate (pg_terminate_backend) "
                    + "the sessions that blocked it and are still in the same transaction. Their transactions roll "
                    + "back and their clients lose the connection.", "Default: ${DEFAULT-VALUE}."})
    Boolean terminateBlockers;

    @Option(names = "--progress-interval", paramLabel = "<duration>",
            description = {"How often the progress of a running CREATE INDEX [CONCURRENTLY], REINDEX, VACUUM or "
                    + "CLUSTER is read and logged: 2s, 500ms, 1m...", "Default: ${DEFAULT-VALUE}."})
    Duration progressInterval;

    @Option(names = "--tenant-schema-from", paramLabel = "<schema>",
            description = {"Map this schema's qualifiers in the migrations (\"public\".\"users\") to --schema, a "
                    + "tenant's schema: identifiers only, never strings, comments or dollar-quoted bodies. fanout "
                    + "maps them to each tenant schema.", "Default: none (nothing is mapped)."})
    String tenantSchemaFrom;

    @Option(names = "--verify-after-migrate", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = {"After a successful run, run the applied migrations' VERIFICATION QUERIES (as verify does) "
                    + "and warn when one is not true; the run still succeeds.", "Default: ${DEFAULT-VALUE}."})
    Boolean verifyAfterMigrate;

    /** Adds these options to the configuration; those not given keep the core's defaults. */
    void applyTo(MigratorConfiguration.Builder builder) {
        builder.lockTimeout(lockTimeout).lintMode(lint).transactionMode(transactionMode);
        if (lockKey != null) {
            builder.lockKey(lockKey);
        }
        if (ddlLockTimeout != null) {
            builder.ddlLockTimeout(ddlLockTimeout);
        }
        if (ddlLockRetries != null) {
            builder.ddlLockRetries(ddlLockRetries);
        }
        if (largeTableRows != null) {
            builder.largeTableRows(largeTableRows);
        }
        if (repairInvalidIndexes != null) {
            builder.repairInvalidIndexes(repairInvalidIndexes);
        }
        if (terminateBlockers != null) {
            builder.terminateBlockers(terminateBlockers);
        }
        if (progressInterval != null) {
            builder.progressInterval(progressInterval);
        }
        if (tenantSchemaFrom != null) {
            builder.tenantSchemaFrom(tenantSchemaFrom);
        }
        if (verifyAfterMigrate != null) {
            builder.verifyAfterMigrate(verifyAfterMigrate);
        }
    }
}
