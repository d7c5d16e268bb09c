package io.drizzlemigrator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tenants of a schema-per-tenant service as every face shows them: how many are current, behind and failed, as
 * the startup {@link FanOut} found them ({@link FanOut.Builder#startup(TenantStartup)}), which ones failed, and every
 * tenant's detail. The one counting rule: applied and already current count as {@code current}; behind (pending,
 * left to a Job) and not run count as {@code behind}; failed and lock timeouts count as {@code failed}. Ready when no
 * tenant failed: tenants that are behind are a Job's to migrate. Per-tenant detail goes here, never in a meter tag.
 *
 * <pre>{@code
 * TenantsView view = TenantsView.of(TenantStartup.ALL, result);
 * view.isReady();       // the health status
 * view.healthDetails(); // {"startup": "all", "current": 2, "behind": 0, "failed": 1, "failures": {...}}
 * view.toMap();         // the endpoint's entry: the same, with every tenant's detail
 * }</pre>
 */
public final class TenantsView {

    /** How many failed tenants {@link #healthDetails()} names, at most: the rest are in the endpoint. */
    public static final int LISTED_FAILURES = 20;

    private final TenantStartup startup;
    private final FanOutResult state;

    private TenantsView(TenantStartup startup, FanOutResult state) {
        this.startup = Objects.requireNonNull(startup, "startup");
        this.state = state;
    }

    /** The view of what startup did or found; {@code state} null while startup has not run (or failed before). */
    public static TenantsView of(TenantStartup startup, FanOutResult state) {
        return new TenantsView(startup, state);
    }

    /** Whether startup has run: before, the view is not ready and has no counts. */
    public boolean isKnown() {
        return state != null;
    }

    /** Startup ran and no tenant failed. */
    public boolean isReady() {
        return state != null && failed() == 0;
    }

    public int current() {
        return count(true, false);
    }

    public int behind() {
        return state == null ? 0 : state.targets().size() - current() - failed();
    }

    public int failed() {
        return count(false, true);
    }

    /**
     * The failed tenants, at most {@link #LISTED_FAILURES}, in order: name to {@code failed at 0001_orders.sql:3},
     * {@code lock timeout} or {@code failed} (never an error message, which can quote SQL).
     */
    public Map<String, String> failures() {
        Map<String, String> failures = new LinkedHashMap<>();
        if (state != null) {
            for (TargetResult r : state.targets()) {
                if (r.isFailed() && failures.size() < LISTED_FAILURES) {
                    failures.put(r.target().name(), r.failedAt().map(at -> "failed at " + at)
                            .orElse(r.outcome() == TargetOutcome.LOCK_TIMEOUT ? "lock timeout" : "failed"));
                }
            }
        }
        return Collections.unmodifiableMap(failures);
    }

    /**
     * What a health indicator shows: {@code startup}, {@code current}, {@code behind}, {@code failed} and, when some
     * failed, {@code failures}; before startup ran, {@code startup} and {@code tenants: "not migrated yet"}.
     */
    public Map<String, Object> healthDetails() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("startup", startup.word());
        if (state == null) {
            d.put("tenants", "not migrated yet");
            return Collections.unmodifiableMap(d);
        }
        d.put("current", current());
        d.put("behind", behind());
        d.put("failed", failed());
        Map<String, String> failures = failures();
        if (!failures.isEmpty()) {
            d.put("failures", failures);
        }
        return Collections.unmodifiableMap(d);
    }

    /**
     * What an endpoint shows: {@link #healthDetails()} without the bounded {@code failures}, then {@code targets},
     * every tenant's {@link TargetResult#toMap()} (the canary first). No SQL text, no password.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> d = new LinkedHashMap<>(healthDetails());
        d.remove("failures");
        if (state != null) {
            List<Object> targets = new ArrayList<>();
            state.targets().forEach(r -> targets.add(r.toMap()));
            d.put("targets", Collections.unmodifiableList(targets));
        }
        return Collections.unmodifiableMap(d);
    }

    private int count(boolean current, boolean failed) {
        int n = 0;
        if (state != null) {
            for (TargetResult r : state.targets()) {
                if (current && r.isCurrent() || failed && r.isFailed()) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "TenantsView" + healthDetails();
    }
}
