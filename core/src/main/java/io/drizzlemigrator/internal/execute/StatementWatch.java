package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.LockBlocker;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationListener;
import io.drizzlemigrator.StatementProgress;
import io.drizzlemigrator.internal.jdbc.ConnectionFactory;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the statement the run's connection is executing, from a daemon thread with a second connection: while it
 * runs longer than a poll interval, who blocks it ({@code pg_blocking_pids}) and, for an index build, REINDEX, VACUUM
 * or CLUSTER, how far it has come. The blockers are read while the wait happens, several times per
 * {@code lock_timeout}, because after the timeout the migrating backend waits for nothing any more and
 * {@code pg_blocking_pids} says nothing.
 *
 * <p>Costs nothing to a statement that ends before its first poll: the thread starts with the run's first statement,
 * the second connection opens at the first poll. {@link #close()} stops both. Nothing it reads is sent for a
 * statement that has ended: events and what {@link #end} returns belong to the statement that was watched.
 */
final class StatementWatch implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    /** A poll that takes longer is cut ({@code statement_timeout} of the second connection). */
    private static final int POLL_TIMEOUT_MS = 5_000;
    private static final long MIN_BLOCK_POLL_MS = 50;
    private static final long MAX_BLOCK_POLL_MS = 1_000;
    static final String THREAD_NAME = "drizzle-migrator-watch";

    private final ConnectionFactory connections;
    private final int backendPid;
    private final MigrationListener events;
    private final long blockPollNanos;
    private final long progressNanos;
    private final Object monitor = new Object();

    // guarded by monitor
    private Watched current;
    private boolean closed;
    /**
     * Whether the watcher waits without a deadline (no statement ran when it last looked). Only then must a new
     * statement wake it: otherwise it wakes at the earlier statement's deadline, which is never later than the new
     * one's, and looks again. So a fast run of statements costs the watcher no wake-up (and the run no thread switch)
     * per statement.
     */
    private boolean idle;
    private Thread thread;

    // used by the watcher thread, and by the migrating thread between statements (terminate): guarded by itself
    private final Object sideLock = new Object();
    private Connection side;
    private boolean sideUnavailable;

    /**
     * @param ddlLockTimeout the {@code lock_timeout} of transactional migrations: blockers are read four times in it
     *                       (every 50 ms to 1 s)
     * @param progressInterval how often progress is read
     */
    StatementWatch(ConnectionFactory connections, int backendPid, MigrationListener events, Duration ddlLockTimeout,
            Duration progressInterval) {
        this.connections = connections;
        this.backendPid = backendPid;
        this.events = events;
        long quarter = ddlLockTimeout.isZero() ? MAX_BLOCK_POLL_MS : ddlLockTimeout.toMillis() / 4;
        this.blockPollNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(MIN_BLOCK_POLL_MS,
                Math.min(MAX_BLOCK_POLL_MS, quarter)));
        this.progressNanos = progressInterval.toNanos();
    }

    /** One statement as watched: what was last seen blocking it. */
    static final class Watched {
        final String tag;
        final int line;
        final String command;
        final WatchQueries.View view;
        final long startNanos;
        // guarded by the watch's monitor until the statement ended; then read by the migrating thread only
        long nextBlockPoll;
        long nextProgress;
        List<WatchQueries.Seen> blockers = List.of();
        long endNanos;

        Watched(String tag, PreparedMigration.Step step, long now, long blockPoll, long progress) {
            this.tag = tag;
            this.line = step.line();
            this.command = step.classification().description();
            this.view = WatchQueries.View.of(command);
            this.startNanos = now;
            this.nextBlockPoll = now + blockPoll;
            this.nextProgress = now + progress;
        }

        /** The sessions last seen blocking the statement, oldest transaction first. */
        List<LockBlocker> blockers() {
            List<LockBlocker> list = new ArrayList<>(blockers.size());
            for (WatchQueries.Seen s : blockers) {
                list.add(s.blocker());
            }
            return list;
        }

        /** How long the statement ran (until now while it runs). */
        Duration duration() {
            return Duration.ofNanos((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos);
        }

        /** The blockers for a log line: each described, or what to do when none was seen. */
        String describeBlockers() {
            if (blockers.isEmpty()) {
                return "no blocking session was seen (the wait was shorter than a poll, or the second connection"
                        + " was refused)";
            }
            StringBuilder s = new StringBuilder("blocked by ");
            for (int i = 0; i < blockers.size(); i++) {
                s.append(i == 0 ? "" : "; ").append(blockers.get(i).blocker().describe());
            }
            return s.toString();
        }
    }

    /** Starts watching the statement about to be sent (and the thread, for the run's first statement). */
    Watched begin(String tag, PreparedMigration.Step step) {
        Watched w = new Watched(tag, step, System.nanoTime(), blockPollNanos, progressNanos);
        synchronized (monitor) {
            current = w;
            if (thread == null && !closed) {
                thread = new Thread(this, THREAD_NAME);
                thread.setDaemon(true);
                thread.start();
            }
            if (idle) {
                monitor.notifyAll();
            }
        }
        return w;
    }

    /**
     * Stops watching the statement. When it succeeded after it was seen blocked, says so (the wait ended with the
     * lock): at INFO, and as a {@link MigrationEvent.DdlLockWait} {@code ACQUIRED}.
     */
    void end(Watched w, boolean succeeded) {
        synchronized (monitor) {
            if (current == w) {
                current = null;
            }
            w.endNanos = System.nanoTime();
        }
        if (succeeded && !w.blockers.isEmpty()) {
            LOG.info("{} line {} got its lock after {} ms; it was {}", w.tag, w.line, w.duration().toMillis(),
                    w.describeBlockers());
            events.onEvent(new MigrationEvent.DdlLockWait(w.tag, w.line, w.duration(),
                    MigrationEvent.DdlLockWaitOutcome.ACQUIRED, w.blockers()));
        }
    }

    /**
     * Terminates the sessions seen blocking {@code w} that are still in the transaction they were seen in and were
     * not themselves queued for a lock ({@code terminateBlockers}). Each termination is logged at WARN.
     */
    void terminateBlockers(Watched w) {
        for (WatchQueries.Seen seen : w.blockers) {
            LockBlocker b = seen.blocker();
            if (b.waitingForLock()) {
                LOG.info("Not terminating pid {}: it was itself waiting for a lock, queued ahead of {} line {}",
                        b.pid(), w.tag, w.line);
                continue;
            }
            synchronized (sideLock) {
                Connection c = side();
                if (c == null) {
                    return;
                }
                try {
                    if (WatchQueries.terminate(c, seen)) {
                        LOG.warn("Terminated pid {} (application \"{}\") that blocked {} line {}: its transaction"
                                + " (open {} ms) rolled back (terminateBlockers=true)", b.pid(), b.applicationName(),
                                w.tag, w.line, b.transactionAge() == null ? "?" : b.transactionAge().toMillis());
                    } else {
                        LOG.info("Did not terminate pid {}: it has left the transaction that blocked {} line {}",
                                b.pid(), w.tag, w.line);
                    }
                } catch (SQLException e) {
                    LOG.warn("Could not terminate pid {} that blocked {} line {}: {} [SQLState {}] (terminating needs"
                            + " the pg_signal_backend role or the blocker's role)", b.pid(), w.tag, w.line,
                            e.getMessage(), e.getSQLState());
                }
            }
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                Watched w;
                boolean readBlockers;
                boolean readProgress;
                synchronized (monitor) {
                    if (closed) {
                        return;
                    }
                    w = current;
                    if (w == null) {
                        idle = true;
                        try {
                            monitor.wait();
                        } finally {
                            idle = false;
                        }
                        continue;
                    }
                    long now = System.nanoTime();
                    long due = w.view == null ? w.nextBlockPoll : Math.min(w.nextBlockPoll, w.nextProgress);
                    if (now < due) {
                        TimeUnit.NANOSECONDS.timedWait(monitor, due - now);
                        continue;
                    }
                    readBlockers = now >= w.nextBlockPoll;
                    readProgress = w.view != null && now >= w.nextProgress;
                    if (readBlockers) {
                        w.nextBlockPoll = now + blockPollNanos;
                    }
                    if (readProgress) {
                        w.nextProgress = now + progressNanos;
                    }
                }
                poll(w, readBlockers, readProgress);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSide();
        }
    }

    private void poll(Watched w, boolean readBlockers, boolean readProgress) {
        List<WatchQueries.Seen> blockers = null;
        StatementProgress progress = null;
        synchronized (sideLock) {
            Connection c = side();
            if (c == null) {
                return;
            }
            try {
                blockers = readBlockers ? WatchQueries.blockers(c, backendPid) : null;
                progress = readProgress ? WatchQueries.progress(c, backendPid, w.view, w.command) : null;
            } catch (SQLException e) {
                LOG.debug("Could not read the state of {} line {} from the second connection: {}", w.tag, w.line,
                        e.getMessage());
            }
        }
        synchronized (monitor) {
            if (current != w) {
                return; // the statement ended meanwhile: what was read may describe what came after it
            }
            if (blockers != null && !blockers.isEmpty()) {
                boolean changed = !samePids(w.blockers, blockers);
                w.blockers = blockers;
                if (changed) {
                    LOG.info("{} line {} waits for a lock; {}", w.tag, w.line, w.describeBlockers());
                }
                events.onEvent(new MigrationEvent.StatementBlocked(w.tag, w.line, w.duration(), w.blockers()));
            }
            if (progress != null) {
                LOG.info("{} line {}: {}: {}", w.tag, w.line, w.command, progress.describe());
                events.onEvent(new MigrationEvent.StatementProgressed(w.tag, w.line, progress));
            }
        }
    }

    private static boolean samePids(List<WatchQueries.Seen> a, List<WatchQueries.Seen> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).blocker().pid() != b.get(i).blocker().pid()) {
                return false;
            }
        }
        return true;
    }

    /** The second connection, opened on first use; null when it cannot be had (said once, at WARN). */
    private Connection side() {
        if (side != null || sideUnavailable) {
            return side;
        }
        try {
            Connection c = connections.open();
            try {
                c.setAutoCommit(true); // each poll its own snapshot of pg_stat_activity
                try (Statement s = c.createStatement()) {
                    s.execute("SET statement_timeout TO " + POLL_TIMEOUT_MS);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            side = c;
        } catch (SQLException | RuntimeException e) {
            sideUnavailable = true;
            LOG.warn("Cannot open a second connection to watch the migration's statements ({}): who blocks a"
                    + " statement and how far an index build has come are not reported in this run", e.getMessage());
        }
        return side;
    }

    private void closeSide() {
        synchronized (sideLock) {
            if (side == null) {
                return;
            }
            try (Statement s = side.createStatement()) {
                s.execute("RESET statement_timeout"); // the connection may go back to a pool
            } catch (SQLException e) {
                LOG.debug("Could not reset the watcher's connection: {}", e.getMessage());
            }
            try {
                side.close();
            } catch (SQLException e) {
                LOG.debug("Could not close the watcher's connection: {}", e.getMessage());
            }
            side = null;
            sideUnavailable = true;
        }
    }

    /** Stops the thread (waiting for it a moment) and closes the second connection. */
    @Override
    public void close() {
        Thread t;
        synchronized (monitor) {
            closed = true;
            current = null;
            t = thread;
            monitor.notifyAll();
        }
        if (t == null) {
            return;
        }
        try {
            // a poll in flight ends within its statement_timeout; the thread is a daemon either way
            t.join(POLL_TIMEOUT_MS + 1_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSide(); // when terminateBlockers opened it and the thread never did
    }
}
