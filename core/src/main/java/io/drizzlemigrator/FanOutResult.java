package io.drizzlemigrator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link FanOut} did, target by target, in the order the targets were given (the canary first).
 *
 * @param targets    one result per distinct target of this shard (and the canary)
 * @param duplicates targets given more than once, each named once (they ran once)
 * @param shard      this runner's share, {@code 0/1} when not sharded
 * @param duration   how long the whole fan-out took
 */
public record FanOutResult(List<TargetResult> targets, List<FanOutTarget> duplicates, String shard,
        Duration duration) {

    public FanOutResult {
        targets = List.copyOf(targets);
        duplicates = List.copyOf(duplicates);
    }

    /** How many targets ended with each outcome (every outcome present, zero or not). */
    public Map<TargetOutcome, Integer> counts() {
        Map<TargetOutcome, Integer> counts = new EnumMap<>(TargetOutcome.class);
        for (TargetOutcome o : TargetOutcome.values()) {
            counts.put(o, 0);
        }
        for (TargetResult r : targets) {
            counts.merge(r.outcome(), 1, Integer::sum);
        }
        return counts;
    }

    /** The targets that ended with {@code outcome}. */
    public List<TargetResult> withOutcome(TargetOutcome outcome) {
        return targets.stream().filter(r -> r.outcome() == outcome).toList();
    }

    /** Whether every target is current now (applied or already current): none failed, timed out, behind or not run. */
    public boolean isSuccess() {
        return targets.stream().allMatch(r -> r.outcome() == TargetOutcome.APPLIED
                || r.outcome() == TargetOutcome.CURRENT);
    }

    /**
     * The process exit code, as for one target: {@link ExitCode#OK} when every target is current; else
     * {@link ExitCode#MIGRATION_FAILED} when any target failed for another reason than problems found (a migration,
     * an unreachable database, a missing schema); else {@link ExitCode#PROBLEMS_FOUND} when targets were refused for
     * out-of-order or edited migrations, or a {@linkplain FanOut.Builder#status() status check} found targets behind; else {@link ExitCode#LOCK_TIMEOUT}.
     */
    public ExitCode exitCode() {
        boolean problems = false;
        boolean lockTimeout = false;
        for (TargetResult r : targets) {
            if (r.outcome() == TargetOutcome.FAILED) {
                if (r.exitCode() != ExitCode.PROBLEMS_FOUND) {
                    return ExitCode.MIGRATION_FAILED;
                }
                problems = true;
            } else if (r.outcome() == TargetOutcome.BEHIND) {
                problems = true;
            } else if (r.outcome() == TargetOutcome.LOCK_TIMEOUT) {
                lockTimeout = true;
            }
        }
        return problems ? ExitCode.PROBLEMS_FOUND : lockTimeout ? ExitCode.LOCK_TIMEOUT : ExitCode.OK;
    }
}
