package io.drizzlemigrator;

import io.drizzlemigrator.lint.LintFinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What {@code migrate} would do, for review before merge: the migrations it would apply, each cut into the segments
 * the executor runs (in a transaction or outside one), and for each statement its line, its kind, the tables it
 * touches with their live size, the lock modes it takes on each (derived from PostgreSQL's lock table, and with
 * {@link DrizzleMigrator#plan(Trace)} also measured on a scratch database), whether it rewrites or scans a table,
 * and the lint findings on it. Edited, out-of-order and unknown migrations are listed with their state. Read by
 * {@link DrizzleMigrator#plan()} without the migration lock and without writing anything.
 *
 * <p>{@link #toMap()} is the one JSON-ready shape the CLI's {@code plan --format json} prints.
 *
 * @param location   the folder, as configured
 * @param table      the bookkeeping table, schema-qualified
 * @param traced     whether locks were also measured on a scratch database
 * @param migrations every migration that is not applied as it is in the folder: pending, out of order, edited,
 *                   unknown (in folder order, unknown rows last)
 * @param status     the state the plan was made from, as {@link DrizzleMigrator#status()} reports it (for the
 *                   problems a face weighs with {@link Problems#of})
 * @param oneTransaction the run is one transaction ({@link TransactionMode#ALL_IN_ONE}): every lock of every
 *                   segment is held until the last migration commits
 */
public record MigrationPlan(String location, String table, boolean traced, List<Migration> migrations,
        StatusReport status, boolean oneTransaction) {

    /** Where the lock modes of a statement come from. */
    public static final String DERIVED = "derived";
    /** Measured on a scratch database by {@code plan --trace}. */
    public static final String TRACED = "traced";

    public MigrationPlan {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(table, "table");
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(status, "status");
    }

    /** How to measure locks: not at all, on a scratch database the tool creates, or on one given by its URL. */
    public record Trace(boolean enabled, String scratchUrl) {

        /** Derive only (what {@link DrizzleMigrator#plan()} does). */
        public static Trace none() {
            return new Trace(false, null);
        }

        /**
         * Measure on a database the tool creates beside the target (same server, a unique name) and drops at the end.
         * Needs the {@code CREATEDB} privilege.
         */
        public static Trace scratchDatabase() {
            return new Trace(true, null);
        }

        /** Measure on this empty database (a JDBC or libpq URL; it is filled, and neither emptied nor dropped). */
        public static Trace scratchUrl(String url) {
            return new Trace(true, Objects.requireNonNull(url, "url"));
        }
    }

    /**
     * A migration of the plan.
     *
     * @param segments empty unless {@code migrate} would run it: pending ones, and out-of-order ones when the
     *                 out-of-order policy is {@code APPLY}
     * @param lint     findings on the file that are on no statement of it (its header, its rollback file)
     */
    public record Migration(String tag, String file, MigrationState state, List<Segment> segments,
            List<LintFinding> lint) {

        public Migration {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(state, "state");
            segments = List.copyOf(segments);
            lint = List.copyOf(lint);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tag", tag);
            Views.put(m, "file", file);
            m.put("state", state.name().toLowerCase(Locale.ROOT));
            m.put("segments", maps(segments, Segment::toMap));
            m.put("lint", lintList(lint));
            return Collections.unmodifiableMap(m);
        }
    }

    /** Statements that run together: in one transaction (locks held to its commit), or each in autocommit. */
    public record Segment(boolean transactional, List<Statement> statements) {

        public Segment {
            statements = List.copyOf(statements);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transactional", transactional);
            m.put("statements", maps(statements, Statement::toMap));
            return Collections.unmodifiableMap(m);
        }
    }

    /**
     * One statement.
     *
     * @param file          its file, relative to the folder
     * @param line          its first line in the file
     * @param kind          what it does, such as {@code ALTER TABLE ADD COLUMN} or {@code CREATE INDEX CONCURRENTLY}
     * @param sql           its first 200 characters
     * @param relations     the tables it touches, with their size now
     * @param locks         the lock modes on each table: derived, and traced when the plan was traced
     * @param rewrite       derived: it rewrites a table (every row copied, under its lock)
     * @param scan          derived: it reads every row of a table (a check, an index build) under its lock
     * @param tracedRewrite measured: the table's file changed ({@code relfilenode}); null when not traced
     * @param traceError    why the statement could not be traced (it failed on the scratch database), or null
     * @param lint          the lint findings on its lines
     */
    public record Statement(String file, int line, String kind, String sql, List<Relation> relations, List<Lock> locks,
            boolean rewrite, boolean scan, Boolean tracedRewrite, String traceError, List<LintFinding> lint) {

        /** How many characters of a statement the plan shows. */
        public static final int SQL_CHARS = 200;

        public Statement {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sql, "sql");
            relations = List.copyOf(relations);
            locks = List.copyOf(locks);
            lint = List.copyOf(lint);
        }

        /** The locks of one source ({@link #DERIVED} or {@link #TRACED}). */
        public List<Lock> locks(String source) {
            return locks.stream().filter(l -> l.source().equals(source)).toList();
        }

        /**
         * Whether the application can be kept waiting by {@code lock}: it blocks writes (or reads and writes) on a
         * table that exists in the target now. A table the plan creates first is used by no session yet, so its
         * locks keep nobody waiting. A relation the plan did not size counts as existing.
         */
        public boolean keepsTheApplicationWaiting(Lock lock) {
            if (!lock.blocksWrites() && !lock.blocksReads()) {
                return false;
            }
            for (Relation r : relations) {
                if (r.name().equals(lock.relation())) {
                    return r.exists();
                }
            }
            return true;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file);
            m.put("line", line);
            m.put("kind", kind);
            m.put("sql", sql);
            m.put("rewrite", rewrite);
            m.put("scan", scan);
            Views.put(m, "tracedRewrite", tracedRewrite);
            Views.put(m, "traceError", traceError);
            m.put("relations", maps(relations, Relation::toMap));
            m.put("locks", maps(locks, Lock::toMap));
            m.put("lint", lintList(lint));
            return Collections.unmodifiableMap(m);
        }
    }

    /**
     * A table a statement touches.
     *
     * @param name       {@code schema.table}
     * @param exists     whether it exists in the target now; false: the plan creates it first (or it is unknown)
     * @param rows       {@code pg_class.reltuples} (an estimate; -1 for a table never analyzed), null when absent
     * @param totalBytes {@code pg_total_relation_size} (indexes and TOAST included), null when absent
     */
    public record Relation(String name, boolean exists, Long rows, Long totalBytes) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("exists", exists);
            Views.put(m, "rows", rows);
            Views.put(m, "totalBytes", totalBytes);
            return Collections.unmodifiableMap(m);
        }
    }

    /**
     * A lock mode taken on a table.
     *
     * @param relation     {@code schema.table}
     * @param mode         as {@code pg_locks.mode} names it, such as {@code AccessExclusiveLock}
     * @param source       {@link #DERIVED} or {@link #TRACED}
     * @param blocksReads  whether sessions reading the table wait while it is held
     * @param blocksWrites whether sessions writing the table wait while it is held
     */
    public record Lock(String relation, String mode, String source, boolean blocksReads, boolean blocksWrites) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("relation", relation);
            m.put("mode", mode);
            m.put("source", source);
            m.put("blocksReads", blocksReads);
            m.put("blocksWrites", blocksWrites);
            return Collections.unmodifiableMap(m);
        }
    }

    /** The migrations of one state. */
    public List<Migration> withState(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).toList();
    }

    /** Whether {@code migrate} would apply nothing (nothing pending; out-of-order ones are listed apart). */
    public boolean isEmpty() {
        return withState(MigrationState.PENDING).isEmpty();
    }

    /** How many migrations of the plan are in each state that is not applied. */
    public Map<MigrationState, Integer> counts() {
        Map<MigrationState, Integer> counts = new EnumMap<>(MigrationState.class);
        for (MigrationState s : List.of(MigrationState.PENDING, MigrationState.OUT_OF_ORDER, MigrationState.EDITED,
                MigrationState.UNKNOWN)) {
            counts.put(s, withState(s).size());
        }
        return Collections.unmodifiableMap(counts);
    }

    /** The JSON-ready shape: location, table, traced, counts, migrations (segments, statements, locks). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("location", location);
        m.put("table", table);
        m.put("traced", traced);
        m.put("oneTransaction", oneTransaction);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("pending", counts().get(MigrationState.PENDING));
        c.put("outOfOrder", counts().get(MigrationState.OUT_OF_ORDER));
        c.put("edited", counts().get(MigrationState.EDITED));
        c.put("unknown", counts().get(MigrationState.UNKNOWN));
        m.put("counts", Collections.unmodifiableMap(c));
        m.put("migrations", maps(migrations, Migration::toMap));
        return Collections.unmodifiableMap(m);
    }

    private static <T> List<Object> maps(List<T> items, Function<T, Map<String, Object>> toMap) {
        List<Object> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(toMap.apply(item));
        }
        return Collections.unmodifiableList(out);
    }

    private static List<Object> lintList(List<LintFinding> findings) {
        List<Object> out = new ArrayList<>();
        for (LintFinding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("severity", f.severity().id());
            m.put("line", f.line());
            m.put("message", f.message());
            out.add(Collections.unmodifiableMap(m));
        }
        return Collections.unmodifiableList(out);
    }
}
