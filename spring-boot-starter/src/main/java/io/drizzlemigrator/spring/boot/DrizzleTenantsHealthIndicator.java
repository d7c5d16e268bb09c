package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.TenantsView;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code drizzle} health indicator of a schema-per-tenant service, in place of the one-table indicator: core's
 * {@link TenantsView} as startup found the tenants (how many are current, behind and failed, the failed ones named,
 * bounded). {@code UP} when it is ready (no tenant failed: tenants that are behind are a Job's to migrate),
 * {@code DOWN} when one failed, {@code OUT_OF_SERVICE} before startup migrated them. No tenant is a meter tag; the
 * detail is here and in the {@code drizzle} endpoint.
 */
public class DrizzleTenantsHealthIndicator implements HealthIndicator {

    private final DrizzleTenants tenants;

    public DrizzleTenantsHealthIndicator(DrizzleTenants tenants) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    @Override
    public Health health() {
        TenantsView view = tenants.view();
        Health.Builder health = !view.isKnown() ? Health.outOfService() : view.isReady() ? Health.up() : Health.down();
        return health.withDetails(view.healthDetails()).build();
    }
}
