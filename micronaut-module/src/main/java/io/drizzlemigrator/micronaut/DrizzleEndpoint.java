package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.MigrationInfo;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The {@code drizzle} management endpoint ({@code GET /drizzle}): for each configured datasource, its folder, its
 * bookkeeping table and every migration with its state, hash and applied time, plus how long it took and whether it
 * ran in a transaction for those this process applied ({@code transactional} of a pending migration says how it will
 * run). Holds no password and no SQL text. Like every Micronaut endpoint it is sensitive unless
 * {@code endpoints.drizzle.sensitive=false}.
 *
 * <pre>{@code
 * {"datasources": {"default": {"location": "classpath:drizzle/migrations", "table": "drizzle.__drizzle_migrations",
 *   "migrateOnStartup": true, "upToDate": true, "migrations": [{"tag": "0000_create_tasks", "state": "APPLIED",
 *   "hash": "9c1e...", "generatedAt": "2025-11-02T00:00:00Z", "transactional": true,
 *   "appliedAt": "2026-11-25T18:15:30.618Z", "appliedByThisProcess": true, "durationMillis": 50}]}}}
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
            StatusReport status = migrations.status(name);
            d.put("upToDate", status.isUpToDate());
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tag", m.tag());
        out.put("state", m.state().name());
        putIfPresent(out, "hash", m.hash());
        if (m.storedHash() != null && !m.storedHash().equals(m.hash())) {
            out.put("storedHash", m.storedHash());
        }
        if (m.folderMillis() > 0) {
            out.put("generatedAt", Instant.ofEpochMilli(m.folderMillis()).toString());
        }
        Optional<ProcessHistory.Entry> mine = m.isApplied()
                ? migrations.appliedByThisProcess(datasource, m.tag()) : Optional.empty();
        // how an applied migration ran is only known to the process that ran it (history is not re-read)
        if (!m.isApplied()) {
            out.put("transactional", m.transactional());
        }
        mine.ifPresent(e -> out.put("transactional", e.transactional()));
        m.appliedTime().or(() -> mine.map(ProcessHistory.Entry::appliedAt))
                .ifPresent(t -> out.put("appliedAt", t.toString()));
        out.put("appliedByThisProcess", mine.isPresent());
        mine.ifPresent(e -> out.put("durationMillis", e.duration().toMillis()));
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
