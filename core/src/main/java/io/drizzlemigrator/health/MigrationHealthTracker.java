package io.drizzlemigrator.health;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.ErrorSummary;
import io.drizzlemigrator.LockBlocker;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationListener;
import io.drizzlemigrator.ProcessActivity;
import io.drizzlemigrator.StatementProgress;
import io.drizzlemigrator.VerificationReport;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.health.MigrationHealth.Problem;
import io.drizzlemigrator.health.MigrationHealth.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows runs and status checks of one migrator, as this process sees them, and keeps what the faces show: the
 * {@link MigrationHealth} that health indicators read through {@link #current()}, and the {@link ProcessActivity}
 * (what this process applied, when and how long, the lock, the last run) that the read model
 * ({@link io.drizzlemigrator.StatusView}) shows. It is the one tracker of a process: register it as a listener of the
 * migrator whose state it reports.
 *
 * <pre>{@code
 * MigrationHealthTracker health = new MigrationHealthTracker(true);
 * DrizzleMigrator migrator = DrizzleMigrator.configure().dataSource(dataSource).listener(health).load();
 * migrator.migrate();
 * health.current().isReady();
 * }</pre>
 *
 * <p>Until a run or a status check reports, the state is {@link State#NOT_CHECKED} (not ready). When startup
 * migration is disabled the integration should call {@code status()} once at startup, and its health indicator reads
 * the state again through {@link #refresh(Runnable, Duration)}, which applies the one rule of when to do so
 * ({@link #needsStatusCheck(Duration)}).
 *
 * <p>Thread-safe: events come from migrating threads, each thread's run followed on its own; {@link #current()} may
 * be called from any thread.
 */
public final class MigrationHealthTracker implements MigrationListener {

    /** How often a health indicator reads the state again while it is not known, pending or failed. */
    public static final Duration RECHECK_INTERVAL = Duration.ofSeconds(10);

    private final boolean migratesOnStartup;
    private final Clock clock;
    private final Object lock = new Object();

    // all guarded by lock
    private final Map<Thread, Run> runs = new LinkedHashMap<>();
    private final Map<String, ProcessActivity.Applied> appliedByThisProcess = new HashMap<>();
    private Duration lastWait;
    private MigrationEvent.DdlLockWait lastDdlLockWait;
    private ProcessActivity.LastRun lastRun;
    private Instant checkAttemptedAt;
    private String checkError;
    private State settled = State.NOT_CHECKED;
    private Instant settledSince;
    private MigrationHealth.Failure failure;
    private Instant checkedAt;
    private Integer appliedCount;
    private List<String> pendingTags;
    private String lastApplied;
    private Instant lastAppliedAt;
    private final Map<Problem, List<String>> problems = new EnumMap<>(Problem.class);

    /**
     * @param migratesOnStartup whether the integration applies migrations at startup; false changes the reasons given
     *                          for {@link State#NOT_CHECKED} and {@link State#PENDING} to say what to do instead
     */
    public MigrationHealthTracker(boolean migratesOnStartup) {
        this(migratesOnStartup, Clock.systemUTC());
    }

    MigrationHealthTracker(boolean migratesOnStartup, Clock clock) {
        this.migratesOnStartup = migratesOnStartup;
        this.clock = clock;
        this.settledSince = clock.instant();
    }

    /** Whether the integration applies migrations at startup, as given to the constructor. */
    public boolean migratesOnStartup() {
        return migratesOnStartup;
    }

    @Override
    public void onEvent(MigrationEvent event) {
        Instant now = clock.instant();
        Thread thread = Thread.currentThread();
        synchronized (lock) {
            if (event instanceof MigrationEvent.RunStarted) {
                runs.put(thread, new Run(now));
                lastDdlLockWait = null;
            } else if (event instanceof MigrationEvent.LockWaiting e) {
                Run run = runs.computeIfAbsent(thread, t -> new Run(now));
                if (run.waitStartedAt == null) {
                    run.waitStartedAt = now.minus(e.waited());
                }
                run.holder = e.holder();
            } else if (event instanceof MigrationEvent.LockAcquired e) {
                lastWait = e.waited();
                Run run = runs.computeIfAbsent(thread, t -> new Run(now));
                run.waitStartedAt = null;
                run.holder = null;
                run.lockedAt = now;
            } else if (event instanceof MigrationEvent.StatusRead e) {
                read(e.status(), now);
                if (!runs.containsKey(thread)) {
                    settleFromStatus(now, false);
                }
            } else if (event instanceof MigrationEvent.MigrationStarted e) {
                Run run = runs.computeIfAbsent(thread, t -> new Run(now));
                run.migration = e.tag();
                run.migrationStartedAt = now;
                run.endStatement();
            } else if (event instanceof MigrationEvent.MigrationApplied e) {
                applied(e.migration(), now);
                Run run = runs.get(thread);
                if (run != null) {
                    run.migration = null;
                    run.migrationStartedAt = null;
                    run.endStatement();
                }
            } else if (event instanceof MigrationEvent.MigrationFailed e) {
                Run run = runs.get(thread);
                if (run != null) {
                    run.failedTag = e.tag();
                    run.endStatement();
                }
            } else if (event instanceof MigrationEvent.RunFinished e) {
                Run run = runs.remove(thread);
                lastRun = new ProcessActivity.LastRun(now, true, e.result().appliedCount(), e.result().duration(),
                        e.result().lockWait(), null, run == null ? null : run.verification);
                read(e.result().status(), now);
                settleFromStatus(now, true);
            } else if (event instanceof MigrationEvent.RunFailed e) {
                Run run = runs.remove(thread);
                lastRun = new ProcessActivity.LastRun(now, false, e.applied().size(), e.duration(), null,
                        e.error().getClass().getSimpleName());
                failure = FailureSummary.of(e.error(), run == null ? null : run.failedTag, now);
                settle(State.FAILED, now);
            } else if (event instanceof MigrationEvent.StatementBlocked e) {
                // the watcher's events are tested last: a run that applies nothing never loads their classes; they
                // come from the watcher thread, so the run is found by its migration
                Run run = applying(e.tag());
                if (run != null) {
                    run.blockers = e.blockers();
                    run.blockedLine = e.line();
                }
            } else if (event instanceof MigrationEvent.StatementProgressed e) {
                Run run = applying(e.tag());
                if (run != null) {
                    run.progress = e.progress();
                    run.progressLine = e.line();
                }
            } else if (event instanceof MigrationEvent.DdlLockWait e) {
                lastDdlLockWait = e;
                Run run = runs.get(thread);
                if (run != null) {
                    run.blockers = null;
                }
            } else if (event instanceof MigrationEvent.Verified e) {
                // last: a run without verifyAfterMigrate never gets here, so its start never loads the class
                Run run = runs.get(thread);
                if (run != null) {
                    run.verification = e.report();
                }
            }
        }
    }

    /** The health now. Durations in it are measured up to this call. */
    public MigrationHealth current() {
        Instant now = clock.instant();
        synchronized (lock) {
            MigrationHealth.Builder b = new MigrationHealth.Builder();
            b.now = now;
            b.checkedAt = checkedAt;
            b.appliedCount = appliedCount;
            b.pendingCount = pendingTags == null ? null : pendingTags.size();
            b.lastApplied = lastApplied;
            b.lastAppliedAt = lastAppliedAt;
            b.problems = problems;
            b.checkError = checkError;
            b.lastDdlLockWait = lastDdlLockWait;
            b.verification = lastRun == null || lastRun.verification() == null ? null
                    : lastRun.verification().toMap();
            Run active = activeRun();
            if (active != null && active.waitStartedAt != null && active.lockedAt == null) {
                b.state = State.WAITING_FOR_LOCK;
                b.since = active.waitStartedAt;
                b.runStartedAt = active.startedAt;
                b.lockHolder = active.holder;
                b.waitStartedAt = active.waitStartedAt;
                b.reason = "Waiting " + Duration.between(active.waitStartedAt, now).toSeconds()
                        + " s for the migration lock held by " + active.holder;
            } else if (active != null) {
                b.state = State.MIGRATING;
                b.since = active.startedAt;
                b.runStartedAt = active.startedAt;
                b.currentMigration = active.migration;
                b.migrationStartedAt = active.migrationStartedAt;
                b.blockers = active.blockers;
                b.blockedLine = active.blockedLine;
                b.progress = active.progress;
                b.progressLine = active.progressLine;
                b.reason = active.migration == null ? "A migration run is in progress"
                        : "Applying " + active.migration + statementReason(active);
            } else {
                b.state = settled;
                b.since = settledSince;
                b.failure = settled == State.FAILED ? failure : null;
                b.reason = settledReason();
            }
            return b.build();
        }
    }

    /**
     * The one rule of when an integration reads the state again with {@code status()}: only while it is not known,
     * pending or failed (nothing running; migrations applied elsewhere may have made it current), and at most every
     * {@code interval} since the last read or attempt.
     */
    public boolean needsStatusCheck(Duration interval) {
        Instant now = clock.instant();
        synchronized (lock) {
            if (activeRun() != null || settled == State.UP) {
                return false;
            }
            Instant last = checkedAt;
            if (checkAttemptedAt != null && (last == null || checkAttemptedAt.isAfter(last))) {
                last = checkAttemptedAt;
            }
            return last == null || Duration.between(last, now).compareTo(interval) >= 0;
        }
    }

    /**
     * The health now, after running {@code statusCheck} (a {@code status()} call of the tracked migrator) if
     * {@link #needsStatusCheck(Duration)} says so. A check that fails is shown as {@code checkError} in the details
     * (masked by {@link ErrorSummary}) until a later read succeeds; it does not change the state.
     */
    public MigrationHealth refresh(Runnable statusCheck, Duration interval) {
        if (needsStatusCheck(interval)) {
            Instant now = clock.instant();
            String error = null;
            try {
                statusCheck.run();
            } catch (DrizzleMigratorException e) {
                ErrorSummary s = ErrorSummary.of(e, null);
                error = s.type() + ": " + s.message();
            }
            synchronized (lock) {
                checkAttemptedAt = now;
                if (error != null) {
                    checkError = error;
                }
            }
        }
        return current();
    }

    /** What this process saw of the runs: the migrations it applied, the lock as it knows it, the last run. */
    public ProcessActivity activity() {
        Instant now = clock.instant();
        synchronized (lock) {
            ProcessActivity.Lock lockState = new ProcessActivity.Lock(ProcessActivity.LockState.IDLE, null, null,
                    lastWait);
            Run active = activeRun();
            if (active != null && active.lockedAt != null) {
                lockState = new ProcessActivity.Lock(ProcessActivity.LockState.HELD, null, null, lastWait);
            } else if (active != null && active.waitStartedAt != null) {
                lockState = new ProcessActivity.Lock(ProcessActivity.LockState.WAITING, active.holder,
                        Duration.between(active.waitStartedAt, now), lastWait);
            }
            return new ProcessActivity(migratesOnStartup, appliedByThisProcess, lockState, lastRun);
        }
    }

    /** What the statement running now waits for, or how far it has come: ", line 12 waits for a lock held by ...". */
    private static String statementReason(Run run) {
        if (run.blockers != null && !run.blockers.isEmpty()) {
            StringBuilder s = new StringBuilder(", line ").append(run.blockedLine).append(" waits for a lock held by");
            for (LockBlocker b : run.blockers) {
                s.append(" pid ").append(b.pid()).append(" (\"").append(b.applicationName()).append("\")");
            }
            return s.toString();
        }
        if (run.progress != null) {
            return ", line " + run.progressLine + ": " + run.progress.command() + " " + run.progress.describe();
        }
        return "";
    }

    /** The run applying migration {@code tag} (for events of the watcher thread), or null. */
    private Run applying(String tag) {
        for (Run run : runs.values()) {
            if (tag.equals(run.migration)) {
                return run;
            }
        }
        return null;
    }

    /** The run to report: one holding the lock before one waiting for it, the oldest first. */
    private Run activeRun() {
        Run waiting = null;
        for (Run run : runs.values()) {
            if (run.lockedAt != null || run.waitStartedAt == null) {
                return run;
            }
            if (waiting == null) {
                waiting = run;
            }
        }
        return waiting;
    }

    private String settledReason() {
        int pending = pendingTags == null ? 0 : pendingTags.size();
        switch (settled) {
            case NOT_CHECKED:
                return migratesOnStartup ? "Migrations have not run yet"
                        : "Not checked yet: startup migration is disabled and no status check has run";
            case UP:
                return "The database is up to date with this build's migrations" + problemSummary();
            case PENDING:
                return pending + (pending == 1 ? " migration is" : " migrations are") + " pending"
                        + (migratesOnStartup ? " and no migration run is in progress"
                                : " and startup migration is disabled: apply them (drizzle-migrator migrate,"
                                        + " or a deploy job) before this build takes traffic");
            case FAILED:
                return "The last migration run failed" + (failure.tag() == null ? "" : " in " + failure.tag())
                        + ": " + failure.message();
            default:
                throw new IllegalStateException("not a settled state: " + settled);
        }
    }

    private String problemSummary() {
        if (problems.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        problems.forEach((kind, tags) -> parts.add(tags.size() + " " + switch (kind) {
            case OUT_OF_ORDER -> "out of order";
            case EDITED -> "edited";
            case UNKNOWN -> "unknown to this build";
        }));
        return " (" + String.join(", ", parts) + ")";
    }

    private void read(StatusReport status, Instant now) {
        checkedAt = now;
        appliedCount = status.applied().size();
        pendingTags = new ArrayList<>(tags(status.pending()));
        checkError = null;
        problems.clear();
        putProblem(Problem.OUT_OF_ORDER, status.outOfOrder());
        putProblem(Problem.EDITED, status.edited());
        putProblem(Problem.UNKNOWN, status.unknown());
        MigrationInfo last = status.lastApplied().orElse(null);
        lastApplied = last == null ? null : last.tag();
        lastAppliedAt = last == null ? null
                : last.appliedTime().orElseGet(() -> appliedAt(last.tag()));
    }

    private void putProblem(Problem kind, List<MigrationInfo> migrations) {
        if (!migrations.isEmpty()) {
            problems.put(kind, new ArrayList<>(tags(migrations)));
        }
    }

    private static List<String> tags(List<MigrationInfo> migrations) {
        return migrations.stream().map(MigrationInfo::tag).toList();
    }

    private Instant appliedAt(String tag) {
        ProcessActivity.Applied mine = appliedByThisProcess.get(tag);
        return mine == null ? null : mine.at();
    }

    private void applied(AppliedMigration migration, Instant now) {
        String tag = migration.tag();
        appliedByThisProcess.put(tag, new ProcessActivity.Applied(now, migration.duration(),
                migration.transactional()));
        if (appliedCount != null) {
            appliedCount++;
        }
        boolean wasPending = pendingTags != null && pendingTags.remove(tag);
        List<String> outOfOrder = problems.get(Problem.OUT_OF_ORDER);
        if (outOfOrder != null && outOfOrder.remove(tag) && outOfOrder.isEmpty()) {
            problems.remove(Problem.OUT_OF_ORDER);
        }
        if (wasPending || pendingTags == null) {
            lastApplied = tag;
            lastAppliedAt = now;
        }
    }

    /**
     * After a successful run, or a status read outside a run: up to date, or pending. A status check does not clear a
     * failure while migrations are still pending (the failed run's error says more than "pending").
     */
    private void settleFromStatus(Instant now, boolean afterRun) {
        if (!afterRun && settled == State.FAILED && !pendingTags.isEmpty()) {
            return;
        }
        failure = null;
        settle(pendingTags.isEmpty() ? State.UP : State.PENDING, now);
    }

    private void settle(State state, Instant now) {
        if (state != settled || state == State.FAILED) {
            settled = state;
            settledSince = now;
        }
    }

    @Override
    public String toString() {
        return "MigrationHealthTracker[" + current().state() + "]";
    }

    /** One thread's run in progress. */
    private static final class Run {
        final Instant startedAt;
        Instant lockedAt;
        Instant waitStartedAt;
        String holder;
        String migration;
        Instant migrationStartedAt;
        String failedTag;
        /** Who blocks the statement running now, while it waits; null otherwise. */
        List<LockBlocker> blockers;
        int blockedLine;
        /** How far the long statement of the migration has come, when it reported. */
        StatementProgress progress;
        int progressLine;
        VerificationReport verification;

        Run(Instant startedAt) {
            this.startedAt = startedAt;
        }

        void endStatement() {
            blockers = null;
            progress = null;
        }
    }
}
