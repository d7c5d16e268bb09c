package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.TenantsView;
import io.drizzlemigrator.health.MigrationHealth;
import io.drizzlemigrator.health.MigrationHealthTracker;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.AsyncSingleResultPublisher;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Readiness (never liveness) of every configured datasource's migrations, named {@value #NAME}: {@code UP} only
 * when each one's schema is current; a run in progress, a lock wait, pending migrations or a failed run give
 * {@code DOWN} with the state and its reason in the details. A long migration thus keeps traffic away without
 * getting the process restarted. Details hold no SQL text and no credentials.
 *
 * <p>While a datasource is not known, pending or failed and no run is in progress, a check reads its state again (one
 * query) by core's one rule ({@link MigrationHealthTracker#needsStatusCheck(Duration)}: at most every
 * {@value #RECHECK_INTERVAL_PROPERTY}, default {@link MigrationHealthTracker#RECHECK_INTERVAL}), so that migrations
 * applied elsewhere (by another replica, a deploy job) turn it {@code UP}. A schema-per-tenant datasource
 * ({@code tenants.*}) shows core's {@link TenantsView} instead: how many tenants are current, behind and failed (the
 * failed ones named, bounded), {@code DOWN} when one failed or startup has not migrated them yet. {@code endpoints.health.drizzle.enabled=false}
 * removes the indicator.
 */
@Singleton
@Readiness
@Requires(classes = HealthIndicator.class)
@Requires(beans = HealthEndpoint.class)
@Requires(property = DrizzleHealthIndicator.ENABLED_PROPERTY, notEquals = "false")
public class DrizzleHealthIndicator implements HealthIndicator {

    /** The indicator's name in the health output. */
    public static final String NAME = "drizzle";
    /** {@code false} removes the indicator. */
    public static final String ENABLED_PROPERTY = HealthEndpoint.PREFIX + ".drizzle.enabled";

    /** How often a state that is not known, pending or failed is read again (a duration, e.g. {@code 10s}). */
    public static final String RECHECK_INTERVAL_PROPERTY = HealthEndpoint.PREFIX + ".drizzle.recheck-interval";

    private final DrizzleMigrations migrations;
    private final ExecutorService blocking;
    private final Duration recheckInterval;

    DrizzleHealthIndicator(DrizzleMigrations migrations, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            @Nullable @Property(name = RECHECK_INTERVAL_PROPERTY) Duration recheckInterval) {
        this.migrations = migrations;
        this.blocking = blocking;
        this.recheckInterval = recheckInterval == null ? MigrationHealthTracker.RECHECK_INTERVAL : recheckInterval;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return new AsyncSingleResultPublisher<>(blocking, this::check);
    }

    /** The result, computed on the calling thread (it may query the database). */
    HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean ready = true;
        for (String name : migrations.names()) {
            Optional<TenantsView> tenants = migrations.tenants(name);
            if (tenants.isPresent()) {
                ready &= tenants.get().isReady();
                details.put(name, tenants.get().healthDetails());
                continue;
            }
            MigrationHealth health = migrations.target(name).health.refresh(() -> migrations.status(name),
                    recheckInterval);
            ready &= health.isReady();
            details.put(name, health.details());
        }
        return HealthResult.builder(NAME, ready ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Collections.unmodifiableMap(details))
                .build();
    }
}
