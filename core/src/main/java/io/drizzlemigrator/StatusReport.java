package io.drizzlemigrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the folder and the database say, without changing anything: every migration of the folder in journal order,
 * then the rows that match no entry.
 *
 * @param location the folder, as configured
 * @param table the bookkeeping table, schema-qualified
 * @param migrations every migration and unknown row
 */
public record StatusReport(String location, String table, List<MigrationInfo> migrations) {

    public StatusReport {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(table, "table");
        migrations = List.copyOf(migrations);
    }

    public List<MigrationInfo> withState(MigrationState state) {
        return select(state, state);
    }

    /** Migrations with a row (applied or edited), in journal order. */
    public List<MigrationInfo> applied() {
        return select(MigrationState.APPLIED, MigrationState.EDITED);
    }

    /** In a loop rather than a stream: this runs on every service start, before the JIT has compiled anything. */
    private List<MigrationInfo> select(MigrationState a, MigrationState b) {
        List<MigrationInfo> out = new ArrayList<>();
        for (MigrationInfo m : migrations) {
            if (m.state() == a || m.state() == b) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    public List<MigrationInfo> pending() {
        return withState(MigrationState.PENDING);
    }

    public List<MigrationInfo> outOfOrder() {
        return withState(MigrationState.OUT_OF_ORDER);
    }

    public List<MigrationInfo> edited() {
        return withState(MigrationState.EDITED);
    }

    public List<MigrationInfo> unknown() {
        return withState(MigrationState.UNKNOWN);
    }

    /** The newest applied migration of this folder (journal order), if any. */
    public Optional<MigrationInfo> lastApplied() {
        List<MigrationInfo> applied = applied();
        return applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1));
    }

    /** True when nothing is pending or out of order. */
    public boolean isUpToDate() {
        return pending().isEmpty() && outOfOrder().isEmpty();
    }
}
