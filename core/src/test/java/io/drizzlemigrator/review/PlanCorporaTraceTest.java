package io.drizzlemigrator.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrationPlan;
import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.Journal;
import io.drizzlemigrator.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Derivation against measurement: every statement of every real folder is planned against an empty database and
 * traced on a scratch database (one per corpus), and the lock modes derived from the text are those PostgreSQL took,
 * and a statement is said to rewrite a table exactly when its file changed.
 */
class PlanCorporaTraceTest {

    static Stream<String> corpora() {
        return Corpora.names().stream();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void derivedLockModesAreTheTracedOnesOnEveryStatement(String corpus) {
        try (TestDatabase db = TestDatabase.create("plan_" + corpus)) {
            MigrationPlan plan = DrizzleMigrator.configure()
                    .dataSource(db.jdbcUrl(), db.user(), db.password())
                    .location(Corpora.folder(corpus).toString())
                    .load()
                    .plan(MigrationPlan.Trace.scratchDatabase());

            assertThat(plan.traced()).isTrue();
            assertThat(plan.migrations()).hasSize(Journal.read(Corpora.folder(corpus)).size());
            List<String> disagreements = new ArrayList<>();
            int statements = 0;
            int locked = 0;
            for (MigrationPlan.Migration m : plan.migrations()) {
                for (MigrationPlan.Segment s : m.segments()) {
                    for (MigrationPlan.Statement st : s.statements()) {
                        statements++;
                        Set<String> derived = modes(st.locks(MigrationPlan.DERIVED));
                        Set<String> traced = modes(st.locks(MigrationPlan.TRACED));
                        if (!traced.isEmpty()) {
                            locked++;
                        }
                        if (st.traceError() != null) {
                            disagreements.add(m.file() + ":" + st.line() + " failed on the scratch database: "
                                    + st.traceError());
                        } else if (!derived.equals(traced)) {
                            disagreements.add(m.file() + ":" + st.line() + " [" + st.kind() + "] derived " + derived
                                    + " traced " + traced + "\n    " + st.sql().replace('\n', ' '));
                        } else if (st.rewrite() != st.tracedRewrite()) {
                            disagreements.add(m.file() + ":" + st.line() + " [" + st.kind() + "] derived rewrite "
                                    + st.rewrite() + ", traced " + st.tracedRewrite() + "\n    "
                                    + st.sql().replace('\n', ' '));
                        }
                    }
                }
            }
            assertThat(statements).as("statements planned").isPositive();
            assertThat(locked).as("statements seen taking a table lock").isPositive();
            assertThat(disagreements).as("%s: statements whose derived lock modes are not the traced ones", corpus)
                    .isEmpty();
            assertThat(db.queryLong("select count(*) from pg_database where datname like 'drizzle\\_plan\\_%'"))
                    .as("scratch databases left behind").isZero();
        }
    }

    private static Set<String> modes(List<MigrationPlan.Lock> locks) {
        return locks.stream().map(l -> l.relation() + ":" + l.mode()).collect(Collectors.toCollection(TreeSet::new));
    }
}
