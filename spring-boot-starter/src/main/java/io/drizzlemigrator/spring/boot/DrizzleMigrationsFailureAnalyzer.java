package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.LockTimeoutException;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.ValidationException;
import java.util.List;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a drizzle-migrator exception that stopped startup into a description of what happened and what to do,
 * naming the {@code drizzle.migrations.*} property to change. Registered in {@code META-INF/spring.factories}.
 */
class DrizzleMigrationsFailureAnalyzer extends AbstractFailureAnalyzer<DrizzleMigratorException> {

    private static final String P = DrizzleMigrationsProperties.PREFIX + ".";
    private static final int MAX_TAGS = 10;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DrizzleMigratorException cause) {
        if (cause instanceof MigrationFailedException e) {
            return migrationFailed(e);
        }
        if (cause instanceof LockTimeoutException e) {
            return new FailureAnalysis("The drizzle migration lock was not acquired: " + e.getMessage()
                    + "\n\nHeld by: " + e.holder() + "\nWaited: " + e.waited().toSeconds() + " s. Nothing was applied.",
                    "Another runner (a replica starting at the same time, or a migration job) is applying migrations."
                            + " Let it finish and start again. If it is stuck, end its session (the pid above:"
                            + " SELECT pg_terminate_backend(pid)). If migrations legitimately take longer, raise "
                            + P + "lock-timeout.", cause);
        }
        if (cause instanceof ValidationException e) {
            return validation(e);
        }
        if (cause instanceof MigrationSourceException e) {
            return new FailureAnalysis("The drizzle migration folder cannot be used: " + e.getMessage()
                    + "\n\nNothing was applied.",
                    "Check " + P + "location (the drizzle-kit \"out\" folder, packaged at classpath:drizzle/migrations"
                            + " by default) and the file named above; regenerate it with drizzle-kit generate if"
                            + " it was damaged.", cause);
        }
        if (cause instanceof DatabaseConnectionException e) {
            return new FailureAnalysis("drizzle-migrator could not connect to the database: " + e.getMessage()
                    + "\n\nNothing was applied.",
                    "Check that PostgreSQL is reachable and the credentials: " + P + "url, " + P + "user and " + P
                            + "password when migrations use a dedicated connection, spring.datasource.* otherwise.",
                    cause);
        }
        if (cause instanceof ConfigurationException e) {
            return new FailureAnalysis(e.getMessage(),
                    "Correct the " + P + "* properties (or the DrizzleConfigurationCustomizer beans).", cause);
        }
        return new FailureAnalysis("drizzle-migrator failed at startup: " + cause.getMessage(),
                "See the cause below.", cause);
    }

    private static FailureAnalysis migrationFailed(MigrationFailedException e) {
        String before = e.appliedBefore().isEmpty() ? "none"
                : tags(e.appliedBefore().stream().map(AppliedMigration::tag).toList());
        return new FailureAnalysis("The drizzle migration " + e.tag() + " failed at " + e.file() + ":" + e.line()
                + e.sqlState().map(s -> " (SQLState " + s + ")").orElse("") + ".\n\n" + e.getMessage()
                + "\n\nLeft behind: " + e.leftBehind() + "\nApplied by this run before it (they stay applied): "
                + before,
                "Fix " + e.file() + " (line " + e.line() + ") or the data it trips on, in a new commit of the"
                        + " migration folder, then start again: the next start resumes at " + e.tag() + ". Do not"
                        + " edit a migration that other databases have already applied; add a new one instead.",
                e);
    }

    private static FailureAnalysis validation(ValidationException e) {
        StatusReport status = e.status();
        StringBuilder description = new StringBuilder("The database and the drizzle migration folder disagree: ")
                .append(e.getMessage()).append("\n");
        StringBuilder action = new StringBuilder();
        if (status != null) {
            appendState(description, "Out of order (merged late, older than an applied one)", status.outOfOrder());
            appendState(description, "Edited after they were applied", status.edited());
            appendState(description, "Pending", status.pending());
            if (!status.outOfOrder().isEmpty()) {
                action.append("Out-of-order migrations: check that they do not conflict with the newer ones, then"
                        + " apply them with ").append(P).append("out-of-order=apply (or leave them unapplied, as"
                        + " drizzle's migrator does, with ").append(P).append("out-of-order=ignore). ");
            }
            if (!status.edited().isEmpty()) {
                action.append("Edited migrations: restore the files as they were applied, or accept the edits with ")
                        .append(P).append("edited-migrations=warn. ");
            }
            if (!status.pending().isEmpty() && status.outOfOrder().isEmpty() && status.edited().isEmpty()) {
                action.append("Pending migrations: apply them before this build starts (the migration job, or"
                        + " drizzle-migrator migrate), or remove the validating DrizzleMigrationStrategy bean so that"
                        + " the service migrates at startup. ");
            }
        }
        description.append("Nothing was applied.");
        if (action.isEmpty()) {
            action.append("Bring the database and the folder back in line, or relax ").append(P)
                    .append("out-of-order / ").append(P).append("edited-migrations.");
        }
        return new FailureAnalysis(description.toString(), action.toString().trim(), e);
    }

    private static void appendState(StringBuilder out, String label, List<MigrationInfo> migrations) {
        if (!migrations.isEmpty()) {
            out.append(label).append(": ").append(tags(migrations.stream().map(MigrationInfo::tag).toList()))
                    .append("\n");
        }
    }

    private static String tags(List<String> tags) {
        if (tags.size() <= MAX_TAGS) {
            return String.join(", ", tags);
        }
        return String.join(", ", tags.subList(0, MAX_TAGS)) + " and " + (tags.size() - MAX_TAGS) + " more";
    }
}
