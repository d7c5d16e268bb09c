package io.drizzlemigrator.health;

import io.drizzlemigrator.LockBlocker;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.StatementProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable snapshot of the migration state of one database, as a {@link MigrationHealthTracker} last saw it. It
 * is what framework health indicators adapt: {@link #state()} for the status, {@link #isReady()} and
 * {@link #isAlive()} for the probes, {@link #details()} for the body.
 *
 * <p>Holds no SQL text of the migrations and no credentials. The only query text is that of a session blocking a
 * migration ({@link LockBlocker#query()}), with every literal masked. Errors are reduced to their type, the
 * migration's tag, the SQLState and one line of text cut to {@value #MAX_MESSAGE_LENGTH} characters (see
 * {@link Failure}).
 */
public final class MigrationHealth {

    /** Longest error message kept, in characters. */
    public static final int MAX_MESSAGE_LENGTH = io.drizzlemigrator.ErrorSummary.MAX_LENGTH;
    /** Most tags listed per problem kind in {@link #problems()}; {@link #problemCounts()} has the full counts. */
    public static final int MAX_PROBLEM_TAGS = 10;

    /** Where migrations stand. Only {@link #UP} is ready; every state is alive (see {@link #isAlive()}). */
    public enum State {
        /**
         * Nothing known yet: no run and no status check has reported. Not ready: the schema may be behind the code.
         */
        NOT_CHECKED,
        /** The database is at or ahead of this build's folder: nothing pending. Problems may still be listed. */
        UP,
        /** A run is in progress and holds the lock ({@link #currentMigration()} is what it applies now). */
        MIGRATING,
        /** A run waits for the advisory lock held by another runner ({@link #lockHolder()}). */
        WAITING_FOR_LOCK,
        /** Migrations of this folder are not applied and no run is in progress (for example startup migration is off). */
        PENDING,
        /** The last run failed ({@link #failure()}); the database has not been seen up to date since. */
        FAILED;

        /** Whether a service in this state should receive traffic: only when its schema is current. */
        public boolean isReady() {
            return this == UP;
        }
    }

    /** Kinds of disagreement between the folder and the database that do not by themselves block readiness. */
    public enum Problem {
        /** Not applied although a newer migration is (merged late); the run's out-of-order policy decides. */
        OUT_OF_ORDER,
        /** Applied, but the file changed since. */
        EDITED,
        /** A row that matches no migration of this build's folder (the database is ahead, or the folder lost one). */
        UNKNOWN
    }

    /**
     * Why the last run failed, without SQL text or credentials.
     *
     * @param errorType the exception's simple class name, e.g. {@code MigrationFailedException}
     * @param tag the migration that failed, or null when the run failed outside a migration (lock, connection)
     * @param sqlState the server's SQLState, or null when none is known
     * @param message one line, at most {@value #MAX_MESSAGE_LENGTH} characters: for a failed migration its file, line
     *                and the first line of the server's error; else the first line of the error's message
     * @param leftBehind for a failed migration, what it left in the database (e.g. "rolled back, nothing recorded"),
     *                   else null
     * @param at when the failure was seen
     */
    public record Failure(String errorType, String tag, String sqlState, String message, String leftBehind,
            Instant at) {

        public Failure {
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }

    private final State state;
    private final String reason;
    private final Instant since;
    private final Instant now;
    private final Instant checkedAt;
    private final Integer appliedCount;
    private final Integer pendingCount;
    private final String lastApplied;
    private final Instant lastAppliedAt;
    private final Map<Problem, Integer> problemCounts;
    private final Map<Problem, List<String>> problems;
    private final String currentMigration;
    private final Instant migrationStartedAt;
    private final Instant runStartedAt;
    private final String lockHolder;
    private final Instant waitStartedAt;
    private final Failure failure;
    private final String checkError;
    private final List<LockBlocker> blockers;
    private final int blockedLine;
    private final StatementProgress progress;
    private final int progressLine;
    private final MigrationEvent.DdlLockWait lastDdlLockWait;
    private final Map<String, Object> verification;

    MigrationHealth(Builder b) {
        this.state = Objects.requireNonNull(b.state, "state");
        this.reason = Objects.requireNonNull(b.reason, "reason");
        this.since = Objects.requireNonNull(b.since, "since");
        this.now = Objects.requireNonNull(b.now, "now");
        this.checkedAt = b.checkedAt;
        this.appliedCount = b.appliedCount;
        this.pendingCount = b.pendingCount;
        this.lastApplied = b.lastApplied;
        this.lastAppliedAt = b.lastAppliedAt;
        EnumMap<Problem, Integer> counts = new EnumMap<>(Problem.class);
        EnumMap<Problem, List<String>> tags = new EnumMap<>(Problem.class);
        b.problems.forEach((kind, list) -> {
            if (!list.isEmpty()) {
                counts.put(kind, list.size());
                tags.put(kind, List.copyOf(list.subList(0, Math.min(list.size(), MAX_PROBLEM_TAGS))));
            }
        });
        this.problemCounts = Collections.unmodifiableMap(counts);
        this.problems = Collections.unmodifiableMap(tags);
        this.currentMigration = b.currentMigration;
        this.migrationStartedAt = b.migrationStartedAt;
        this.runStartedAt = b.runStartedAt;
        this.lockHolder = b.lockHolder;
        this.waitStartedAt = b.waitStartedAt;
        this.failure = b.failure;
        this.checkError = b.checkError;
        this.blockers = b.blockers == null ? List.of() : List.copyOf(b.blockers);
        this.blockedLine = b.blockedLine;
        this.progress = b.progress;
        this.progressLine = b.progressLine;
        this.lastDdlLockWait = b.lastDdlLockWait;
        this.verification = b.verification;
    }

    /** Where migrations stand. */
    public State state() {
        return state;
    }

    /** One sentence for a person: what the state means here and, when it is not {@link State#UP}, what to do. */
    public String reason() {
        return reason;
    }

    /** When the current state was entered. */
    public Instant since() {
        return since;
    }

    /** When this snapshot was taken. */
    public Instant takenAt() {
        return now;
    }

    /** When the database's bookkeeping table was last read (by a run or a status check). */
    public Optional<Instant> checkedAt() {
        return Optional.ofNullable(checkedAt);
    }

    /** How many migrations of this folder have a row (applied or edited), once the state has been read. */
    public OptionalInt appliedCount() {
        return appliedCount == null ? OptionalInt.empty() : OptionalInt.of(appliedCount);
    }

    /** How many migrations of this folder are pending, once the state has been read. */
    public OptionalInt pendingCount() {
        return pendingCount == null ? OptionalInt.empty() : OptionalInt.of(pendingCount);
    }

    /** The newest applied migration of this folder (journal order). */
    public Optional<String> lastApplied() {
        return Optional.ofNullable(lastApplied);
    }

    /** When {@link #lastApplied()} was applied: from the table when it records it, else when this process applied it. */
    public Optional<Instant> lastAppliedAt() {
        return Optional.ofNullable(lastAppliedAt);
    }

    /** How many migrations are in each problem state (kinds with none are absent). */
    public Map<Problem, Integer> problemCounts() {
        return problemCounts;
    }

    /** The tags in each problem state, at most {@value #MAX_PROBLEM_TAGS} per kind (kinds with none are absent). */
    public Map<Problem, List<String>> problems() {
        return problems;
    }

    /** {@link State#MIGRATING}: the migration being applied now, if one is (not while reading the state). */
    public Optional<String> currentMigration() {
        return Optional.ofNullable(currentMigration);
    }

    /** {@link State#MIGRATING}: how long {@link #currentMigration()} has been running. */
    public Optional<Duration> currentMigrationDuration() {
        return Optional.ofNullable(migrationStartedAt).map(t -> Duration.between(t, now));
    }

    /** {@link State#MIGRATING} or {@link State#WAITING_FOR_LOCK}: how long the run has lasted, lock wait included. */
    public Optional<Duration> runDuration() {
        return Optional.ofNullable(runStartedAt).map(t -> Duration.between(t, now));
    }

    /** {@link State#WAITING_FOR_LOCK}: who holds the lock (pid, application name, client address, since when). */
    public Optional<String> lockHolder() {
        return Optional.ofNullable(lockHolder);
    }

    /** {@link State#WAITING_FOR_LOCK}: how long this run has waited. */
    public Optional<Duration> lockWaitDuration() {
        return Optional.ofNullable(waitStartedAt).map(t -> Duration.between(t, now));
    }

    /**
     * {@link State#MIGRATING}: the sessions blocking the statement running now ({@code pg_blocking_pids}), while it
     * waits for a lock; empty otherwise.
     */
    public List<LockBlocker> blockedBy() {
        return blockers;
    }

    /** {@link State#MIGRATING}: how far the current migration's index build, REINDEX or VACUUM has come. */
    public Optional<StatementProgress> progress() {
        return Optional.ofNullable(progress);
    }

    /**
     * The last wait of a migration's statement for a lock that ended in this run or the last one: retried, acquired
     * or given up, and who blocked it.
     */
    public Optional<MigrationEvent.DdlLockWait> lastDdlLockWait() {
        return Optional.ofNullable(lastDdlLockWait);
    }

    /** {@link State#FAILED}: why. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** Why the last attempt to read the state again failed, if it did and no read succeeded since (masked, one line). */
    /**
     * With {@code verifyAfterMigrate}: the last successful run's verification ({@link
     * io.drizzlemigrator.VerificationReport#toMap()}); empty otherwise.
     */
    public Optional<Map<String, Object>> verification() {
        return Optional.ofNullable(verification);
    }

    public Optional<String> checkError() {
        return Optional.ofNullable(checkError);
    }

    /**
     * Readiness: only {@link State#UP} is ready. A run in progress, a lock wait, pending migrations, a failed run and
     * an unchecked database all keep traffic away, because the schema may not match the code yet.
     */
    public boolean isReady() {
        return state.isReady();
    }

    /**
     * Liveness: always true. No migration state shows that the process is broken: a long migration or lock wait
     * ends by itself (bounded by {@code lockTimeout}), and restarting a process whose migration failed re-runs the
     * same migration. A failed startup migration already fails startup (the exception ends it); a failure seen later
     * is reported through readiness and {@link #failure()}.
     */
    public boolean isAlive() {
        return true;
    }

    /**
     * The details for a health endpoint body, in a stable order, with JSON-friendly values (strings, numbers, lists,
     * maps; instants and durations as ISO-8601 strings). Absent facts are left out.
     */
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("state", state.name());
        d.put("reason", reason);
        d.put("since", since.toString());
        put(d, "checkedAt", checkedAt);
        put(d, "applied", appliedCount);
        put(d, "pending", pendingCount);
        put(d, "lastApplied", lastApplied);
        put(d, "lastAppliedAt", lastAppliedAt);
        put(d, "migration", currentMigration);
        put(d, "migrationDuration", currentMigrationDuration().orElse(null));
        put(d, "runDuration", runDuration().orElse(null));
        put(d, "lockHolder", lockHolder);
        put(d, "lockWaitDuration", lockWaitDuration().orElse(null));
        if (!blockers.isEmpty()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("line", blockedLine);
            w.put("blockers", blockerMaps(blockers));
            d.put("blockedBy", Collections.unmodifiableMap(w));
        }
        if (progress != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("line", progressLine);
            p.putAll(progress.toMap());
            d.put("progress", Collections.unmodifiableMap(p));
        }
        if (lastDdlLockWait != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("migration", lastDdlLockWait.tag());
            w.put("line", lastDdlLockWait.line());
            w.put("outcome", lastDdlLockWait.outcome().name().toLowerCase(java.util.Locale.ROOT));
            put(w, "waited", lastDdlLockWait.waited());
            w.put("blockers", blockerMaps(lastDdlLockWait.blockers()));
            d.put("lastDdlLockWait", Collections.unmodifiableMap(w));
        }
        if (!problems.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>();
            problems.forEach((kind, tags) -> p.put(kind.name().toLowerCase(java.util.Locale.ROOT),
                    Map.of("count", problemCounts.get(kind), "tags", tags)));
            d.put("problems", Collections.unmodifiableMap(p));
        }
        if (failure != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("error", failure.errorType());
            put(f, "migration", failure.tag());
            put(f, "sqlState", failure.sqlState());
            f.put("message", failure.message());
            put(f, "leftBehind", failure.leftBehind());
            f.put("at", failure.at().toString());
            d.put("failure", Collections.unmodifiableMap(f));
        }
        put(d, "checkError", checkError);
        put(d, "verification", verification);
        return Collections.unmodifiableMap(d);
    }

    private static List<Map<String, Object>> blockerMaps(List<LockBlocker> list) {
        return list.stream().map(LockBlocker::toMap).toList();
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value instanceof Instant || value instanceof Duration) {
            map.put(key, value.toString());
        } else if (value != null) {
            map.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "MigrationHealth" + details();
    }

    /** Assembles a snapshot; used by the tracker. */
    static final class Builder {
        State state;
        String reason;
        Instant since;
        Instant now;
        Instant checkedAt;
        Integer appliedCount;
        Integer pendingCount;
        String lastApplied;
        Instant lastAppliedAt;
        Map<Problem, List<String>> problems = Map.of();
        String currentMigration;
        Instant migrationStartedAt;
        Instant runStartedAt;
        String lockHolder;
        Instant waitStartedAt;
        Failure failure;
        String checkError;
        List<LockBlocker> blockers;
        int blockedLine;
        StatementProgress progress;
        int progressLine;
        MigrationEvent.DdlLockWait lastDdlLockWait;
        Map<String, Object> verification;

        MigrationHealth build() {
            return new MigrationHealth(this);
        }
    }
}
