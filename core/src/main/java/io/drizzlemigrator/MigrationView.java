package io.drizzlemigrator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One migration as every face shows it: what the folder and the table say, and what this process did with it.
 *
 * @param tag the journal tag (for a row unknown to the folder, its stored name or {@code <unknown>})
 * @param state its state
 * @param createdAtMillis what drizzle stores as {@code created_at}: the journal's {@code when} or the 1.0 folder's
 *                        timestamp; for an unknown row the stored value
 * @param hash the file's SHA-256; for an unknown row the stored hash
 * @param storedHash the hash stored when it was applied, only when it differs from {@code hash} (an edited file)
 * @param appliedAt when it was applied: from the table when it records it, else when this process applied it
 * @param transactional whether it runs (or ran) inside a transaction; null when not known (see
 *                      {@link MigrationInfo#transactional()}) and this process did not apply it
 * @param appliedByThisProcess when, how long and how this process applied it, or null
 */
public record MigrationView(String tag, MigrationState state, long createdAtMillis, String hash, String storedHash,
        Instant appliedAt, Boolean transactional, ProcessActivity.Applied appliedByThisProcess) {

    public MigrationView {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(state, "state");
    }

    /** The view of {@code m}, with what {@code activity} (null when nothing is tracked) knows of it. */
    public static MigrationView of(MigrationInfo m, ProcessActivity activity) {
        boolean unknown = m.state() == MigrationState.UNKNOWN;
        ProcessActivity.Applied mine = activity == null || !m.isApplied() ? null : activity.applied(m.tag())
                .orElse(null);
        String hash = unknown ? m.storedHash() : m.hash();
        String stored = !unknown && m.storedHash() != null && !m.storedHash().equals(m.hash()) ? m.storedHash() : null;
        Instant appliedAt = m.appliedTime().orElse(mine == null ? null : mine.at());
        Boolean transactional = mine != null ? Boolean.valueOf(mine.transactional()) : m.transactional();
        return new MigrationView(m.tag(), m.state(), m.folderMillis(), hash, stored, appliedAt, transactional, mine);
    }

    /**
     * As JSON-ready values: {@code tag}, {@code state} (lower case), {@code createdAt} (ISO-8601) and
     * {@code createdAtMillis}, {@code hash}, {@code storedHash}, {@code appliedAt}, {@code transactional},
     * {@code appliedByThisProcess}, and for those {@code duration} (ISO-8601) and {@code durationMillis}. Absent facts
     * are left out.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", tag);
        m.put("state", state.name().toLowerCase(Locale.ROOT));
        if (createdAtMillis > 0) {
            m.put("createdAt", Instant.ofEpochMilli(createdAtMillis).toString());
            m.put("createdAtMillis", createdAtMillis);
        }
        Views.put(m, "hash", hash);
        Views.put(m, "storedHash", storedHash);
        Views.put(m, "appliedAt", appliedAt);
        Views.put(m, "transactional", transactional);
        m.put("appliedByThisProcess", appliedByThisProcess != null);
        if (appliedByThisProcess != null) {
            Views.put(m, "duration", appliedByThisProcess.duration());
            m.put("durationMillis", appliedByThisProcess.duration().toMillis());
        }
        return Collections.unmodifiableMap(m);
    }
}
