package io.drizzlemigrator.internal.plan;

import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.Problem;
import io.drizzlemigrator.Problems;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy check of a run: what {@link Problems} decides from the configured {@code outOfOrder} and
 * {@code editedMigrations} (and, for {@code validate}, pending migrations) refuses the run or is logged and returned
 * as its warnings. The faces show the same {@link Problems}, so a run and a status never disagree.
 */
public final class Policies {

    /** Initialised on first use, not with this class: see {@code Engine.Log}. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger("io.drizzlemigrator.DrizzleMigrator");
    }

    private Policies() {
    }

    /**
     * Applies the policies to the state found; returns the warnings (also logged), throws when a policy refuses.
     *
     * @param report the state found, carried by the refusal
     * @throws ValidationException a policy refuses; nothing was applied
     */
    public static List<String> check(StatusReport report, MigratorConfiguration config, Problems.Purpose purpose) {
        Problems problems = Problems.of(report, config, purpose);
        Optional<String> refusal = problems.refusal();
        if (refusal.isPresent()) {
            throw new ValidationException(refusal.get(), report, problems.refusalSetting().orElse(null));
        }
        List<String> warnings = new ArrayList<>();
        for (Problem p : problems.warnings()) {
            if (p.kind() == MigrationState.UNKNOWN) {
                Log.LOG.info(p.message()); // normal while an older build runs during a rollback
            } else {
                Log.LOG.warn(p.message());
            }
            warnings.add(p.message());
        }
        return warnings;
    }
}
