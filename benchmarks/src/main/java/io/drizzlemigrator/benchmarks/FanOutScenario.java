package io.drizzlemigrator.benchmarks;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.FanOut;
import io.drizzlemigrator.FanOutResult;
import io.drizzlemigrator.FanOutTarget;
import io.drizzlemigrator.MigratorConfiguration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Issue 21's rows: {@value #TENANTS} tenant schemas in one database, migrated from a real folder (homarr's, whose
 * foreign keys name {@code "public".}, so with {@code tenantSchemaFrom=public}), in-process through the public
 * {@link FanOut} API: applying from empty with parallelism 1 and 4 (alternating which goes first), the no-op rerun
 * over all tenants, and a single tenant's warm no-op (its second run in this JVM), to which the rerun's cost per
 * tenant is compared.
 */
final class FanOutScenario {

    static final String SCENARIO = "fanout";
    static final String CORPUS = "homarr-labs__homarr";
    static final int TENANTS = 200;
    static final String DATASET = "homarr-x" + TENANTS;

    private final BenchServer server;
    private final Results results;
    private final int tenants;

    FanOutScenario(BenchServer server, Results results) {
        this(server, results, TENANTS);
    }

    /** With fewer tenants, for a smoke test of the scenario; the figures go under the same names. */
    FanOutScenario(BenchServer server, Results results, int tenants) {
        this.server = server;
        this.results = results;
        this.tenants = tenants;
    }

    void measure(int reps, Consumer<String> progress) throws SQLException {
        Path folder = SharedFolder.corpora().resolve(CORPUS);
        List<Integer> parallelisms = List.of(1, 4);
        for (int rep = 0; rep < reps; rep++) {
            for (int i = 0; i < parallelisms.size(); i++) {
                int parallel = parallelisms.get((i + rep) % parallelisms.size());
                progress.accept(DATASET + " apply --parallel " + parallel + " (" + (rep + 1) + "/" + reps + ")");
                String db = server.createDatabase("fanout_p" + parallel);
                try {
                    List<FanOutTarget> tenants = createTenants(db);
                    MigratorConfiguration base = base(db, folder);
                    long start = System.nanoTime();
                    FanOutResult applied = FanOut.configure(base).targets(tenants).parallelism(parallel).run();
                    double ms = (System.nanoTime() - start) / 1e6;
                    String tool = "parallel-" + parallel;
                    if (!applied.isSuccess()) {
                        results.error(SCENARIO, DATASET, tool, "apply_ms", "ms", "fan-out failed: "
                                + applied.counts());
                        continue;
                    }
                    results.add(SCENARIO, DATASET, tool, "apply_ms", "ms", ms);
                    if (parallel == 4) {
                        noop(base, tenants);
                    }
                } finally {
                    server.dropDatabase(db);
                }
            }
        }
    }

    /** The no-op rerun over every tenant, and one tenant's warm no-op, on the database just migrated. */
    private void noop(MigratorConfiguration base, List<FanOutTarget> tenants) {
        long start = System.nanoTime();
        FanOutResult rerun = FanOut.configure(base).targets(tenants).parallelism(4).run();
        double ms = (System.nanoTime() - start) / 1e6;
        if (rerun.counts().get(io.drizzlemigrator.TargetOutcome.CURRENT) != tenants.size()) {
            results.error(SCENARIO, DATASET, "noop-rerun", "ms", "ms", "not every tenant was current: "
                    + rerun.counts());
            return;
        }
        results.add(SCENARIO, DATASET, "noop-rerun", "ms", "ms", ms);
        results.add(SCENARIO, DATASET, "noop-rerun", "per_target_ms", "ms", ms / tenants.size());
        DrizzleMigrator one = base.toBuilder().schema("tenant_1").searchPath("\"tenant_1\", public").load();
        one.migrate(); // the first run in this configuration: classes and caches are warm after it
        long s = System.nanoTime();
        one.migrate();
        results.add(SCENARIO, DATASET, "single-tenant", "warm_noop_ms", "ms", (System.nanoTime() - s) / 1e6);
    }

    private MigratorConfiguration base(String db, Path folder) {
        return DrizzleMigrator.configure().dataSource(server.jdbcUrl(db), server.user, server.password)
                .location(folder.toString()).tenantSchemaFrom("public").build();
    }

    private List<FanOutTarget> createTenants(String db) throws SQLException {
        List<FanOutTarget> tenants = new ArrayList<>(this.tenants);
        try (Connection c = server.connect(db); Statement s = c.createStatement()) {
            for (int i = 1; i <= this.tenants; i++) {
                s.addBatch("CREATE SCHEMA tenant_" + i);
                tenants.add(FanOutTarget.schema("tenant_" + i));
            }
            s.executeBatch();
        }
        return tenants;
    }
}
