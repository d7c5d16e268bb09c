package io.drizzlemigrator.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrationPlan;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock modes of {@link PlanFixture}'s statements, derived and traced, are PostgreSQL's; the plan is read-only on
 * the target, traced or not.
 */
@FreshDatabasePerTest
class PlanLocksTest {

    private final TestDatabase db;

    PlanLocksTest(TestDatabase db) {
        this.db = db;
    }

    private DrizzleMigrator migrator(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .location(folder.toString()).load();
    }

    @Test
    void derivedAndTracedLockModesOfEachStatementKindAreTheExpectedOnes(@TempDir Path base, @TempDir Path full) {
        migrator(PlanFixture.base(base)).migrate();

        MigrationPlan plan = migrator(PlanFixture.full(full)).plan(MigrationPlan.Trace.scratchDatabase());

        assertThat(plan.withState(MigrationState.PENDING)).extracting(MigrationPlan.Migration::tag)
                .containsExactly("0001_locks", "0002_concurrent");
        List<MigrationPlan.Statement> statements = statements(plan);
        assertThat(statements).extracting(MigrationPlan.Statement::sql).containsExactlyElementsOf(PlanFixture.all());
        for (MigrationPlan.Statement st : statements) {
            List<String> expected = PlanFixture.expected(st.sql());
            assertThat(st.traceError()).as("trace of %s", st.sql()).isNull();
            assertThat(modes(st, MigrationPlan.DERIVED)).as("derived locks of %s", st.sql())
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(modes(st, MigrationPlan.TRACED)).as("traced locks of %s", st.sql())
                    .containsExactlyInAnyOrderElementsOf(expected);
            boolean rewrites = PlanFixture.REWRITES.contains(st.sql());
            assertThat(st.rewrite()).as("derived rewrite of %s", st.sql()).isEqualTo(rewrites);
            assertThat(st.tracedRewrite()).as("traced rewrite of %s", st.sql()).isEqualTo(rewrites);
        }
        assertThat(kinds(statements)).as("statement kinds covered").hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void segmentsAreTheExecutorsAndEachStatementCarriesItsLineSizesAndLint(@TempDir Path base, @TempDir Path full) {
        migrator(PlanFixture.base(base)).migrate();

        MigrationPlan plan = migrator(PlanFixture.full(full)).plan();

        assertThat(plan.traced()).isFalse();
        MigrationPlan.Migration locks = plan.migrations().get(0);
        MigrationPlan.Migration concurrent = plan.migrations().get(1);
        assertThat(locks.segments()).singleElement().satisfies(s -> assertThat(s.transactional()).isTrue());
        assertThat(concurrent.segments()).singleElement().satisfies(s -> assertThat(s.transactional()).isFalse());
        MigrationPlan.Statement first = locks.segments().get(0).statements().get(0);
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.kind()).isEqualTo("ALTER TABLE ADD COLUMN");
        assertThat(first.relations()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("public.t");
            assertThat(r.exists()).isTrue();
            assertThat(r.totalBytes()).isPositive();
        });
        MigrationPlan.Statement createIndex = locks.segments().get(0).statements().get(1);
        assertThat(createIndex.line()).isEqualTo(3);
        assertThat(createIndex.lint()).extracting(f -> f.ruleId()).contains("index-not-concurrent");
        MigrationPlan.Statement createTable = statements(plan).stream().filter(s -> s.kind().equals("CREATE TABLE"))
                .findFirst().orElseThrow();
        assertThat(createTable.relations()).filteredOn(r -> r.name().equals("public.n"))
                .singleElement().satisfies(r -> assertThat(r.exists()).isFalse());
        Map<String, Object> json = plan.toMap();
        assertThat(json).containsKeys("migrations", "counts", "traced");
    }

    @Test
    void theTargetIsUntouchedByPlanAndByATracedPlan(@TempDir Path base, @TempDir Path full) {
        migrator(PlanFixture.base(base)).migrate();
        List<List<Object>> schema = schema();
        List<List<Object>> rows = db.query("select id, hash, created_at from drizzle.__drizzle_migrations order by id");

        DrizzleMigrator migrator = migrator(PlanFixture.full(full));
        MigrationPlan plain = migrator.plan();
        MigrationPlan traced = migrator.plan(MigrationPlan.Trace.scratchDatabase());

        assertThat(statements(plain)).hasSize(PlanFixture.all().size());
        assertThat(statements(traced)).allSatisfy(s -> assertThat(s.locks(MigrationPlan.TRACED)).isNotNull());
        assertThat(schema()).as("the target's schema").isEqualTo(schema);
        assertThat(db.query("select id, hash, created_at from drizzle.__drizzle_migrations order by id"))
                .as("bookkeeping rows").isEqualTo(rows);
        assertThat(db.queryLong("select count(*) from pg_database where datname like 'drizzle\\_plan\\_%'"))
                .as("scratch databases left (the server is shared: only the plan's own are counted)").isZero();
    }

    @Test
    void aDatabaseWithoutBookkeepingTableGetsNoneAndEveryMigrationIsPending(@TempDir Path full) {
        MigrationPlan plan = migrator(PlanFixture.full(full)).plan();

        assertThat(plan.withState(MigrationState.PENDING)).hasSize(3);
        assertThat(db.relationExists("drizzle.__drizzle_migrations")).isFalse();
        assertThat(db.queryLong("select count(*) from pg_namespace where nspname = 'drizzle'")).isZero();
        assertThat(db.queryLong("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public'")).isZero();
    }

    /** The target's schema as the catalog tells it: relations with their files, columns, constraints. */
    private List<List<Object>> schema() {
        List<List<Object>> out = new ArrayList<>(db.query("select n.nspname, c.relname, c.relkind, c.relfilenode"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname not in"
                + " ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' order by 1, 2"));
        out.addAll(db.query("select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull"
                + " from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid ="
                + " c.relnamespace where n.nspname in ('public', 'drizzle') and a.attnum > 0 order by 1, 2"));
        out.addAll(db.query("select conname, pg_get_constraintdef(oid) from pg_constraint where connamespace in"
                + " (select oid from pg_namespace where nspname in ('public', 'drizzle')) order by 1"));
        return out;
    }

    private static List<MigrationPlan.Statement> statements(MigrationPlan plan) {
        List<MigrationPlan.Statement> out = new ArrayList<>();
        for (MigrationPlan.Migration m : plan.migrations()) {
            for (MigrationPlan.Segment s : m.segments()) {
                out.addAll(s.statements());
            }
        }
        return out;
    }

    private static List<String> modes(MigrationPlan.Statement st, String source) {
        return st.locks(source).stream().map(l -> l.relation() + ":" + l.mode()).toList();
    }

    private static TreeSet<String> kinds(List<MigrationPlan.Statement> statements) {
        TreeSet<String> kinds = new TreeSet<>();
        statements.forEach(s -> kinds.add(s.kind()));
        return kinds;
    }
}
