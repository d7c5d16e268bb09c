package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.FanOutResult;
import io.drizzlemigrator.TargetOutcome;
import io.drizzlemigrator.TargetResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code drizzle} health indicator of a schema-per-tenant service, in place of the one-table indicator: how many
 * tenants are current, behind (migrations pending, left to a Job, or not started) and failed, as startup found them,
 * and which ones failed (at most {@value #LISTED}). {@code DOWN} when a tenant failed, else {@code UP}: tenants that
 * are behind are a Job's to migrate. No tenant is a meter tag; the detail is here.
 */
public class DrizzleTenantsHealthIndicator implements HealthIndicator {

    /** How many failed tenants the details name. */
    static final int LISTED = 20;

    private final DrizzleTenants tenants;

    public DrizzleTenantsHealthIndicator(DrizzleTenants tenants) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    @Override
    public Health health() {
        FanOutResult state = tenants.state();
        if (state == null) {
            return Health.outOfService().withDetail("tenants", "not migrated yet").build();
        }
        Map<TargetOutcome, Integer> counts = state.counts();
        int current = counts.get(TargetOutcome.APPLIED) + counts.get(TargetOutcome.CURRENT);
        int behind = counts.get(TargetOutcome.BEHIND) + counts.get(TargetOutcome.NOT_RUN);
        int failed = counts.get(TargetOutcome.FAILED) + counts.get(TargetOutcome.LOCK_TIMEOUT);
        Map<String, String> failures = new LinkedHashMap<>();
        for (TargetResult r : state.targets()) {
            if ((r.outcome() == TargetOutcome.FAILED || r.outcome() == TargetOutcome.LOCK_TIMEOUT)
                    && failures.size() < LISTED) {
                failures.put(r.target().name(), r.failedAt().map(at -> "failed at " + at)
                        .orElse(r.outcome() == TargetOutcome.LOCK_TIMEOUT ? "lock timeout" : "failed"));
            }
        }
        Health.Builder health = failed > 0 ? Health.down() : Health.up();
        health.withDetail("startup", tenants.mode()).withDetail("current", current).withDetail("behind", behind)
                .withDetail("failed", failed);
        if (!failures.isEmpty()) {
            health.withDetail("failures", failures);
        }
        return health.build();
    }
}
