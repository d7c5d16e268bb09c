package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.StatusReport;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The {@code drizzle} management endpoint ({@code GET /drizzle}): for each configured datasource, its folder,
 * bookkeeping table and target (a JDBC URL without credentials, or the DataSource's name), counts per state, and
 * every migration in journal order with its state ({@code applied}, {@code edited}, {@code pending},
 * {@code out_of_order}, {@code unknown}), hash, applied time, whether it runs in a transaction, and how long it took
 * for the ones this process applied. Reads the bookkeeping table on each call, without taking the lock. Holds no
 * password and no SQL text. Like every Micronaut endpoint it is sensitive unless
 * {@code endpoints.drizzle.sensitive=false}.
 *
 * <pre>{@code
 * {"datasources": {"default": {"location": "classpath:drizzle/migrations", "table": "drizzle.__drizzle_migrations",
 *   "migrateOnStartup": true, "target": "DataSource default", "upToDate": true,
 *   "counts": {"applied": 3, "pending": 0, "outOfOrder": 0, "edited": 0, "unknown": 0},
 *   "migrations": [{"tag": "0000_create_tasks", "state": "applied", "hash": "d096...",
 *   "generatedAt": "2025-11-02T00:00:00Z", "appliedAt": "2026-11-25T18:49:32.146Z", "appliedByThisProcess": true,
 *   "duration": "PT0.13S", "durationMillis": 130, "transactional": true}]}}}
 * }</pre>
 */
@Endpoint(id = DrizzleEndpoint.NAME)
@Requires(classes = Endpoint.class)
public class DrizzleEndpoint {

    /** The endpoint id, also its path. */
    public static final String NAME = "drizzle";
    /** Longest error message shown for a datasource whose state cannot be read. */
    static final int MAX_MESSAGE_LENGTH = 200;

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

    /** The report, read on the calling thread. */
    Map<String, Object> report() {
        Map<String, Object> datasources = new LinkedHashMap<>();
        for (String name : migrations.names()) {
            datasources.put(name, datasource(name));
        }
        return Map.of("datasources", Collections.unmodifiableMap(datasources));
    }

    private Map<String, Object> datasource(String name) {
        Map<String, Object> d = new LinkedHashMap<>();
        migrations.configuration(name).ifPresent(c -> {
            d.put("location", c.getLocation());
            d.put("table", c.getSchema() + "." + c.getTable());
            d.put("migrateOnStartup", c.isEnabled());
        });
        try {
            d.put("target", migrations.migrator(name).configuration().url().orElse("DataSource " + name));
            StatusReport status = migrations.status(name);
            d.put("upToDate", status.isUpToDate());
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("applied", status.applied().size());
            counts.put("pending", status.pending().size());
            counts.put("outOfOrder", status.outOfOrder().size());
            counts.put("edited", status.edited().size());
            counts.put("unknown", status.unknown().size());
            d.put("counts", Collections.unmodifiableMap(counts));
            List<Map<String, Object>> list = new ArrayList<>();
            for (MigrationInfo m : status.migrations()) {
                list.add(migration(name, m));
            }
            d.put("migrations", Collections.unmodifiableList(list));
        } catch (DrizzleMigratorException e) {
            d.put("error", Map.of("type", e.getClass().getSimpleName(), "message", summary(e.getMessage())));
        }
        return Collections.unmodifiableMap(d);
    }

    private Map<String, Object> migration(String datasource, MigrationInfo m) {
        boolean unknown = m.state() == MigrationState.UNKNOWN;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tag", m.tag());
        out.put("state", m.state().name().toLowerCase(Locale.ROOT));
        putIfPresent(out, "hash", unknown ? m.storedHash() : m.hash());
        if (!unknown && m.storedHash() != null && !m.storedHash().equals(m.hash())) {
            out.put("storedHash", m.storedHash());
        }
        if (m.folderMillis() > 0 && !unknown) {
            out.put("generatedAt", Instant.ofEpochMilli(m.folderMillis()).toString());
        }
        Optional<ProcessHistory.Entry> mine = m.isApplied()
                ? migrations.appliedByThisProcess(datasource, m.tag()) : Optional.empty();
        m.appliedTime().or(() -> mine.map(ProcessHistory.Entry::appliedAt))
                .ifPresent(t -> out.put("appliedAt", t.toString()));
        out.put("appliedByThisProcess", mine.isPresent());
        mine.ifPresent(e -> {
            out.put("duration", e.duration().toString());
            out.put("durationMillis", e.duration().toMillis());
        });
        if (mine.isPresent()) {
            out.put("transactional", mine.get().transactional());
        } else if (!unknown) {
            out.put("transactional", m.transactional());
        }
        return Collections.unmodifiableMap(out);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The first line of a message, cut to {@value #MAX_MESSAGE_LENGTH} characters: never a statement's text. */
    static String summary(String message) {
        if (message == null) {
            return "";
        }
        String first = message.lines().findFirst().orElse("");
        return first.length() <= MAX_MESSAGE_LENGTH ? first : first.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }
}
