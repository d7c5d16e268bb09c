package io.drizzlemigrator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one target of a {@link FanOut} ended.
 *
 * @param target   the target
 * @param outcome  how it ended
 * @param applied  how many migrations this run applied to it (also before a failure)
 * @param duration how long its run took
 * @param exitCode what a run of this target alone would have exited with
 * @param error    why it failed, was not run or timed out; empty otherwise
 * @param file     the migration file that failed, when a migration failed
 * @param line     the line of the failing statement in {@code file}, or 0
 */
public record TargetResult(FanOutTarget target, TargetOutcome outcome, int applied, Duration duration,
        ExitCode exitCode, Optional<String> error, Optional<String> file, int line) {

    public TargetResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(file, "file");
    }

    /** {@code 0003_orders.sql:12} when a migration failed, else empty. */
    public Optional<String> failedAt() {
        return file.map(f -> f + ":" + line);
    }
}
