package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.FanOut;
import io.drizzlemigrator.FanOutListener;
import io.drizzlemigrator.FanOutTarget;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.TenantStartup;
import io.drizzlemigrator.TenantsView;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.StringUtils;

/**
 * The startup migration of a schema-per-tenant service ({@code drizzle.migrations.tenants.*}): in place of migrating
 * one bookkeeping table, it fans out over the tenant schemas with the auto-configured migrator's settings, as core's
 * {@link FanOut.Builder#startup(TenantStartup)} decides: with {@code startup=all} every tenant is migrated (a failed
 * tenant does not fail startup: the health indicator reports it); with {@code startup=canary} only the canary is (its
 * failure fails startup) and the others are read. What was found is {@link #view()}, per tenant.
 */
public class DrizzleTenants implements DrizzleMigrationStrategy {

    private final DrizzleTenantsProperties properties;
    private final List<FanOutListener> listeners;
    private volatile TenantsView view;
    private volatile DrizzleMigrator migrator;

    public DrizzleTenants(DrizzleTenantsProperties properties, List<FanOutListener> listeners) {
        this.properties = properties;
        this.listeners = List.copyOf(listeners);
        this.view = TenantsView.of(properties.getStartup(), null);
    }

    @Override
    public void migrate(DrizzleMigrator migrator) {
        this.migrator = migrator;
        MigratorConfiguration base = migrator.configuration();
        FanOut.Builder fanOut = FanOut.configure(base).targets(targets(base))
                .parallelism(properties.getParallelism()).failFast(properties.isFailFast())
                .createSchemas(properties.isCreateSchemas())
                .canary(StringUtils.hasText(properties.getCanary()) ? FanOutTarget.parse(properties.getCanary())
                        : null);
        listeners.forEach(fanOut::listener);
        try {
            view = TenantsView.of(properties.getStartup(), fanOut.startup(properties.getStartup()));
        } catch (ConfigurationException e) {
            throw new ConfigurationException(DrizzleTenantsProperties.PREFIX + ": " + e.getMessage(), e);
        }
    }

    /** Per tenant, what startup did or found (not known before startup ran). */
    public TenantsView view() {
        return view;
    }

    /** The migrator whose settings the tenants were migrated with, or null before startup. */
    DrizzleMigrator migrator() {
        return migrator;
    }

    private List<FanOutTarget> targets(MigratorConfiguration base) {
        List<FanOutTarget> targets = new ArrayList<>(FanOut.targetsFromLines(properties.getSchemas(),
                DrizzleTenantsProperties.PREFIX + ".schemas"));
        if (StringUtils.hasText(properties.getQuery())) {
            targets.addAll(FanOut.targetsFromQuery(base, properties.getQuery()));
        }
        return targets;
    }
}
