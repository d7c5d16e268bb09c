package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.health.MigrationHealth;
import io.drizzlemigrator.health.MigrationHealth.State;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.AsyncSingleResultPublisher;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Readiness (never liveness) of every configured datasource's migrations, named {@value #NAME}: {@code UP} only
 * when each one's schema is current; a run in progress, a lock wait, pending migrations or a failed run give
 * {@code DOWN} with the state and its reason in the details. A long migration thus keeps traffic away without
 * getting the process restarted. Details hold no SQL text and no credentials.
 *
 * <p>While a datasource is not up to date and no run is in progress, each check reads its state again (one query),
 * so that migrations applied elsewhere (by another replica, a deploy job) turn it {@code UP}.
 * {@code endpoints.health.drizzle.enabled=false} removes the indicator.
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

    /** States a fresh status read may change: nothing is running, the database may have moved on. */
    private static final Set<State> RECHECKED = EnumSet.of(State.NOT_CHECKED, State.PENDING, State.FAILED);

    private final DrizzleMigrations migrations;
    private final ExecutorService blocking;

    DrizzleHealthIndicator(DrizzleMigrations migrations, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.migrations = migrations;
        this.blocking = blocking;
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
            Map<String, Object> d = new LinkedHashMap<>();
            MigrationHealth health = migrations.health(name);
            if (RECHECKED.contains(health.state())) {
                try {
                    migrations.status(name);
                } catch (DrizzleMigratorException e) {
                    d.put("statusError", e.getClass().getSimpleName() + ": "
                            + DrizzleEndpoint.summary(e.getMessage()));
                }
                health = migrations.health(name);
            }
            ready &= health.isReady();
            Map<String, Object> snapshot = new LinkedHashMap<>(health.details());
            snapshot.putAll(d);
            details.put(name, Collections.unmodifiableMap(snapshot));
        }
        return HealthResult.builder(NAME, ready ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Collections.unmodifiableMap(details))
                .build();
    }
}
