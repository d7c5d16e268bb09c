package io.drizzlemigrator.internal.plan;

import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.internal.history.HistoryRow;
import io.drizzlemigrator.internal.source.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The folder matched against the table.
 *
 * @param entries every migration of the folder with its state and matched row (null when not applied)
 * @param unknownRows rows that match no migration of the folder
 * @param newestApplied the row with the largest {@code created_at}, or null for an empty table
 */
public record Plan(List<Entry> entries, List<HistoryRow> unknownRows, HistoryRow newestApplied) {

    public Plan {
        entries = List.copyOf(entries);
        unknownRows = List.copyOf(unknownRows);
    }

    /** A migration of the folder and what the table says about it. */
    public record Entry(MigrationFile migration, MigrationState state, HistoryRow row) {
    }

    public List<Entry> withState(MigrationState state) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.state() == state) {
                out.add(e);
            }
        }
        return out;
    }

    /** The entries a run applies, in folder order: pending ones, plus out-of-order ones when asked to. */
    public List<MigrationFile> toApply(boolean includeOutOfOrder) {
        List<MigrationFile> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.state() == MigrationState.PENDING || (includeOutOfOrder && e.state() == MigrationState.OUT_OF_ORDER)) {
                out.add(e.migration());
            }
        }
        return out;
    }

    /**
     * The public report; {@code transactional} tells, per migration, whether it runs in a transaction (null: not
     * known). Rows that match no file are not known either.
     */
    public StatusReport report(String location, String table, Function<Entry, Boolean> transactional) {
        ArrayList<MigrationInfo> infos = new ArrayList<>(entries.size() + unknownRows.size());
        for (Entry e : entries) {
            MigrationFile m = e.migration();
            HistoryRow row = e.row();
            infos.add(new MigrationInfo(m.tag(), m.file(), e.state(), m.folderMillis(), m.hash(),
                    row == null ? null : row.hash(), row == null ? null : row.appliedAt(), transactional.apply(e)));
        }
        for (HistoryRow row : unknownRows) {
            infos.add(new MigrationInfo(row.name() != null ? row.name() : "<unknown id " + row.id() + ">", null,
                    MigrationState.UNKNOWN, row.createdAt() == null ? 0 : row.createdAt(), null, row.hash(),
                    row.appliedAt(), null));
        }
        return new StatusReport(location, table, infos);
    }
}
