package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.TenantsView;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The {@code drizzle} management endpoint ({@code GET /drizzle}): core's {@link StatusView} of each configured
 * datasource, by name, in the document shape the Spring Boot endpoint and the CLI's {@code --json} share
 * ({@code {"migrators": {name: view}}}). Reads the bookkeeping table on each call, without taking the lock. Holds no
 * password and no SQL text. Like every Micronaut endpoint it is sensitive unless
 * {@code endpoints.drizzle.sensitive=false}.
 */
@Endpoint(id = DrizzleEndpoint.NAME)
@Requires(classes = Endpoint.class)
public class DrizzleEndpoint {

    /** The endpoint id, also its path. */
    public static final String NAME = "drizzle";

    private final DrizzleMigrations migrations;
    private final ExecutorService blocking;

    DrizzleEndpoint(DrizzleMigrations migrations, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.migrations = migrations;
        this.blocking = blocking;
    }

    /** Every configured datasource's migrations, read from the database off the event loop. */
    @Read
    public CompletableFuture<Map<String, Object>> migrations() {
        return CompletableFuture.supplyAsync(this::report, blocking);
    }

    /**
     * The document, read on the calling thread. A schema-per-tenant datasource ({@code tenants.*}) stands under
     * {@code "tenants"} instead, every tenant as startup found it: its own bookkeeping table is no tenant's.
     */
    Map<String, Object> report() {
        Map<String, StatusView> views = new LinkedHashMap<>();
        Map<String, TenantsView> tenants = new LinkedHashMap<>();
        for (String name : migrations.names()) {
            Optional<TenantsView> fanOut = migrations.tenants(name);
            if (fanOut.isPresent()) {
                tenants.put(name, fanOut.get());
            } else {
                views.put(name, migrations.view(name));
            }
        }
        return StatusView.body(views, tenants);
    }
}
