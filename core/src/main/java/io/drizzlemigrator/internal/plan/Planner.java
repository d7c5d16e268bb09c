package io.drizzlemigrator.internal.plan;

import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.internal.history.HistoryRow;
import io.drizzlemigrator.internal.source.MigrationFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the folder's migrations to the table's rows, one to one. A row matches a migration by drizzle 1.0's
 * {@code name} when it has one; otherwise by {@code created_at} equal to the migration's {@code when} (drizzle
 * 0.x), or equal to it once truncated to seconds (rows written from a 0.x journal, read with a 1.0 folder),
 * preferring a row with the same hash when several share a {@code created_at}.
 *
 * <p>Unlike drizzle's "newer than the newest row" rule, this tells apart a migration that is applied, one that is
 * pending, and one that is missing although a newer one is applied (out of order, which drizzle skips forever).
 */
public final class Planner {

    private Planner() {
    }

    /** Plans a 0.x journal folder. */
    public static Plan plan(List<MigrationFile> migrations, List<HistoryRow> rows) {
        return plan(migrations, rows, false);
    }

    /**
     * @param folderOrder the migrations are drizzle 1.0 folders: an unapplied one is out of order only when a folder
     *                    after it is applied (1.0 stores whole seconds, so folders of one second share created_at);
     *                    for journals, an unapplied entry not newer than the newest row is out of order (drizzle 0.x
     *                    would skip it)
     */
    public static Plan plan(List<MigrationFile> migrations, List<HistoryRow> rows, boolean folderOrder) {
        HistoryRow[] matched = aligned(migrations, rows);
        if (matched != null) {
            return plan(migrations, matched, rows.isEmpty() ? null : rows.get(rows.size() - 1), List.of(),
                    folderOrder);
        }
        return planByIndexes(migrations, rows, folderOrder);
    }

    /** The general matching, by indexes of the rows' names and {@code created_at}. */
    static Plan planByIndexes(List<MigrationFile> migrations, List<HistoryRow> rows, boolean folderOrder) {
        Map<String, HistoryRow> byName = new HashMap<>();
        Map<Long, List<HistoryRow>> byCreatedAt = new HashMap<>();
        Map<Long, List<HistoryRow>> bySecond = new HashMap<>();
        HistoryRow newest = null;
        for (HistoryRow row : rows) {
            if (row.name() != null) {
                byName.putIfAbsent(row.name(), row);
            }
            if (row.createdAt() != null) {
                add(byCreatedAt, row.createdAt(), row);
                add(bySecond, Math.floorDiv(row.createdAt(), 1000L) * 1000L, row);
                if (newest == null || row.createdAt() > newest.createdAt()) {
                    newest = row;
                }
            }
        }
        // identity: rows are distinct objects, and a record's hashCode would hash every field of every row
        Set<HistoryRow> used = Collections.newSetFromMap(new IdentityHashMap<>());
        HistoryRow[] matched = new HistoryRow[migrations.size()];
        // Pass 1: names, which are exact (a 0.x table has none: no name is derived then).
        for (int i = 0; i < migrations.size() && !byName.isEmpty(); i++) {
            HistoryRow row = byName.get(migrations.get(i).name());
            if (row != null && used.add(row)) {
                matched[i] = row;
            }
        }
        // Pass 2: created_at (rows without a name, or whose name is not in this folder).
        for (int i = 0; i < migrations.size(); i++) {
            if (matched[i] != null) {
                continue;
            }
            MigrationFile m = migrations.get(i);
            HistoryRow row = pick(byCreatedAt.get(m.folderMillis()), m, used);
            if (row == null && m.folderMillis() % 1000 == 0) {
                row = pick(bySecond.get(m.folderMillis()), m, used);
            }
            if (row != null) {
                used.add(row);
                matched[i] = row;
            }
        }
        List<HistoryRow> unknown = new ArrayList<>();
        for (HistoryRow row : rows) {
            if (!used.contains(row)) {
                unknown.add(row);
            }
        }
        return plan(migrations, matched, newest, unknown, folderOrder);
    }

    /**
     * The match when the table holds exactly the first migrations of the folder, in order (the usual case): rows
     * without names whose {@code created_at} equal the migrations' {@code when} one for one and strictly increase.
     * The general matching gives the same answer then (each row is the only candidate of its migration); this skips
     * its indexes, on every service start. Null when the rows are not so.
     */
    private static HistoryRow[] aligned(List<MigrationFile> migrations, List<HistoryRow> rows) {
        if (rows.size() > migrations.size()) {
            return null;
        }
        HistoryRow[] matched = new HistoryRow[migrations.size()];
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            HistoryRow row = rows.get(i);
            Long createdAt = row.createdAt();
            if (row.name() != null || createdAt == null || createdAt <= previous
                    || createdAt != migrations.get(i).folderMillis()) {
                return null;
            }
            previous = createdAt;
            matched[i] = row;
        }
        return matched;
    }

    private static Plan plan(List<MigrationFile> migrations, HistoryRow[] matched, HistoryRow newest,
            List<HistoryRow> unknown, boolean folderOrder) {
        long newestCreatedAt = newest == null ? Long.MIN_VALUE : newest.createdAt();
        boolean[] laterApplied = new boolean[migrations.size()];
        for (int i = migrations.size() - 2; i >= 0; i--) {
            laterApplied[i] = laterApplied[i + 1] || matched[i + 1] != null;
        }
        List<Plan.Entry> entries = new ArrayList<>(migrations.size());
        for (int i = 0; i < migrations.size(); i++) {
            MigrationFile m = migrations.get(i);
            HistoryRow row = matched[i];
            MigrationState state;
            if (row != null) {
                state = sameHash(row.hash(), m.hash()) ? MigrationState.APPLIED : MigrationState.EDITED;
            } else if (folderOrder ? laterApplied[i] : m.folderMillis() <= newestCreatedAt) {
                state = MigrationState.OUT_OF_ORDER;
            } else {
                state = MigrationState.PENDING;
            }
            entries.add(new Plan.Entry(m, state, row));
        }
        return new Plan(entries, unknown, newest);
    }

    private static void add(Map<Long, List<HistoryRow>> index, Long key, HistoryRow row) {
        List<HistoryRow> rows = index.get(key);
        if (rows == null) {
            rows = new ArrayList<>(1);
            index.put(key, rows);
        }
        rows.add(row);
    }

    /** The unused candidate with the same hash, else the first unused one, else null. */
    private static HistoryRow pick(List<HistoryRow> candidates, MigrationFile m, Set<HistoryRow> used) {
        if (candidates == null) {
            return null;
        }
        HistoryRow first = null;
        for (HistoryRow row : candidates) {
            if (used.contains(row)) {
                continue;
            }
            if (sameHash(row.hash(), m.hash())) {
                return row;
            }
            if (first == null) {
                first = row;
            }
        }
        return first;
    }

    /** Whether a stored hash (lowercase as drizzle writes it, or not) is the file's lowercase hash. */
    private static boolean sameHash(String stored, String file) {
        return stored != null && (stored.equals(file) || stored.equalsIgnoreCase(file));
    }
}
