package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.LogCapture;
import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many tenant schemas migrated by one fan-out: isolation, resume, two runners at once, the folder refusals. */
@FreshDatabasePerTest
class FanOutTest {

    @TempDir
    Path dir;

    private final TestDatabase db;

    FanOutTest(TestDatabase db) {
        this.db = db;
    }

    /** A folder as drizzle-kit writes it: names qualified with "public". */
    private Path tenantFolder() {
        return TestFolder.in(dir.resolve("tenant"))
                .migration("0000_users", TestFolder.statements(
                        "CREATE TABLE \"public\".\"users\" (\"id\" serial PRIMARY KEY, \"email\" text NOT NULL);"))
                .migration("0001_orders", TestFolder.statements(
                        "CREATE TABLE \"orders\" (\"id\" serial PRIMARY KEY, \"user_id\" integer NOT NULL);",
                        "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_user_id_users_id_fk\" FOREIGN KEY"
                                + " (\"user_id\") REFERENCES \"public\".\"users\"(\"id\");"))
                .write();
    }

    private MigratorConfiguration base(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .tenantSchemaFrom("public").build();
    }

    private List<FanOutTarget> schemas(int n) {
        List<FanOutTarget> targets = new ArrayList<>();
        StringBuilder ddl = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            targets.add(FanOutTarget.schema("tenant_" + i));
            ddl.append("CREATE SCHEMA tenant_").append(i).append(";");
        }
        db.execute(ddl.toString());
        return targets;
    }

    @Test
    void fiftySchemasMigrateInParallelWithABrokenTenantIsolatedAndItsRerunMigratesOnlyIt() {
        Path folder = tenantFolder();
        List<FanOutTarget> targets = schemas(50);
        db.execute("CREATE TABLE tenant_13.orders (legacy text)"); // 0001 fails on this tenant only

        FanOutResult first = FanOut.configure(base(folder)).targets(targets).parallelism(4).run();

        assertThat(first.counts()).containsEntry(TargetOutcome.APPLIED, 49).containsEntry(TargetOutcome.FAILED, 1);
        TargetResult broken = first.withOutcome(TargetOutcome.FAILED).get(0);
        assertThat(broken.target().name()).isEqualTo("tenant_13");
        assertThat(broken.failedAt()).contains("0001_orders.sql:1");
        assertThat(broken.applied()).isEqualTo(1);
        assertThat(first.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED);
        // each tenant's tables and bookkeeping are its own; public got nothing
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'orders' and schemaname like"
                + " 'tenant_%'")).isEqualTo(50);
        assertThat(db.queryLong("select count(*) from tenant_7.__drizzle_migrations")).isEqualTo(2);
        assertThat(db.queryValue("select confrelid::regclass::text from pg_constraint where conname ="
                + " 'orders_user_id_users_id_fk' and connamespace = 'tenant_7'::regnamespace")).isEqualTo(
                        "tenant_7.users");
        assertThat(db.relationExists("public.users")).isFalse();
        assertThat(db.relationExists("drizzle.__drizzle_migrations")).isFalse();

        db.execute("DROP TABLE tenant_13.orders");
        FanOutResult rerun = FanOut.configure(base(folder)).targets(targets).parallelism(4).run();

        assertThat(rerun.withOutcome(TargetOutcome.APPLIED)).extracting(r -> r.target().name())
                .containsExactly("tenant_13");
        assertThat(rerun.withOutcome(TargetOutcome.APPLIED).get(0).applied()).isEqualTo(1);
        assertThat(rerun.counts()).containsEntry(TargetOutcome.CURRENT, 49);
        assertThat(rerun.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void twoRunnersStartedTogetherMigrateEachTargetExactlyOnce() throws Exception {
        Path folder = TestFolder.in(dir.resolve("slow"))
                .migration("0000_a", "CREATE TABLE \"public\".\"a\" (id int);")
                .migration("0001_slow", "SELECT pg_sleep(0.05);").write();
        List<FanOutTarget> targets = schemas(16);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<List<Instant[]>> spans = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        List<Future<FanOutResult>> runners = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            List<Instant[]> mine = spans.get(r);
            runners.add(pool.submit(() -> {
                go.await();
                return FanOut.configure(base(folder)).targets(targets).parallelism(4).listener(new FanOutListener() {
                    private final Map<FanOutTarget, Instant> started = new java.util.concurrent.ConcurrentHashMap<>();

                    @Override
                    public void targetStarted(FanOutTarget target) {
                        started.put(target, Instant.now());
                    }

                    @Override
                    public void targetFinished(TargetResult result) {
                        mine.add(new Instant[] {started.get(result.target()), Instant.now()});
                    }
                }).run();
            }));
        }
        go.countDown();
        FanOutResult a = runners.get(0).get(2, TimeUnit.MINUTES);
        FanOutResult b = runners.get(1).get(2, TimeUnit.MINUTES);
        pool.shutdown();

        // the two runners worked at the same time: some target of one was running while one of the other was
        assertThat(spans.get(0)).anySatisfy(x -> assertThat(spans.get(1)).anySatisfy(y -> {
            assertThat(x[0]).isBefore(y[1]);
            assertThat(y[0]).isBefore(x[1]);
        }));
        Map<String, Integer> appliedBy = new HashMap<>();
        for (FanOutResult result : List.of(a, b)) {
            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            for (TargetResult t : result.targets()) {
                appliedBy.merge(t.target().name(), t.applied(), Integer::sum);
            }
        }
        assertThat(appliedBy).hasSize(16).allSatisfy((tenant, applied) -> assertThat(applied).as(tenant).isEqualTo(2));
        for (FanOutTarget t : targets) {
            assertThat(db.queryLong("select count(*) from " + t.name() + ".__drizzle_migrations")).isEqualTo(2);
        }
    }

    @Test
    void sharesAreDisjointAndCoverEveryTargetForOneToEightShards() {
        Path folder = tenantFolder();
        List<FanOutTarget> targets = schemas(16);
        FanOut.configure(base(folder)).targets(targets).run();

        for (int n = 1; n <= 8; n++) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                FanOutResult share = FanOut.configure(base(folder)).targets(targets).shard(i, n).run();
                assertThat(share.shard()).isEqualTo(i + "/" + n);
                assertThat(share.counts()).containsEntry(TargetOutcome.CURRENT, share.targets().size());
                share.targets().forEach(r -> seen.add(r.target().name()));
            }
            assertThat(seen).as("shares of %d", n).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(targets.stream().map(FanOutTarget::name).toList());
        }
        List<FanOutTarget> reversed = new ArrayList<>(targets);
        java.util.Collections.reverse(reversed);
        assertThat(FanOut.configure(base(folder)).targets(reversed).shard(1, 3).run().targets())
                .extracting(r -> r.target().name()).containsExactlyInAnyOrderElementsOf(FanOut.configure(base(folder))
                        .targets(targets).shard(1, 3).run().targets().stream().map(r -> r.target().name()).toList());
    }

    @Test
    void logsOneLinePerFinishedTargetProgressWhileItRunsAndTheSummary() {
        Path folder = TestFolder.in(dir.resolve("progress")).migration("0000_a", "SELECT pg_sleep(0.3);").write();
        List<FanOutTarget> targets = schemas(2);

        String log = LogCapture.during(() -> FanOut.configure(base(folder)).targets(targets).parallelism(1)
                .progressInterval(Duration.ofMillis(100)).run());

        assertThat(log).contains("Target tenant_1: applied 1 migration (", "Target tenant_2: applied 1 migration (")
                .containsPattern("Fan-out progress: [01] of 2 targets finished \\(.*\\), 1 running, 0 s")
                .contains("Fan-out finished: 2 targets (2 applied, 0 current, 0 failed, 0 lock timeout, 0 behind, 0 not run)");
    }

    @Test
    void aLintSummaryEveryTargetWouldLogAlikeIsLoggedOnceAndKeptInEachResult() {
        Path folder = TestFolder.in(dir.resolve("linted"))
                .migration("0000_users", "CREATE TABLE \"public\".\"users\" (\"id\" serial PRIMARY KEY, \"email\" text);")
                .migration("0001_drop", "ALTER TABLE \"public\".\"users\" DROP COLUMN \"email\";")
                .write();
        List<FanOutTarget> targets = schemas(3);

        FanOutResult[] result = new FanOutResult[1];
        String log = LogCapture.during(() -> result[0] = FanOut.configure(base(folder)).targets(targets)
                .parallelism(2).run());

        assertThat(result[0].targets()).hasSize(3).allSatisfy(r -> assertThat(r.outcome())
                .isEqualTo(TargetOutcome.APPLIED));
        assertThat(log.lines().filter(l -> l.contains("WARN") && l.contains("lint: ")))
                .as("the summary at WARN, once for the fan-out").hasSize(1);
        assertThat(log).contains("Target tenant_1: applied 2 migrations (", "Target tenant_3: applied 2 migrations (");
    }

    @Test
    void aStatusCheckReadsEveryTargetAndAppliesNothing() {
        Path folder = tenantFolder();
        List<FanOutTarget> targets = schemas(3);
        FanOut.configure(base(folder)).targets(targets.subList(0, 2)).run();

        FanOutResult status = FanOut.configure(base(folder)).targets(targets).status();

        assertThat(status.targets()).extracting(TargetResult::outcome).containsExactly(TargetOutcome.CURRENT,
                TargetOutcome.CURRENT, TargetOutcome.BEHIND);
        assertThat(status.exitCode()).isEqualTo(ExitCode.PROBLEMS_FOUND);
        assertThat(db.relationExists("tenant_3.__drizzle_migrations")).isFalse();
    }

    @Test
    void aFailingCanaryStopsEveryOtherTarget() {
        Path folder = tenantFolder();
        List<FanOutTarget> targets = schemas(5);
        db.execute("CREATE TABLE tenant_3.orders (legacy text)");

        FanOutResult result = FanOut.configure(base(folder)).targets(targets).canary(FanOutTarget.schema("tenant_3"))
                .run();

        assertThat(result.targets().get(0).target().name()).isEqualTo("tenant_3");
        assertThat(result.targets().get(0).outcome()).isEqualTo(TargetOutcome.FAILED);
        assertThat(result.counts()).containsEntry(TargetOutcome.NOT_RUN, 4);
        assertThat(db.relationExists("tenant_1.users")).isFalse();
    }

    @Test
    void aCanaryStartupMigratesTheCanaryAloneAndReadsTheOthers() {
        Path folder = tenantFolder();
        List<FanOutTarget> targets = schemas(3);

        FanOutResult result = FanOut.configure(base(folder)).targets(targets).canary(FanOutTarget.schema("tenant_2"))
                .startup(TenantStartup.CANARY);

        assertThat(result.targets()).extracting(r -> r.target().name() + " " + r.outcome())
                .containsExactly("tenant_2 APPLIED", "tenant_1 BEHIND", "tenant_3 BEHIND");
        assertThat(db.relationExists("tenant_2.orders")).isTrue();
        assertThat(db.relationExists("tenant_1.__drizzle_migrations")).isFalse();
        assertThatThrownBy(() -> FanOut.configure(base(folder)).targets(targets).startup(TenantStartup.CANARY))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("startup=canary needs a canary");
    }

    @Test
    void aFailingCanaryFailsAStartupOfEveryTenantWithItsFileAndLine() {
        Path folder = tenantFolder();
        List<FanOutTarget> targets = schemas(2);
        db.execute("CREATE TABLE tenant_1.orders (legacy text)");

        assertThatThrownBy(() -> FanOut.configure(base(folder)).targets(targets)
                .canary(FanOutTarget.schema("tenant_1")).startup(TenantStartup.ALL))
                .isInstanceOf(DrizzleMigratorException.class)
                .hasMessageContaining("The tenant canary tenant_1 did not migrate (failed at 0001_orders.sql:1)");
        assertThat(db.relationExists("tenant_2.__drizzle_migrations")).isFalse();
    }

    @Test
    void failFastStartsNoTargetAfterAFailure() {
        Path folder = tenantFolder();
        List<FanOutTarget> targets = schemas(6);
        db.execute("CREATE TABLE tenant_1.orders (legacy text)");

        FanOutResult result = FanOut.configure(base(folder)).targets(targets).parallelism(1).failFast(true).run();

        assertThat(result.targets()).extracting(TargetResult::outcome).containsExactly(TargetOutcome.FAILED,
                TargetOutcome.NOT_RUN, TargetOutcome.NOT_RUN, TargetOutcome.NOT_RUN, TargetOutcome.NOT_RUN,
                TargetOutcome.NOT_RUN);
    }

    @Test
    void aMissingSchemaFailsAloneUnlessSchemasAreCreatedAndDuplicatesRunOnce() {
        Path folder = tenantFolder();
        List<FanOutTarget> targets = new ArrayList<>(schemas(2));
        targets.add(FanOutTarget.schema("Acme-EU"));
        targets.add(FanOutTarget.schema("tenant_1"));

        FanOutResult result = FanOut.configure(base(folder)).targets(targets).run();

        assertThat(result.duplicates()).extracting(FanOutTarget::name).containsExactly("tenant_1");
        assertThat(result.targets()).extracting(r -> r.target().name()).containsExactly("tenant_1", "tenant_2",
                "Acme-EU");
        TargetResult missing = result.targets().get(2);
        assertThat(missing.outcome()).isEqualTo(TargetOutcome.FAILED);
        assertThat(missing.error()).hasValueSatisfying(e -> assertThat(e).contains("\"Acme-EU\" does not exist",
                "createSchemas"));
        assertThat(db.queryLong("select count(*) from pg_namespace where nspname = 'Acme-EU'")).isZero();
        assertThat(result.counts()).containsEntry(TargetOutcome.APPLIED, 2);

        FanOutResult created = FanOut.configure(base(folder)).targets(targets).createSchemas(true).run();

        assertThat(created.withOutcome(TargetOutcome.APPLIED)).extracting(r -> r.target().name())
                .containsExactly("Acme-EU");
        assertThat(db.relationExists("\"Acme-EU\".orders")).isTrue();
    }

    @Test
    void aSchemaNameCarryingSqlIsRefused() {
        assertThatThrownBy(() -> FanOutTarget.schema("x\"; DROP SCHEMA public CASCADE; --"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no name can carry SQL");
        assertThatThrownBy(() -> FanOut.targetsFromLines(List.of("# tenants", "", "tenant_1", "a b"), "t.txt"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("t.txt line 4: ");
        assertThat(FanOut.targetsFromLines(List.of("# tenants", " tenant_1 ", "",
                "postgresql://u:secret@db.example:5432/app"), "t.txt"))
                .extracting(FanOutTarget::kind, FanOutTarget::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FanOutTarget.Kind.SCHEMA, "tenant_1"),
                        org.assertj.core.groups.Tuple.tuple(FanOutTarget.Kind.DATABASE,
                                "jdbc:postgresql://db.example:5432/app"));
    }

    @Test
    void aFolderNamingPublicIsRefusedForSchemaTargetsWithoutTheMapping() {
        Path folder = tenantFolder();
        List<FanOutTarget> targets = schemas(2);
        MigratorConfiguration plain = DrizzleMigrator.configure().dataSource(db.dataSource())
                .location(folder.toString()).build();

        assertThatThrownBy(() -> FanOut.configure(plain).targets(targets).run())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.getMessage()).contains("0000_users.sql:1 (\"public\".\"users\")",
                            "0001_orders.sql:3", "tenantSchemaFrom=public", "Nothing was applied to any target");
                    assertThat(e.setting()).contains(Setting.TENANT_SCHEMA_FROM);
                });
        assertThat(db.relationExists("tenant_1.__drizzle_migrations")).isFalse();
    }

    @Test
    void aQualifierInsideADollarQuotedBodyIsRefusedEvenWithTheMapping() {
        Path folder = TestFolder.in(dir.resolve("do")).migration("0000_a", TestFolder.statements(
                "CREATE TABLE \"a\" (id int PRIMARY KEY, b int);",
                "DO $$ BEGIN\n ALTER TABLE \"a\" ADD CONSTRAINT \"a_b\" FOREIGN KEY (\"b\") REFERENCES"
                        + " \"public\".\"a\"(\"id\");\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;"))
                .write();
        List<FanOutTarget> targets = schemas(1);

        assertThatThrownBy(() -> FanOut.configure(base(folder)).targets(targets).run())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("0000_a.sql:4 (\"public\".\"a\", inside a dollar-quoted body)");
    }

    @Test
    void aTargetsQueryThatFailsOrFindsNothingStopsBeforeAnythingRuns() {
        MigratorConfiguration directory = base(tenantFolder());
        db.execute("CREATE TABLE tenants (schema_name text, active boolean)",
                "INSERT INTO tenants VALUES ('tenant_a', true), ('tenant_b', false)");

        assertThat(FanOut.targetsFromQuery(directory, "select schema_name from tenants where active"))
                .extracting(FanOutTarget::name).containsExactly("tenant_a");
        assertThatThrownBy(() -> FanOut.targetsFromQuery(directory, "select schema_name from tenants where false"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("returned no rows");
        assertThatThrownBy(() -> FanOut.targetsFromQuery(directory, "select nope from tenants"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("The targets query failed")
                .hasMessageContaining("42703");
    }

    @Test
    void anUnreachableDatabaseTargetFailsAloneWithTheReason() {
        Path folder = TestFolder.in(dir.resolve("db")).migration("0000_a", "CREATE TABLE a (id int);").write();
        MigratorConfiguration config = DrizzleMigrator.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .location(folder.toString()).build();
        List<FanOutTarget> targets = List.of(FanOutTarget.database(db.jdbcUrl()),
                FanOutTarget.database("jdbc:postgresql://127.0.0.1:5432/no_such_database_fanout"));

        FanOutResult result = FanOut.configure(config).targets(targets).run();

        assertThat(result.targets()).extracting(TargetResult::outcome).containsExactly(TargetOutcome.APPLIED,
                TargetOutcome.FAILED);
        assertThat(result.targets().get(1).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("no_such_database_fanout"));
        assertThat(result.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED);
        assertThat(db.relationExists("public.a")).isTrue();
    }
}
