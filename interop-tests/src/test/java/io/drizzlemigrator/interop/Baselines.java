package io.drizzlemigrator.interop;

import io.drizzlemigrator.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What drizzle's own migrator makes of a whole folder on an empty database (its schema dump and bookkeeping rows),
 * computed once per folder per build and shared by the tests that compare against it.
 */
final class Baselines {

    /** The reference result of a folder migrated wholly by drizzle. */
    record Baseline(String schema, List<Bookkeeping.Row> rows) {
    }

    private static final Map<String, Baseline> V0 = new ConcurrentHashMap<>();
    private static final Map<String, Baseline> V1 = new ConcurrentHashMap<>();

    private Baselines() {
    }

    /** The folder applied by drizzle-orm 0.45 (in as many runs as {@link InteropFolder#drizzleStops()} needs). */
    static Baseline byDrizzle(InteropFolder folder) {
        return V0.computeIfAbsent(folder.name(), n -> {
            TestDatabase db = TestDatabase.create("baseline_" + n);
            try {
                folder.drizzleTo(db, 0, folder.size());
                return new Baseline(SchemaDump.of(db), Bookkeeping.rows(db));
            } finally {
                ScratchDatabases.dropLater(db);
            }
        });
    }

    /** The folder converted by {@code drizzle-kit up} and applied by drizzle-orm 1.0. */
    static Baseline byDrizzleV1(InteropFolder folder) {
        return V1.computeIfAbsent(folder.name(), n -> {
            TestDatabase db = TestDatabase.create("baseline_v1_" + n);
            try {
                DrizzleOrm.V1.migrate(db, MigrationFolders.v1Layout(folder.path()));
                return new Baseline(SchemaDump.of(db), Bookkeeping.rows(db));
            } finally {
                ScratchDatabases.dropLater(db);
            }
        });
    }
}
