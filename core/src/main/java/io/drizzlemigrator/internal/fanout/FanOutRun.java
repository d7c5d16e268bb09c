package io.drizzlemigrator.internal.fanout;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.ErrorSummary;
import io.drizzlemigrator.ExitCode;
import io.drizzlemigrator.FanOutListener;
import io.drizzlemigrator.FanOutTarget;
import io.drizzlemigrator.LockTimeoutException;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.TargetOutcome;
import io.drizzlemigrator.TargetResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one migration run per target with bounded parallelism: the canary alone first (its failure stops everything),
 * then the rest on {@code parallelism} threads. A failing target does not stop the others unless {@code failFast};
 * then targets not started yet are reported {@link TargetOutcome#NOT_RUN}. One log line per finished target, a
 * progress line every {@code progressEvery}, and the summary.
 */
public final class FanOutRun {

    /** The logger of fan-out runs, by its public name (faces set its level apart from the per-target runs'). */
    public static final String LOGGER = "io.drizzlemigrator.FanOut";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final List<FanOutTarget> targets;
    private final FanOutTarget canary;
    private final int parallelism;
    private final boolean failFast;
    private final Duration progressEvery;
    private final List<FanOutListener> listeners;
    /** Migrates (or reads) one target, a migrator of its own each; throws as {@code DrizzleMigrator.migrate()}. */
    private final Function<FanOutTarget, Done> migrate;

    private final AtomicBoolean stop = new AtomicBoolean();
    /** Lines every target would log alike, logged for the first only (see {@link RepeatedLines}). */
    private final Set<String> repeatedLines = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<TargetOutcome, AtomicInteger> finished = new EnumMap<>(TargetOutcome.class);

    /** How one target's run ended when it did not throw. */
    public record Done(TargetOutcome outcome, int applied) {

        /** A migration run's end: applied or current. */
        public static Done of(MigrateResult result) {
            return new Done(result.appliedCount() > 0 ? TargetOutcome.APPLIED : TargetOutcome.CURRENT,
                    result.appliedCount());
        }
    }

    /**
     * @param targets the distinct targets, the canary not among them
     * @param canary  the target to migrate alone first, or null
     */
    public FanOutRun(List<FanOutTarget> targets, FanOutTarget canary, int parallelism, boolean failFast,
            Duration progressEvery, List<FanOutListener> listeners, Function<FanOutTarget, Done> migrate) {
        this.targets = List.copyOf(targets);
        this.canary = canary;
        this.parallelism = parallelism;
        this.failFast = failFast;
        this.progressEvery = progressEvery;
        this.listeners = List.copyOf(listeners);
        this.migrate = migrate;
        for (TargetOutcome o : TargetOutcome.values()) {
            finished.put(o, new AtomicInteger());
        }
    }

    /** The result of every target, the canary first, then in the order given. */
    public List<TargetResult> run() {
        int total = targets.size() + (canary == null ? 0 : 1);
        long start = System.nanoTime();
        LOG.info("Fan-out over {} target{}{}, {} at a time{}", total, total == 1 ? "" : "s",
                canary == null ? "" : " (canary " + canary + " first)", parallelism,
                failFast ? ", stopping at the first failure" : "");
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(daemon("drizzle-fanout-progress"));
        long every = Math.max(1, progressEvery.toMillis());
        progress.scheduleAtFixedRate(() -> logProgress(total, start), every, every, TimeUnit.MILLISECONDS);
        List<TargetResult> results = new ArrayList<>(total);
        try {
            if (canary != null) {
                TargetResult c = runOne(canary);
                results.add(c);
                if (!succeeded(c)) {
                    LOG.warn("The canary {} did not migrate ({}); no other target was started", canary,
                            c.outcome());
                    for (FanOutTarget t : targets) {
                        results.add(notRun(t, "not started: the canary " + canary + " failed"));
                    }
                    return results;
                }
            }
            results.addAll(runAll());
            return results;
        } finally {
            progress.shutdownNow();
            logSummary(results, start);
        }
    }

    private List<TargetResult> runAll() {
        if (targets.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, targets.size()),
                daemon("drizzle-fanout"));
        try {
            List<Future<TargetResult>> futures = new ArrayList<>(targets.size());
            for (FanOutTarget t : targets) {
                futures.add(pool.submit(() -> stop.get()
                        ? notRun(t, "not started: failFast stopped the fan-out after a target failed")
                        : runOne(t)));
            }
            List<TargetResult> results = new ArrayList<>(targets.size());
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), targets.get(i)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private TargetResult await(Future<TargetResult> future, FanOutTarget target) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            throw new DrizzleMigratorException("Interrupted while waiting for target " + target + " to migrate", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // runOne catches everything a run throws; this is a bug of the listener or of this class
            throw new DrizzleMigratorException("Fan-out failed unexpectedly at target " + target + ": "
                    + e.getCause(), e.getCause());
        }
    }

    private TargetResult runOne(FanOutTarget target) {
        running.incrementAndGet();
        for (FanOutListener l : listeners) {
            l.targetStarted(target);
        }
        long start = System.nanoTime();
        TargetResult result;
        RepeatedLines.bind(repeatedLines);
        try {
            Done d = migrate.apply(target);
            result = new TargetResult(target, d.outcome(), d.applied(), since(start),
                    d.outcome() == TargetOutcome.BEHIND ? ExitCode.PROBLEMS_FOUND : ExitCode.OK, Optional.empty(),
                    Optional.empty(), 0);
        } catch (LockTimeoutException e) {
            result = new TargetResult(target, TargetOutcome.LOCK_TIMEOUT, 0, since(start), ExitCode.LOCK_TIMEOUT,
                    Optional.ofNullable(e.getMessage()), Optional.empty(), 0, Optional.of(ErrorSummary.of(e, null)));
        } catch (MigrationFailedException e) {
            result = new TargetResult(target, TargetOutcome.FAILED, e.appliedBefore().size(), since(start),
                    ExitCode.MIGRATION_FAILED, Optional.ofNullable(e.getMessage()), Optional.ofNullable(e.file()),
                    e.line(), Optional.of(ErrorSummary.of(e, null)));
        } catch (RuntimeException e) {
            result = new TargetResult(target, TargetOutcome.FAILED, 0, since(start), ExitCode.of(e),
                    Optional.of(String.valueOf(e.getMessage())), Optional.empty(), 0, Optional.of(summary(e)));
        } finally {
            RepeatedLines.unbind();
            running.decrementAndGet();
        }
        if (!succeeded(result) && failFast) {
            stop.set(true);
        }
        finish(result);
        return result;
    }

    /** What an endpoint may show of an error: core's summary, or the type and first line of one from elsewhere. */
    private static ErrorSummary summary(RuntimeException e) {
        return e instanceof DrizzleMigratorException d ? ErrorSummary.of(d, null)
                : new ErrorSummary(e.getClass().getSimpleName(), null, null, ErrorSummary.firstLine(e.getMessage()),
                        null);
    }

    private TargetResult notRun(FanOutTarget target, String why) {
        TargetResult result = new TargetResult(target, TargetOutcome.NOT_RUN, 0, Duration.ZERO, ExitCode.OK,
                Optional.of(why), Optional.empty(), 0);
        finish(result);
        return result;
    }

    private void finish(TargetResult r) {
        finished.get(r.outcome()).incrementAndGet();
        switch (r.outcome()) {
            case APPLIED -> LOG.info("Target {}: applied {} migration{} ({} ms)", r.target(), r.applied(),
                    r.applied() == 1 ? "" : "s", r.duration().toMillis());
            case CURRENT -> LOG.info("Target {}: current ({} ms)", r.target(), r.duration().toMillis());
            case BEHIND -> LOG.info("Target {}: behind, migrations pending ({} ms)", r.target(),
                    r.duration().toMillis());
            case NOT_RUN -> LOG.info("Target {}: {}", r.target(), r.error().orElse("not run"));
            default -> LOG.warn("Target {}: {}{} ({} ms): {}", r.target(), r.outcome() == TargetOutcome.FAILED
                    ? "FAILED" : "LOCK TIMEOUT", r.failedAt().map(at -> " at " + at).orElse(""),
                    r.duration().toMillis(), r.error().orElse(""));
        }
        for (FanOutListener l : listeners) {
            l.targetFinished(r);
        }
    }

    private void logProgress(int total, long start) {
        int done = 0;
        for (AtomicInteger n : finished.values()) {
            done += n.get();
        }
        LOG.info("Fan-out progress: {} of {} targets finished ({}), {} running, {} s", done, total, counts(),
                running.get(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    private void logSummary(List<TargetResult> results, long start) {
        LOG.info("Fan-out finished: {} target{} ({}) in {} ms", results.size(), results.size() == 1 ? "" : "s",
                counts(), Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /** "3 applied, 195 current, 1 failed, 0 lock timeout, 1 not run". */
    private String counts() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<TargetOutcome, AtomicInteger> e : finished.entrySet()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(e.getValue().get()).append(' ')
                    .append(e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return s.toString();
    }

    private static boolean succeeded(TargetResult r) {
        return r.isCurrent() || r.outcome() == TargetOutcome.BEHIND;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
