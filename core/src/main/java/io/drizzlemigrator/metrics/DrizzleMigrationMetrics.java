package io.drizzlemigrator.metrics;

import io.drizzlemigrator.LockTimeoutException;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationListener;
import io.drizzlemigrator.StatusReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the events of drizzle-migrator runs and status checks into Micrometer meters. Register it as a listener and
 * bind it to a registry, in either order:
 *
 * <pre>{@code
 * DrizzleMigrationMetrics metrics = new DrizzleMigrationMetrics(Tags.of("datasource", "main"));
 * metrics.bindTo(meterRegistry);
 * DrizzleMigrator.configure().dataSource(dataSource).listener(metrics).load().migrate();
 * }</pre>
 *
 * <p>Events that arrive before {@link #bindTo(MeterRegistry)} (a migration run at startup, before the registry
 * exists) are kept and recorded when it is bound; a run or lock wait still in progress at that moment is timed from
 * then on. One instance binds to one registry: to publish to several, bind it to a
 * {@link io.micrometer.core.instrument.composite.CompositeMeterRegistry}.
 *
 * <p>Tag values are bounded: {@code outcome}, {@code transactional} and {@code kind} take the values listed by the
 * constants here, plus the common tags given to the constructor. Migration tags (file names) never become tag values.
 * Gauges read {@code NaN} until the state has been read once (by a run or a status check), and
 * {@link #LAST_SUCCESS} until a run succeeded.
 *
 * <p>Thread-safe: events come from migrating threads (each thread's run is tracked on its own) and from a run's
 * watcher thread (progress), registry reads from any thread.
 */
public final class DrizzleMigrationMetrics implements MeterBinder, MigrationListener {

    /** Counter of migrations applied, tagged {@link #TAG_OUTCOME} ({@link #SUCCESS} or {@link #FAILURE}). */
    public static final String APPLIED = "drizzle.migrations.applied";
    /** Timer of each migration, tagged {@link #TAG_OUTCOME} and {@link #TAG_TRANSACTIONAL}. */
    public static final String DURATION = "drizzle.migrations.duration";
    /** Gauge of migrations in the folder not yet applied (state {@code PENDING}). */
    public static final String PENDING = "drizzle.migrations.pending";
    /** Gauge of migrations in a problem state, tagged {@link #TAG_KIND}. */
    public static final String PROBLEMS = "drizzle.migrations.problems";
    /** Timer of finished advisory-lock waits, tagged {@link #TAG_OUTCOME} ({@link #ACQUIRED}, {@link #TIMEOUT}, {@link #FAILURE}). */
    public static final String LOCK_WAIT = "drizzle.migrations.lock.wait";
    /**
     * Long-task timer of advisory-lock waits in progress. Its own name: Prometheus refuses a long-task timer and a
     * timer that share a name, and Micrometer then silently drops the second one.
     */
    public static final String LOCK_WAIT_ACTIVE = "drizzle.migrations.lock.wait.active";
    /** Timer of finished runs, tagged {@link #TAG_OUTCOME} ({@link #SUCCESS} or {@link #FAILURE}). */
    public static final String RUN = "drizzle.migrations.run";
    /** Long-task timer of runs in progress (lock wait included). */
    public static final String RUN_ACTIVE = "drizzle.migrations.run.active";
    /** Time gauge: when the last successful run ended, in seconds since the epoch. */
    public static final String LAST_SUCCESS = "drizzle.migrations.last.success";

    /**
     * Timer of the waits of migrations' statements for a table lock that the watcher saw, or that ended in
     * {@code lock_timeout}, tagged {@link #TAG_OUTCOME}: {@link #RETRIED}, {@link #ACQUIRED} or {@link #GAVE_UP}.
     */
    public static final String DDL_LOCK_WAITS = "drizzle.migrations.ddl.lock.waits";
    /**
     * Gauge: the part of its current phase that the running index build, REINDEX, VACUUM or CLUSTER has done, from 0
     * to 1, as last read every {@code progressInterval} ({@code NaN} when none runs or its phase counts nothing).
     */
    public static final String PROGRESS = "drizzle.migrations.progress";

    /** Tag key: how a migration, run or lock wait ended. */
    public static final String TAG_OUTCOME = "outcome";
    /** Tag key: whether a migration ran inside a transaction ({@code true} or {@code false}). */
    public static final String TAG_TRANSACTIONAL = "transactional";
    /** Tag key: the kind of problem a {@link #PROBLEMS} gauge counts. */
    public static final String TAG_KIND = "kind";

    /** Outcome: applied, or the run succeeded. */
    public static final String SUCCESS = "success";
    /** Outcome: the migration or the run failed (or a lock wait ended otherwise than by the lock or a timeout). */
    public static final String FAILURE = "failure";
    /** Lock-wait outcome: the lock was taken. */
    public static final String ACQUIRED = "acquired";
    /** DDL lock-wait outcome: {@code lock_timeout} passed first and the migration is tried again. */
    public static final String RETRIED = "retried";
    /** DDL lock-wait outcome: {@code lock_timeout} passed first and no retry is left: the migration failed. */
    public static final String GAVE_UP = "gave_up";
    /** Lock-wait outcome: {@code lockTimeout} passed first. */
    public static final String TIMEOUT = "timeout";

    /** Problem kind: a migration older than an applied one, not applied (merged late). */
    public static final String KIND_OUT_OF_ORDER = "out_of_order";
    /** Problem kind: an applied migration whose file changed since. */
    public static final String KIND_EDITED = "edited";
    /** Problem kind: a row of the bookkeeping table that matches no migration of this build's folder. */
    public static final String KIND_UNKNOWN = "unknown";

    /** Base unit of the count meters (Micrometer's convention; Prometheus appends it to the name). */
    public static final String UNIT_MIGRATIONS = "migrations";

    /** How many recordings are kept for a registry not bound yet (a startup run of a very long folder fits). */
    static final int BACKLOG_LIMIT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(DrizzleMigrationMetrics.class);

    private final Tags commonTags;
    private final Clock clock;
    private final Object lock = new Object();

    // guarded by lock
    private final Map<Thread, RunProgress> runs = new HashMap<>();
    private final List<Consumer<Meters>> backlog = new ArrayList<>();
    private boolean backlogOverflowed;
    private MeterRegistry registry;
    private Meters meters;
    /** The tags the gauges count, so that an applied migration leaves the right count. */
    private final Set<String> pendingTags = new HashSet<>();
    private final Set<String> outOfOrderTags = new HashSet<>();

    // read by gauges on scrape threads without the lock
    private volatile double pending = Double.NaN;
    private volatile double outOfOrder = Double.NaN;
    private volatile double edited = Double.NaN;
    private volatile double unknown = Double.NaN;
    private volatile double lastSuccessMillis = Double.NaN;
    private volatile double progress = Double.NaN;

    /** Meters without common tags. */
    public DrizzleMigrationMetrics() {
        this(Tags.empty());
    }

    /**
     * @param tags added to every meter, typically the data source's name and the bookkeeping schema; keep their
     *             values bounded
     */
    public DrizzleMigrationMetrics(Iterable<Tag> tags) {
        this(tags, Clock.systemUTC());
    }

    DrizzleMigrationMetrics(Iterable<Tag> tags, Clock clock) {
        this.commonTags = Tags.of(tags);
        this.clock = clock;
    }

    /**
     * Registers the meters. Recordings made before are replayed into them.
     *
     * @throws IllegalStateException when already bound to another registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        synchronized (lock) {
            if (this.registry == registry) {
                return;
            }
            if (this.registry != null) {
                throw new IllegalStateException("DrizzleMigrationMetrics is already bound to " + this.registry
                        + "; to publish to several registries bind it once to a CompositeMeterRegistry");
            }
            Meters m = new Meters(registry);
            backlog.forEach(action -> action.accept(m));
            backlog.clear();
            for (RunProgress run : runs.values()) {
                run.runSample = m.runActive.start();
                if (run.waiting) {
                    run.waitSample = m.lockWaitActive.start();
                }
            }
            this.registry = registry;
            this.meters = m;
        }
    }

    @Override
    public void onEvent(MigrationEvent event) {
        synchronized (lock) {
            Thread thread = Thread.currentThread();
            if (event instanceof MigrationEvent.RunStarted) {
                RunProgress run = new RunProgress();
                RunProgress stale = runs.put(thread, run);
                if (stale != null) {
                    // a thread runs one migrate() at a time: the previous one ended without reporting it
                    stopSamples(stale);
                }
                if (meters != null) {
                    run.runSample = meters.runActive.start();
                }
            } else if (event instanceof MigrationEvent.LockWaiting e) {
                RunProgress run = runs.computeIfAbsent(thread, t -> new RunProgress());
                if (!run.waiting) {
                    run.waiting = true;
                    run.waitStartNanos = System.nanoTime() - e.waited().toNanos();
                    if (meters != null) {
                        run.waitSample = meters.lockWaitActive.start();
                    }
                }
            } else if (event instanceof MigrationEvent.LockAcquired e) {
                RunProgress run = runs.computeIfAbsent(thread, t -> new RunProgress());
                endWait(run, ACQUIRED, e.waited());
                run.lockAcquired = true;
            } else if (event instanceof MigrationEvent.StatusRead e) {
                readStatus(e.status());
            } else if (event instanceof MigrationEvent.MigrationApplied e) {
                progress = Double.NaN;
                boolean transactional = e.migration().transactional();
                Duration duration = e.migration().duration();
                record(m -> {
                    m.applied(SUCCESS).increment();
                    m.duration(SUCCESS, transactional).record(duration);
                });
                String tag = e.migration().tag();
                if (pendingTags.remove(tag)) {
                    pending = pendingTags.size();
                } else if (outOfOrderTags.remove(tag)) {
                    outOfOrder = outOfOrderTags.size();
                }
            } else if (event instanceof MigrationEvent.MigrationFailed e) {
                progress = Double.NaN;
                boolean transactional = e.transactional();
                Duration duration = e.duration();
                record(m -> {
                    m.applied(FAILURE).increment();
                    m.duration(FAILURE, transactional).record(duration);
                });
            } else if (event instanceof MigrationEvent.RunFinished e) {
                endRun(thread, SUCCESS, e.result().duration());
                readStatus(e.result().status());
                lastSuccessMillis = clock.millis();
            } else if (event instanceof MigrationEvent.RunFailed e) {
                RunProgress run = runs.get(thread);
                if (run != null && !run.lockAcquired) {
                    if (e.error() instanceof LockTimeoutException timeout) {
                        endWait(run, TIMEOUT, timeout.waited());
                    } else if (run.waiting) {
                        endWait(run, FAILURE, Duration.ofNanos(System.nanoTime() - run.waitStartNanos));
                    }
                }
                endRun(thread, FAILURE, e.duration());
            } else if (event instanceof MigrationEvent.StatementProgressed e) {
                // the watcher's events are tested last: a run that applies nothing never loads their classes
                double ratio = e.progress().ratio();
                progress = ratio < 0 ? Double.NaN : ratio;
            } else if (event instanceof MigrationEvent.DdlLockWait e) {
                String outcome = switch (e.outcome()) {
                    case ACQUIRED -> ACQUIRED;
                    case RETRIED -> RETRIED;
                    case GAVE_UP -> GAVE_UP;
                };
                Duration waited = e.waited();
                record(m -> m.ddlLockWait(outcome).record(waited));
            }
        }
    }

    private void endWait(RunProgress run, String outcome, Duration waited) {
        if (run.waitSample != null) {
            run.waitSample.stop();
            run.waitSample = null;
        }
        run.waiting = false;
        record(m -> m.lockWait(outcome).record(waited));
    }

    private void endRun(Thread thread, String outcome, Duration duration) {
        RunProgress run = runs.remove(thread);
        if (run != null) {
            stopSamples(run);
        }
        record(m -> m.run(outcome).record(duration));
    }

    private static void stopSamples(RunProgress run) {
        if (run.waitSample != null) {
            run.waitSample.stop();
            run.waitSample = null;
        }
        if (run.runSample != null) {
            run.runSample.stop();
            run.runSample = null;
        }
    }

    private void readStatus(StatusReport status) {
        pendingTags.clear();
        status.pending().forEach(m -> pendingTags.add(m.tag()));
        outOfOrderTags.clear();
        status.outOfOrder().forEach(m -> outOfOrderTags.add(m.tag()));
        pending = pendingTags.size();
        outOfOrder = outOfOrderTags.size();
        edited = status.edited().size();
        unknown = status.unknown().size();
    }

    /** Records now when bound, else keeps the recording for {@link #bindTo}. Called with the lock held. */
    private void record(Consumer<Meters> action) {
        if (meters != null) {
            action.accept(meters);
        } else if (backlog.size() < BACKLOG_LIMIT) {
            backlog.add(action);
        } else if (!backlogOverflowed) {
            backlogOverflowed = true;
            log.warn("DrizzleMigrationMetrics is not bound to a MeterRegistry and holds {} recordings already;"
                    + " later ones are dropped. Bind it before migrating.", BACKLOG_LIMIT);
        }
    }

    /** What the metrics know of one thread's run in progress. */
    private static final class RunProgress {
        LongTaskTimer.Sample runSample;
        LongTaskTimer.Sample waitSample;
        boolean waiting;
        /** {@link System#nanoTime()} when the lock wait began, if {@link #waiting}. */
        long waitStartNanos;
        boolean lockAcquired;
    }

    /** The meters registered in the bound registry, every tag combination registered up front. */
    private final class Meters {
        final Map<String, Counter> applied = new HashMap<>();
        final Map<String, Timer> durations = new HashMap<>();
        final Map<String, Timer> lockWaits = new HashMap<>();
        final Map<String, Timer> runTimers = new HashMap<>();
        final Map<String, Timer> ddlLockWaits = new HashMap<>();
        final LongTaskTimer lockWaitActive;
        final LongTaskTimer runActive;

        Meters(MeterRegistry registry) {
            for (String outcome : List.of(SUCCESS, FAILURE)) {
                applied.put(outcome, Counter.builder(APPLIED)
                        .description("Migrations applied (outcome=success) or failed (outcome=failure)")
                        .baseUnit(UNIT_MIGRATIONS).tags(commonTags).tag(TAG_OUTCOME, outcome).register(registry));
                for (boolean transactional : List.of(true, false)) {
                    durations.put(outcome + transactional, Timer.builder(DURATION)
                            .description("Time to apply one migration, bookkeeping included")
                            .tags(commonTags).tag(TAG_OUTCOME, outcome)
                            .tag(TAG_TRANSACTIONAL, Boolean.toString(transactional)).register(registry));
                }
                runTimers.put(outcome, Timer.builder(RUN)
                        .description("Finished migration runs, lock wait included")
                        .tags(commonTags).tag(TAG_OUTCOME, outcome).register(registry));
            }
            for (String outcome : List.of(ACQUIRED, TIMEOUT, FAILURE)) {
                lockWaits.put(outcome, Timer.builder(LOCK_WAIT)
                        .description("Time spent waiting for the migration advisory lock held by another runner")
                        .tags(commonTags).tag(TAG_OUTCOME, outcome).register(registry));
            }
            for (String outcome : List.of(RETRIED, ACQUIRED, GAVE_UP)) {
                ddlLockWaits.put(outcome, Timer.builder(DDL_LOCK_WAITS)
                        .description("Waits of migrations' statements for a table lock, by how they ended")
                        .tags(commonTags).tag(TAG_OUTCOME, outcome).register(registry));
            }
            lockWaitActive = LongTaskTimer.builder(LOCK_WAIT_ACTIVE)
                    .description("Waits for the migration advisory lock in progress")
                    .tags(commonTags).register(registry);
            runActive = LongTaskTimer.builder(RUN_ACTIVE)
                    .description("Migration runs in progress, lock wait included")
                    .tags(commonTags).register(registry);

            DrizzleMigrationMetrics self = DrizzleMigrationMetrics.this;
            Gauge.builder(PENDING, self, s -> s.pending)
                    .description("Migrations of this build's folder not applied yet (NaN until first read)")
                    .baseUnit(UNIT_MIGRATIONS).tags(commonTags).strongReference(true).register(registry);
            Map<String, ToDoubleFunction<DrizzleMigrationMetrics>> kinds = Map.of(
                    KIND_OUT_OF_ORDER, s -> s.outOfOrder,
                    KIND_EDITED, s -> s.edited,
                    KIND_UNKNOWN, s -> s.unknown);
            kinds.forEach((kind, value) -> Gauge.builder(PROBLEMS, self, value)
                    .description("Migrations out of order (not applied although newer ones are), edited after they"
                            + " were applied, or applied rows unknown to this build (NaN until first read)")
                    .baseUnit(UNIT_MIGRATIONS).tags(commonTags).tag(TAG_KIND, kind).strongReference(true)
                    .register(registry));
            Gauge.builder(PROGRESS, self, s -> s.progress)
                    .description("Part of its current phase the running index build, REINDEX, VACUUM or CLUSTER has"
                            + " done, 0 to 1 (NaN when none runs)")
                    .tags(commonTags).strongReference(true).register(registry);
            TimeGauge.builder(LAST_SUCCESS, self, TimeUnit.MILLISECONDS, s -> s.lastSuccessMillis)
                    .description("When the last successful migration run ended, since the epoch (NaN until then)")
                    .tags(commonTags).strongReference(true).register(registry);
        }

        Counter applied(String outcome) {
            return applied.get(outcome);
        }

        Timer duration(String outcome, boolean transactional) {
            return durations.get(outcome + transactional);
        }

        Timer lockWait(String outcome) {
            return lockWaits.get(outcome);
        }

        Timer run(String outcome) {
            return runTimers.get(outcome);
        }

        Timer ddlLockWait(String outcome) {
            return ddlLockWaits.get(outcome);
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "DrizzleMigrationMetrics[tags=" + commonTags + ", bound=" + (registry != null)
                    + ", runsInProgress=" + runs.size() + "]";
        }
    }

    /** Visible for tests: the number of recordings waiting for {@link #bindTo}. */
    int backlogSize() {
        synchronized (lock) {
            return backlog.size();
        }
    }
}
