package io.drizzlemigrator.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.internal.history.HistoryRow;
import io.drizzlemigrator.internal.source.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link Planner#plan} skips its indexes when the table holds the folder's first migrations in order; whatever the
 * folder and the rows, its plan must be the one the general matching gives.
 */
class PlannerFastPathTest {

    private static final String[] HASHES = {"h0", "h1", "H1", "h2"};

    @Property(tries = 3000)
    void givesTheSamePlanAsTheGeneralMatching(@ForAll long seed, @ForAll @IntRange(min = 0, max = 8) int size,
            @ForAll boolean folderOrder) {
        Random random = new Random(seed);
        List<MigrationFile> folder = new ArrayList<>();
        long when = 1000L * random.nextInt(3);
        for (int i = 0; i < size; i++) {
            // mostly increasing, sometimes equal (twins), sometimes whole seconds
            when += random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1500);
            folder.add(new MigrationFile("m" + i, when, "m" + i, "m" + i + ".sql", "select 1;",
                    "h" + random.nextInt(3), i));
        }
        List<HistoryRow> rows = rows(random, folder);

        Plan expected = Planner.planByIndexes(folder, rows, folderOrder);
        Plan actual = Planner.plan(folder, rows, folderOrder);

        Statistics.collect(rowsAreAPrefix(folder, rows) ? "aligned" : "general");
        Statistics.coverage(c -> c.check("aligned").percentage(p -> p > 30));
        assertThat(actual).isEqualTo(expected);
    }

    /** Rows as a table might hold them: often the folder's first migrations in order, else perturbed. */
    private static List<HistoryRow> rows(Random random, List<MigrationFile> folder) {
        List<HistoryRow> rows = new ArrayList<>();
        int applied = folder.isEmpty() ? 0 : random.nextInt(folder.size() + 1);
        for (int i = 0; i < applied; i++) {
            MigrationFile m = folder.get(i);
            String hash = random.nextInt(6) == 0 ? HASHES[random.nextInt(HASHES.length)] : m.hash();
            rows.add(new HistoryRow(i + 1, hash, m.folderMillis(), null, null));
        }
        switch (random.nextInt(8)) {
            case 0 -> { // a row of a newer build
                long last = folder.isEmpty() ? 0 : folder.get(folder.size() - 1).folderMillis();
                rows.add(new HistoryRow(rows.size() + 1, "hz", last + random.nextInt(3), null, null));
            }
            case 1 -> { // a row without created_at
                rows.add(new HistoryRow(rows.size() + 1, "h0", null, null, null));
            }
            case 2 -> { // rows in another order
                java.util.Collections.reverse(rows);
            }
            case 3 -> { // a drizzle 1.0 row with a name
                if (!rows.isEmpty()) {
                    HistoryRow r = rows.get(0);
                    rows.set(0, new HistoryRow(r.id(), r.hash(), r.createdAt(), "m" + random.nextInt(3), null));
                }
            }
            case 4 -> { // a second row for an applied migration (written twice by racing runners without a lock)
                if (!rows.isEmpty()) {
                    HistoryRow r = rows.get(random.nextInt(rows.size()));
                    rows.add(new HistoryRow(rows.size() + 1, r.hash(), r.createdAt(), null, null));
                }
            }
            case 5 -> { // created_at truncated to seconds (a 0.x row read with a 1.0 folder)
                if (!rows.isEmpty()) {
                    HistoryRow r = rows.get(rows.size() - 1);
                    rows.set(rows.size() - 1, new HistoryRow(r.id(), r.hash(), Math.floorDiv(r.createdAt(), 1000L)
                            * 1000L, null, null));
                }
            }
            default -> {
                // the usual case: the first migrations, in order
            }
        }
        return rows;
    }

    private static boolean rowsAreAPrefix(List<MigrationFile> folder, List<HistoryRow> rows) {
        if (rows.size() > folder.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            HistoryRow r = rows.get(i);
            if (r.name() != null || r.createdAt() == null || r.createdAt() != folder.get(i).folderMillis()
                    || (i > 0 && r.createdAt() <= rows.get(i - 1).createdAt())) {
                return false;
            }
        }
        return true;
    }
}
