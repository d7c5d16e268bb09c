package io.drizzlemigrator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run or a status check found, as every face shows it: the folder and table, counts per state, every
 * migration with what this process did with it, the problems as the policies weigh them, the lock and the last run as
 * this process knows them — or, when the state could not be read, why. The Spring Boot and Micronaut endpoints and the
 * CLI's {@code --json} all emit {@link #toMap()}, so their documents have one shape.
 *
 * <pre>{@code
 * StatusView view = StatusView.read(migrator, tracker.activity(), null);
 * view.toMap(); // {"location": ..., "table": ..., "upToDate": true, "counts": {...}, "migrations": [...], ...}
 * }</pre>
 */
public final class StatusView {

    /** Every key {@link #toMap()} may hold, in its order; keys of absent facts are left out. */
    public static final List<String> KEYS = List.of("location", "table", "target", "migrateOnStartup", "upToDate",
            "counts", "lastApplied", "migrations", "problems", "lock", "lastRun", "error");
    /** The keys of {@code counts}, in order. */
    public static final List<String> COUNT_KEYS = List.of("total", "applied", "edited", "pending", "outOfOrder",
            "unknown");
    /** The key of {@link #body(Map)} under which the views stand, by migrator name. */
    public static final String BODY_KEY = "migrators";
    /** The key of {@link #body(Map, Map)} under which the {@link TenantsView}s stand, by migrator name. */
    public static final String TENANTS_KEY = "tenants";

    private final String location;
    private final String table;
    private final MigratorConfiguration configuration;
    private final String target;
    private final StatusReport report;
    private final Problems problems;
    private final ProcessActivity activity;
    private final ErrorSummary error;
    private final List<MigrationView> migrations;

    private StatusView(String location, String table, MigratorConfiguration configuration, String target,
            StatusReport report, Problems problems, ProcessActivity activity, ErrorSummary error) {
        this.location = Objects.requireNonNull(location, "location");
        this.table = Objects.requireNonNull(table, "table");
        this.configuration = configuration;
        this.target = target;
        this.report = report;
        this.problems = problems;
        this.activity = activity;
        this.error = error;
        List<MigrationView> list = new ArrayList<>();
        if (report != null) {
            for (MigrationInfo m : report.migrations()) {
                list.add(MigrationView.of(m, activity));
            }
        }
        this.migrations = List.copyOf(list);
    }

    /**
     * The view of a state that was read.
     *
     * @param configuration the migrator's settings, for the lock's timeout and key; null when not at hand
     * @param problems the report's problems, for the purpose it was read for
     * @param activity what this process's tracker saw, or null when nothing is tracked (a one-shot CLI status)
     * @param target where the migrator connects (a URL without credentials, a DataSource's name), or null
     */
    public static StatusView of(MigratorConfiguration configuration, StatusReport report, Problems problems,
            ProcessActivity activity, String target) {
        return new StatusView(report.location(), report.table(), configuration, target, report,
                Objects.requireNonNull(problems, "problems"), activity, null);
    }

    /** The view of a state that could not be read: {@code error}, shown through {@link ErrorSummary}. */
    public static StatusView unreadable(MigratorConfiguration configuration, DrizzleMigratorException error,
            ProcessActivity activity, String target) {
        return new StatusView(configuration.location(), configuration.schema() + "." + configuration.table(),
                configuration, target, null, null, activity, ErrorSummary.of(error, null));
    }

    /**
     * The view of a migrator that could not even be built (its settings are refused): {@code error}, shown through
     * {@link ErrorSummary}, with the folder and table as the integration's settings name them.
     */
    public static StatusView unreadable(String location, String table, DrizzleMigratorException error,
            ProcessActivity activity) {
        return new StatusView(location, table, null, null, null, null, activity, ErrorSummary.of(error, null));
    }

    /**
     * Reads the state with {@link DrizzleMigrator#status()} (no lock, no change) and views it with the problems a
     * status check reports; an error becomes {@link #error()} instead of being thrown.
     */
    public static StatusView read(DrizzleMigrator migrator, ProcessActivity activity, String target) {
        return read(migrator, activity, target, Problems.CORE_SPELLING);
    }

    /** Like {@link #read(DrizzleMigrator, ProcessActivity, String)}, the problems naming settings as {@code spelling} does. */
    public static StatusView read(DrizzleMigrator migrator, ProcessActivity activity, String target,
            Problems.Spelling spelling) {
        MigratorConfiguration configuration = migrator.configuration();
        try {
            StatusReport report = migrator.status();
            Problems problems = Problems.of(report, configuration.outOfOrder(), configuration.editedMigrations(),
                    Problems.Purpose.STATUS, spelling);
            return of(configuration, report, problems, activity, target);
        } catch (DrizzleMigratorException e) {
            return unreadable(configuration, e, activity, target);
        }
    }

    /** The document an endpoint serves for several migrators: {@code {"migrators": {name: view}}}. */
    public static Map<String, Object> body(Map<String, StatusView> views) {
        return body(views, Map.of());
    }

    /**
     * The document an endpoint serves for several migrators, some of them schema-per-tenant:
     * {@code {"migrators": {name: view}, "tenants": {name: tenants}}}, {@value #TENANTS_KEY} left out when no migrator
     * has tenants. A migrator with tenants stands under {@value #TENANTS_KEY} only: its own bookkeeping table is no
     * tenant's.
     */
    public static Map<String, Object> body(Map<String, StatusView> views, Map<String, TenantsView> tenants) {
        Map<String, Object> byName = new LinkedHashMap<>();
        views.forEach((name, view) -> byName.put(name, view.toMap()));
        if (tenants.isEmpty()) {
            return Map.of(BODY_KEY, Collections.unmodifiableMap(byName));
        }
        Map<String, Object> tenantsByName = new LinkedHashMap<>();
        tenants.forEach((name, view) -> tenantsByName.put(name, view.toMap()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(BODY_KEY, Collections.unmodifiableMap(byName));
        body.put(TENANTS_KEY, Collections.unmodifiableMap(tenantsByName));
        return Collections.unmodifiableMap(body);
    }

    public String location() {
        return location;
    }

    /** The bookkeeping table, schema-qualified. */
    public String table() {
        return table;
    }

    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** The report, when the state could be read. */
    public Optional<StatusReport> report() {
        return Optional.ofNullable(report);
    }

    /** Nothing pending or out of order; empty when the state could not be read. */
    public Optional<Boolean> upToDate() {
        return report == null ? Optional.empty() : Optional.of(report.isUpToDate());
    }

    /**
     * How many migrations (and unknown rows) are in each state; every state is present, empty when unreadable. The
     * one counting rule of every face: each migration is counted once, in its one state, so an applied migration
     * whose file changed since counts as {@code EDITED}, not also as {@code APPLIED}, and the counts add up to the
     * migrations (faces say "9 applied, 1 edited" after a run as in a status check, never "10 applied").
     */
    public Map<MigrationState, Integer> counts() {
        Map<MigrationState, Integer> counts = new EnumMap<>(MigrationState.class);
        if (report != null) {
            for (MigrationState s : MigrationState.values()) {
                counts.put(s, 0);
            }
            for (MigrationInfo m : report.migrations()) {
                counts.merge(m.state(), 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Every migration of the folder in journal order, then the rows unknown to it (empty when unreadable). */
    public List<MigrationView> migrations() {
        return migrations;
    }

    /** The newest applied migration of this folder (journal order). */
    public Optional<MigrationView> lastApplied() {
        MigrationView last = null;
        for (MigrationView m : migrations) {
            if (m.state() == MigrationState.APPLIED || m.state() == MigrationState.EDITED) {
                last = m;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The problems, as the policies weigh them (empty when unreadable). */
    public List<Problem> problems() {
        return problems == null ? List.of() : problems.all();
    }

    public Optional<ProcessActivity> activity() {
        return Optional.ofNullable(activity);
    }

    /** Why the state could not be read. */
    public Optional<ErrorSummary> error() {
        return Optional.ofNullable(error);
    }

    /** The one JSON-ready shape (strings, numbers, booleans, lists, maps) of {@link #KEYS}; absent facts left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("location", location);
        d.put("table", table);
        Views.put(d, "target", target);
        if (activity != null) {
            d.put("migrateOnStartup", activity.migratesOnStartup());
        }
        if (report != null) {
            d.put("upToDate", report.isUpToDate());
            d.put("counts", countsMap());
            lastApplied().ifPresent(m -> {
                Map<String, Object> last = new LinkedHashMap<>();
                last.put("tag", m.tag());
                Views.put(last, "appliedAt", m.appliedAt());
                d.put("lastApplied", Collections.unmodifiableMap(last));
            });
            List<Object> list = new ArrayList<>();
            migrations.forEach(m -> list.add(m.toMap()));
            d.put("migrations", Collections.unmodifiableList(list));
            List<Object> found = new ArrayList<>();
            problems.all().forEach(p -> found.add(p.toMap()));
            d.put("problems", Collections.unmodifiableList(found));
        }
        if (activity != null) {
            d.put("lock", activity.lockMap(configuration));
            Views.put(d, "lastRun", activity.lastRunMap());
        }
        if (error != null) {
            d.put("error", error.toMap());
        }
        return Collections.unmodifiableMap(d);
    }

    private Map<String, Object> countsMap() {
        Map<MigrationState, Integer> counts = counts();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("total", migrations.size());
        c.put("applied", counts.get(MigrationState.APPLIED));
        c.put("edited", counts.get(MigrationState.EDITED));
        c.put("pending", counts.get(MigrationState.PENDING));
        c.put("outOfOrder", counts.get(MigrationState.OUT_OF_ORDER));
        c.put("unknown", counts.get(MigrationState.UNKNOWN));
        return Collections.unmodifiableMap(c);
    }

    @Override
    public String toString() {
        return "StatusView" + toMap();
    }
}
