package io.drizzlemigrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.ExitCode;
import io.drizzlemigrator.FanOutTarget;
import io.drizzlemigrator.TargetOutcome;
import io.drizzlemigrator.TargetResult;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FanOutMetricsTest {

    private static TargetResult result(String tenant, TargetOutcome outcome) {
        return new TargetResult(FanOutTarget.schema(tenant), outcome, 0, Duration.ofMillis(5), ExitCode.OK,
                Optional.empty(), Optional.empty(), 0);
    }

    @Test
    void countsTargetsByOutcomeWithoutATenantTagAlsoThoseFinishedBeforeBinding() {
        FanOutMetrics metrics = new FanOutMetrics(Tags.of("application", "svc"));
        metrics.targetFinished(result("acme", TargetOutcome.APPLIED));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);
        metrics.targetFinished(result("globex", TargetOutcome.CURRENT));
        metrics.targetFinished(result("initech", TargetOutcome.CURRENT));
        metrics.targetFinished(result("hooli", TargetOutcome.LOCK_TIMEOUT));

        assertThat(registry.get(FanOutMetrics.TARGETS).tag("outcome", "applied").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get(FanOutMetrics.TARGETS).tag("outcome", "current").functionCounter().count())
                .isEqualTo(2);
        assertThat(registry.get(FanOutMetrics.TARGETS).tag("outcome", "lock-timeout").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get(FanOutMetrics.TARGETS).meters()).hasSize(TargetOutcome.values().length)
                .allSatisfy((Meter m) -> assertThat(m.getId().getTags()).extracting(t -> t.getKey())
                        .containsExactlyInAnyOrder("application", "outcome"));
    }
}
