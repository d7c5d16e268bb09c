package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.FanOut;
import io.drizzlemigrator.FanOutListener;
import io.drizzlemigrator.FanOutResult;
import io.drizzlemigrator.FanOutTarget;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.TargetOutcome;
import io.drizzlemigrator.TargetResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.StringUtils;

/**
 * The startup migration of a schema-per-tenant service ({@code drizzle.migrations.tenants.*}): in place of migrating
 * one bookkeeping table, it fans out over the tenant schemas with the auto-configured migrator's settings. With
 * {@code startup=all} every tenant is migrated (a failed tenant does not fail startup: the health indicator reports
 * it); with {@code startup=canary} only the canary is (its failure fails startup) and the others are read. What was
 * found is {@link #state()}, per tenant.
 */
public class DrizzleTenants implements DrizzleMigrationStrategy {

    private final DrizzleTenantsProperties properties;
    private final List<FanOutListener> listeners;
    private volatile FanOutResult state;

    public DrizzleTenants(DrizzleTenantsProperties properties, List<FanOutListener> listeners) {
        this.properties = properties;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void migrate(DrizzleMigrator migrator) {
        MigratorConfiguration base = migrator.configuration();
        List<FanOutTarget> targets = targets(base);
        if (properties.getStartup() == DrizzleTenantsProperties.Startup.ALL) {
            FanOutTarget canary = StringUtils.hasText(properties.getCanary())
                    ? FanOutTarget.parse(properties.getCanary()) : null;
            state = fanOut(base).targets(targets).canary(canary).run();
            TargetResult first = state.targets().isEmpty() ? null : state.targets().get(0);
            if (canary != null && first.outcome() != TargetOutcome.APPLIED
                    && first.outcome() != TargetOutcome.CURRENT) {
                throw canaryFailed(first);
            }
            return;
        }
        if (!StringUtils.hasText(properties.getCanary())) {
            throw new ConfigurationException(DrizzleTenantsProperties.PREFIX + ".startup=canary needs "
                    + DrizzleTenantsProperties.PREFIX + ".canary: the tenant to migrate at startup");
        }
        FanOutTarget canary = FanOutTarget.parse(properties.getCanary());
        FanOutResult migrated = fanOut(base).targets(List.of(canary)).run();
        TargetResult c = migrated.targets().get(0);
        if (!migrated.isSuccess()) {
            state = migrated;
            throw canaryFailed(c);
        }
        List<FanOutTarget> others = new ArrayList<>(targets);
        others.remove(canary);
        FanOutResult rest = others.isEmpty() ? null : fanOut(base).targets(others).status();
        List<TargetResult> all = new ArrayList<>(List.of(c));
        if (rest != null) {
            all.addAll(rest.targets());
        }
        state = new FanOutResult(all, rest == null ? List.of() : rest.duplicates(), "0/1",
                migrated.duration().plus(rest == null ? Duration.ZERO : rest.duration()));
    }

    /** Per tenant, what startup did or found; null before startup ran. */
    public FanOutResult state() {
        return state;
    }

    /** Which startup this is: {@code all} or {@code canary}. */
    String mode() {
        return properties.getStartup().name().toLowerCase(java.util.Locale.ROOT);
    }

    private FanOut.Builder fanOut(MigratorConfiguration base) {
        FanOut.Builder b = FanOut.configure(base).parallelism(properties.getParallelism())
                .failFast(properties.isFailFast()).createSchemas(properties.isCreateSchemas());
        listeners.forEach(b::listener);
        return b;
    }

    private List<FanOutTarget> targets(MigratorConfiguration base) {
        List<FanOutTarget> targets = new ArrayList<>(FanOut.targetsFromLines(properties.getSchemas(),
                DrizzleTenantsProperties.PREFIX + ".schemas"));
        if (StringUtils.hasText(properties.getQuery())) {
            targets.addAll(FanOut.targetsFromQuery(base, properties.getQuery()));
        }
        return targets;
    }

    private static DrizzleMigratorException canaryFailed(TargetResult canary) {
        return new DrizzleMigratorException("The tenant canary " + canary.target() + " did not migrate ("
                + canary.outcome() + "); no other tenant was migrated: " + canary.error().orElse(""), null);
    }
}
