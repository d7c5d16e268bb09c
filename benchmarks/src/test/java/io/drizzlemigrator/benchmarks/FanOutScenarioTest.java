package io.drizzlemigrator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fan-out rows' scenario runs end to end (on 6 tenants instead of 200) and records every figure it reports. */
class FanOutScenarioTest {

    @Test
    void recordsBothAppliesTheRerunAndTheSingleTenantsWarmNoOp() throws Exception {
        Results results = new Results();

        new FanOutScenario(BenchServer.fromEnvironment(), results, 6).measure(1, p -> { });

        assertThat(results.all()).allSatisfy(f -> assertThat(f.errors).as(f.tool).isEmpty());
        for (List<String> figure : List.of(List.of("parallel-1", "apply_ms"), List.of("parallel-4", "apply_ms"),
                List.of("noop-rerun", "ms"), List.of("noop-rerun", "per_target_ms"),
                List.of("single-tenant", "warm_noop_ms"))) {
            assertThat(results.median(FanOutScenario.SCENARIO, FanOutScenario.DATASET, figure.get(0), figure.get(1)))
                    .as(figure.toString()).hasValueSatisfying(ms -> assertThat(ms).isPositive());
        }
        assertThat(MarkdownReport.render(results, List.of(), null)).contains("### Fan-out: ",
                "`--parallel 4` applies ≥ 1.5× faster than `--parallel 1`");
    }
}
