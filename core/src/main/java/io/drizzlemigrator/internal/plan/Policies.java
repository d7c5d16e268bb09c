package io.drizzlemigrator.internal.plan;

import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.ValidationException;
import io.drizzlemigrator.internal.history.HistoryRow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured policies applied to a plan: {@code outOfOrder} (refuse, apply or ignore migrations older than the
 * newest applied one), {@code editedMigrations} (refuse, warn or ignore applied files whose hash changed), rows of a
 * newer build (reported), and for {@code validate} pending migrations (refused).
 */
public final class Policies {

    /** Initialised on first use, not with this class: see {@code Engine.Log}. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger("io.drizzlemigrator.DrizzleMigrator");
    }

    private Policies() {
    }

    /**
     * Applies the policies; returns the warnings (also logged), throws when a policy refuses.
     *
     * @param report the state the plan gives, carried by the refusal
     * @param pendingIsError whether pending migrations refuse ({@code validate})
     * @throws ValidationException a policy refuses; nothing was applied
     */
    public static List<String> check(Plan plan, StatusReport report, MigratorConfiguration config,
            boolean pendingIsError) {
        List<String> warnings = new ArrayList<>();
        List<Plan.Entry> outOfOrder = plan.withState(MigrationState.OUT_OF_ORDER);
        if (!outOfOrder.isEmpty()) {
            HistoryRow newest = plan.newestApplied();
            String newestTag = plan.entries().stream().filter(e -> e.row() == newest).map(e -> e.migration().tag())
                    .findFirst().orElse(newest.name() != null ? newest.name() : "row id " + newest.id());
            String list = outOfOrder.stream().map(e -> e.migration().tag() + " (when " + e.migration().folderMillis()
                    + ")").collect(Collectors.joining(", "));
            String text = outOfOrder.size() + " migration" + (outOfOrder.size() == 1 ? " is" : "s are")
                    + " out of order: " + list + " " + (outOfOrder.size() == 1 ? "is" : "are") + " not applied but"
                    + " older than the newest applied migration " + newestTag + " (created_at "
                    + newest.createdAt() + "). drizzle's migrator would skip " + (outOfOrder.size() == 1 ? "it" : "them")
                    + " forever.";
            switch (config.outOfOrder()) {
                case FAIL -> throw new ValidationException(text + " Check that " + (outOfOrder.size() == 1 ? "it does"
                        : "they do") + " not conflict with the newer ones, then set outOfOrder to APPLY (or IGNORE to"
                        + " skip as drizzle does). Nothing was applied.", report);
                case APPLY -> {
                    Log.LOG.warn("{} Applying as outOfOrder=APPLY says.", text);
                    warnings.add(text + " Applied (outOfOrder=APPLY).");
                }
                case IGNORE -> {
                    Log.LOG.warn("{} Leaving unapplied as outOfOrder=IGNORE says.", text);
                    warnings.add(text + " Left unapplied (outOfOrder=IGNORE).");
                }
                default -> throw new IllegalStateException();
            }
        }
        List<Plan.Entry> edited = plan.withState(MigrationState.EDITED);
        if (!edited.isEmpty() && config.editedMigrations() != EditedMigrationPolicy.IGNORE) {
            String list = edited.stream().map(e -> e.migration().file()).collect(Collectors.joining(", "));
            String text = edited.size() + " applied migration file" + (edited.size() == 1 ? " was" : "s were")
                    + " edited after " + (edited.size() == 1 ? "it" : "they") + " ran (hash differs from the stored"
                    + " one): " + list + ". Edits to applied files are never applied.";
            if (config.editedMigrations() == EditedMigrationPolicy.FAIL) {
                throw new ValidationException(text + " Restore the files, or set editedMigrations to WARN. Nothing"
                        + " was applied.", report);
            }
            Log.LOG.warn(text);
            warnings.add(text);
        }
        if (!plan.unknownRows().isEmpty()) {
            String text = "The database has " + plan.unknownRows().size() + " applied migration"
                    + (plan.unknownRows().size() == 1 ? "" : "s") + " that this build's folder does not contain ("
                    + plan.unknownRows().stream().map(r -> r.name() != null ? r.name() : "created_at " + r.createdAt())
                    .collect(Collectors.joining(", ")) + "): it is ahead of this build (normal during a rollback"
                    + " of the application).";
            Log.LOG.info(text);
            warnings.add(text);
        }
        if (pendingIsError && !report.pending().isEmpty()) {
            throw new ValidationException(report.pending().size() + " migration" + (report.pending().size() == 1
                    ? " is" : "s are") + " pending: " + report.pending().stream().map(m -> m.tag())
                    .collect(Collectors.joining(", ")) + ". Run migrate.", report);
        }
        return warnings;
    }
}
