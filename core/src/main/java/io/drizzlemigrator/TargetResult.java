package io.drizzlemigrator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 * @param summary  the error as an endpoint or a health check may show it ({@link ErrorSummary}: no SQL text, no
 *                 password), when the target failed or timed out
 */
public record TargetResult(FanOutTarget target, TargetOutcome outcome, int applied, Duration duration,
        ExitCode exitCode, Optional<String> error, Optional<String> file, int line, Optional<ErrorSummary> summary) {

    public TargetResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(summary, "summary");
    }

    /** A result without an {@link ErrorSummary} (one that did not fail, or whose error is not at hand). */
    public TargetResult(FanOutTarget target, TargetOutcome outcome, int applied, Duration duration, ExitCode exitCode,
            Optional<String> error, Optional<String> file, int line) {
        this(target, outcome, applied, duration, exitCode, error, file, line, Optional.empty());
    }

    /** Whether the target is current now: migrations were applied, or none was left. */
    public boolean isCurrent() {
        return outcome == TargetOutcome.APPLIED || outcome == TargetOutcome.CURRENT;
    }

    /** Whether the target failed: its run failed or timed out on the lock. */
    public boolean isFailed() {
        return outcome == TargetOutcome.FAILED || outcome == TargetOutcome.LOCK_TIMEOUT;
    }

    /**
     * As JSON-ready values, what an endpoint shows of one target: {@code target}, {@code kind}, {@code outcome} (as
     * meters spell it), {@code applied}, {@code duration}, then {@code failedAt} and {@code error} (the
     * {@link ErrorSummary}, never the raw message, which can quote SQL) when known.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target.name());
        m.put("kind", target.kind().name().toLowerCase(Locale.ROOT));
        m.put("outcome", outcome.tagValue());
        m.put("applied", applied);
        Views.put(m, "duration", duration);
        failedAt().ifPresent(at -> m.put("failedAt", at));
        summary.ifPresent(s -> m.put("error", s.toMap()));
        return Collections.unmodifiableMap(m);
    }

    /** {@code 0003_orders.sql:12} when a migration failed, else empty. */
    public Optional<String> failedAt() {
        return file.map(f -> f + ":" + line);
    }
}
