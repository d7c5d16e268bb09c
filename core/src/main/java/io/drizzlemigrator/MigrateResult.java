package io.drizzlemigrator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DrizzleMigrator#migrate()} did.
 *
 * @param applied the migrations applied by this run, in order
 * @param warnings things a person should know (edited files, ignored out-of-order entries, rows of a newer build)
 * @param duration the whole run, lock wait included
 * @param lockWait how long the run waited for the advisory lock
 * @param status the state after the run
 */
public record MigrateResult(List<AppliedMigration> applied, List<String> warnings, Duration duration,
        Duration lockWait, StatusReport status) {

    public MigrateResult {
        applied = List.copyOf(applied);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(status, "status");
    }

    /** How many migrations this run applied. */
    public int appliedCount() {
        return applied.size();
    }
}
