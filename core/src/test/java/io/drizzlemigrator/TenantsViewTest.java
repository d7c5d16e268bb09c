package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule both faces show tenants by: what counts as current, behind and failed, and what may be shown. */
class TenantsViewTest {

    private static TargetResult result(String tenant, TargetOutcome outcome) {
        boolean failed = outcome == TargetOutcome.FAILED;
        return new TargetResult(FanOutTarget.schema(tenant), outcome, failed ? 1 : 0, Duration.ofMillis(5),
                ExitCode.OK, failed ? Optional.of("0001_orders.sql:1: ALTER TABLE \"orders\" ... secret") : Optional.empty(),
                failed ? Optional.of("0001_orders.sql") : Optional.empty(), failed ? 1 : 0,
                failed ? Optional.of(new ErrorSummary("MigrationFailedException", "0001_orders", "42P07",
                        "0001_orders.sql:1: ERROR: relation \"orders\" already exists", null)) : Optional.empty());
    }

    @Test
    void countsAppliedAndCurrentAsCurrentBehindAndNotRunAsBehindAndNamesAtMostTwentyFailures() {
        List<TargetResult> results = new ArrayList<>(List.of(result("acme", TargetOutcome.APPLIED),
                result("globex", TargetOutcome.CURRENT), result("hooli", TargetOutcome.BEHIND),
                result("umbrella", TargetOutcome.NOT_RUN), result("stark", TargetOutcome.LOCK_TIMEOUT)));
        for (int i = 0; i < 25; i++) {
            results.add(result("broken_" + i, TargetOutcome.FAILED));
        }
        TenantsView view = TenantsView.of(TenantStartup.ALL, new FanOutResult(results, List.of(), "0/1",
                Duration.ofSeconds(1)));

        assertThat(view.isReady()).isFalse();
        assertThat(view.healthDetails()).containsEntry("startup", "all").containsEntry("current", 2)
                .containsEntry("behind", 2).containsEntry("failed", 26);
        assertThat(view.failures()).hasSize(TenantsView.LISTED_FAILURES)
                .containsEntry("stark", "lock timeout").containsEntry("broken_0", "failed at 0001_orders.sql:1");
        assertThat(view.toMap()).doesNotContainKey("failures").extractingByKey("targets")
                .asList().hasSize(30);
        assertThat(view.toMap().toString()).doesNotContain("secret").doesNotContain("ALTER");
    }

    @Test
    void isReadyWhenNoTenantFailedThoughSomeAreBehindAndNotBeforeStartupRan() {
        TenantsView behind = TenantsView.of(TenantStartup.CANARY, new FanOutResult(List.of(
                result("acme", TargetOutcome.APPLIED), result("globex", TargetOutcome.BEHIND)), List.of(), "0/1",
                Duration.ZERO));
        assertThat(behind.isReady()).isTrue();
        assertThat(behind.healthDetails()).doesNotContainKey("failures").containsEntry("startup", "canary");

        TenantsView notYet = TenantsView.of(TenantStartup.ALL, null);
        assertThat(notYet.isKnown()).isFalse();
        assertThat(notYet.isReady()).isFalse();
        assertThat(notYet.healthDetails()).isEqualTo(Map.of("startup", "all", "tenants", "not migrated yet"));
    }
}
