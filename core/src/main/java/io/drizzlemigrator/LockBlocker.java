package io.drizzlemigrator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session that kept a migration's statement from its lock, as {@code pg_blocking_pids} named it and
 * {@code pg_stat_activity} described it while the statement waited.
 *
 * @param pid the blocking backend's process id
 * @param applicationName its {@code application_name} (empty when it set none)
 * @param clientAddress its client address, or null for a Unix socket or a background process
 * @param state its {@code pg_stat_activity.state}: {@code idle in transaction}, {@code active}...
 * @param transactionAge how long its transaction had been open when it was seen, or null outside a transaction
 * @param query the first {@value #MAX_QUERY_LENGTH} characters of its current or last query, string and number
 *              literals replaced by {@code ?} (they can hold personal data or secrets)
 * @param waitingForLock whether it was itself waiting for a lock: queued ahead of the migration rather than holding
 *                       what it needs (never terminated by {@code terminateBlockers})
 */
public record LockBlocker(int pid, String applicationName, String clientAddress, String state,
        Duration transactionAge, String query, boolean waitingForLock) {

    /** Longest query text kept, in characters. */
    public static final int MAX_QUERY_LENGTH = 200;

    /** One line for a log: {@code pid 4242 (app "billing", 10.0.0.7, idle in transaction for 12 s): UPDATE ...}. */
    public String describe() {
        StringBuilder s = new StringBuilder("pid ").append(pid).append(" (application \"").append(applicationName)
                .append('"');
        if (clientAddress != null) {
            s.append(", ").append(clientAddress);
        }
        s.append(", ").append(state);
        if (transactionAge != null) {
            s.append(", transaction open ").append(transactionAge.toMillis()).append(" ms");
        }
        if (waitingForLock) {
            s.append(", itself waiting for a lock");
        }
        return s.append("): ").append(query).toString();
    }

    /** As JSON-ready values, for health details. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", pid);
        m.put("applicationName", applicationName);
        Views.put(m, "clientAddress", clientAddress);
        Views.put(m, "state", state);
        Views.put(m, "transactionAge", transactionAge);
        m.put("query", query);
        m.put("waitingForLock", waitingForLock);
        return Collections.unmodifiableMap(m);
    }
}
