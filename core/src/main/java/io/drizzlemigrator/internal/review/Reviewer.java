package io.drizzlemigrator.internal.review;

import io.drizzlemigrator.MigrationPlan;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.internal.plan.Plan;
import io.drizzlemigrator.internal.history.HistoryRow;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.lint.LintFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the public {@link MigrationPlan} from the folder matched against the table: the migrations {@code migrate}
 * would run, cut into the executor's segments ({@link PreparedMigration#segments()}), each statement derived in run
 * order against the target's {@link Catalog}, with its lint findings and, when traced, what the {@link Tracer}
 * measured.
 */
public final class Reviewer {

    private final Catalog catalog;
    private final Derivation derivation;

    public Reviewer(Catalog catalog) {
        this.catalog = catalog;
        this.derivation = new Derivation(catalog);
    }

    /**
     * @param oneTransaction the run is one transaction (transaction mode ALL_IN_ONE)
     * @param toRun    the tags of the migrations {@code migrate} would run (pending ones, and out-of-order ones when
     *                 their policy applies them): only these get segments
     * @param prepared the migrations' statements (lexed once per run)
     * @param lint     the lint findings on the migrations to run
     * @param traced   by tag and statement number, what the trace measured; null when not traced
     */
    public MigrationPlan review(StatusReport status, boolean oneTransaction, Plan plan, Set<String> toRun,
            Function<MigrationFile, PreparedMigration> prepared, List<LintFinding> lint,
            Map<String, Map<Integer, Traced>> traced) {
        List<MigrationPlan.Migration> migrations = new ArrayList<>();
        for (Plan.Entry e : plan.entries()) {
            MigrationFile m = e.migration();
            switch (e.state()) {
                case PENDING, OUT_OF_ORDER, EDITED -> migrations.add(toRun.contains(m.tag())
                        ? migration(m, e.state(), prepared.apply(m), lint, traced == null ? null
                                : traced.getOrDefault(m.tag(), Map.of()))
                        : new MigrationPlan.Migration(m.tag(), m.file(), e.state(), List.of(), List.of()));
                default -> {
                }
            }
        }
        for (HistoryRow row : plan.unknownRows()) {
            migrations.add(new MigrationPlan.Migration(row.name() != null ? row.name() : "<unknown id " + row.id()
                    + ">", null, MigrationState.UNKNOWN, List.of(), List.of()));
        }
        return new MigrationPlan(status.location(), status.table(), traced != null, migrations, status,
                oneTransaction);
    }

    private MigrationPlan.Migration migration(MigrationFile m, MigrationState state, PreparedMigration p,
            List<LintFinding> lint, Map<Integer, Traced> traced) {
        List<LintFinding> ofFile = new ArrayList<>();
        for (LintFinding f : lint) {
            if (f.file().equals(m.file())) {
                ofFile.add(f);
            }
        }
        List<LintFinding> unplaced = new ArrayList<>(ofFile);
        List<MigrationPlan.Segment> segments = new ArrayList<>();
        List<PreparedMigration.Step> all = p.statements();
        for (PreparedMigration.Segment segment : p.segments()) {
            List<MigrationPlan.Statement> statements = new ArrayList<>();
            for (PreparedMigration.Step step : segment.statements()) {
                List<LintFinding> mine = new ArrayList<>();
                int next = step.number() < all.size() ? all.get(step.number()).line() : Integer.MAX_VALUE;
                for (LintFinding f : ofFile) {
                    if (f.line() >= step.line() && f.line() < Math.max(next, step.line() + 1)) {
                        mine.add(f);
                        unplaced.remove(f);
                    }
                }
                statements.add(statement(m.file(), step, mine, traced == null ? null : traced.get(step.number())));
            }
            segments.add(new MigrationPlan.Segment(segment.transactional(), statements));
        }
        return new MigrationPlan.Migration(m.tag(), m.file(), state, segments, unplaced);
    }

    private MigrationPlan.Statement statement(String file, PreparedMigration.Step step, List<LintFinding> lint,
            Traced traced) {
        Derived d = derivation.derive(step.statement(), step.classification().description());
        List<String> names = new ArrayList<>(d.locks().keySet());
        List<MigrationPlan.Lock> locks = new ArrayList<>();
        add(locks, d.locks(), MigrationPlan.DERIVED);
        if (traced != null) {
            add(locks, traced.locks(), MigrationPlan.TRACED);
            for (String name : traced.locks().keySet()) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        List<MigrationPlan.Relation> relations = new ArrayList<>();
        for (String name : names) {
            Catalog.Relation r = catalog.live(name);
            boolean live = r != null;
            relations.add(new MigrationPlan.Relation(name, live, live ? r.rows() : null,
                    live ? r.totalBytes() : null));
        }
        String sql = step.sql().strip();
        if (sql.length() > MigrationPlan.Statement.SQL_CHARS) {
            sql = sql.substring(0, MigrationPlan.Statement.SQL_CHARS);
        }
        return new MigrationPlan.Statement(file, step.line(), d.kind(), sql, relations, locks, d.rewrite(), d.scan(),
                traced == null ? null : traced.rewrite(), traced == null ? null : traced.error(), lint);
    }

    private static void add(List<MigrationPlan.Lock> out, Map<String, Set<LockMode>> locks, String source) {
        locks.forEach((relation, modes) -> {
            for (LockMode mode : modes) {
                out.add(new MigrationPlan.Lock(relation, mode.pgName(), source, mode.blocksReads(),
                        mode.blocksWrites()));
            }
        });
    }
}
