package io.drizzlemigrator.interop;

import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.TestDatabase;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A drizzle-kit 0.x folder the hand-over tests run on: every real corpus, and the {@code features} fixture in the
 * variant drizzle can apply (its bare {@code CREATE INDEX CONCURRENTLY} made plain).
 *
 * @param name how the tests name it
 * @param path the folder
 * @param drizzleStops entry counts at which drizzle's migrator must end a run before going on, because it applies
 *                     all pending migrations in one transaction (an enum value added by one migration and used by a
 *                     later one must be committed in between)
 */
record InteropFolder(String name, Path path, SortedSet<Integer> drizzleStops) {

    /** The fixture's migration that adds an enum value, and the one after it that uses it. */
    static final int FIXTURE_AFTER_ADD_VALUE = 2;
    /** The fixture's file with a bare {@code CREATE INDEX CONCURRENTLY} (the 5th entry). */
    static final String FIXTURE_BARE_CONCURRENTLY = "0004_person_email_index_concurrently.sql";
    static final int FIXTURE_BARE_CONCURRENTLY_INDEX = 4;

    private static final Map<String, InteropFolder> CACHE = new ConcurrentHashMap<>();

    InteropFolder {
        drizzleStops = new TreeSet<>(drizzleStops);
    }

    /** Every corpus of {@link Corpora#names()} and the drizzle-applicable fixture. */
    static List<InteropFolder> all() {
        List<InteropFolder> all = new ArrayList<>();
        for (String corpus : Corpora.names()) {
            all.add(corpus(corpus));
        }
        all.add(featuresForDrizzle());
        return all;
    }

    static InteropFolder corpus(String name) {
        return CACHE.computeIfAbsent(name, n -> new InteropFolder(n, Corpora.folder(n), new TreeSet<>()));
    }

    /**
     * The {@code features} fixture as it is: enums with {@code ADD VALUE} used by the next migration, a custom
     * {@code $$} function, a bare {@code CREATE INDEX CONCURRENTLY} (drizzle cannot apply it), {@code COMMIT;}
     * followed by {@code CONCURRENTLY} (drizzle survives it), and a file that starts with {@code COMMIT;} and ends
     * with {@code BEGIN;}.
     */
    static InteropFolder features() {
        return CACHE.computeIfAbsent("features", n -> new InteropFolder(n, fixture("features"),
                new TreeSet<>(List.of(FIXTURE_AFTER_ADD_VALUE))));
    }

    /** {@link #features()} with its bare {@code CREATE INDEX CONCURRENTLY} made a plain {@code CREATE INDEX}. */
    static InteropFolder featuresForDrizzle() {
        InteropFolder features = features();
        return CACHE.computeIfAbsent("features-for-drizzle", n -> new InteropFolder(n,
                MigrationFolders.withFileEdited(features.path(), FIXTURE_BARE_CONCURRENTLY,
                        sql -> sql.replace("CREATE INDEX CONCURRENTLY", "CREATE INDEX")),
                features.drizzleStops()));
    }

    int size() {
        return MigrationFolders.entries(path).size();
    }

    /** The cut point of the hand-over tests: half the entries. */
    int half() {
        return size() / 2;
    }

    /**
     * Takes {@code db} from its first {@code from} entries applied to its first {@code to} with drizzle 0.x's
     * migrator, one run per stop in between.
     */
    void drizzleTo(TestDatabase db, int from, int to) {
        for (int stop : drizzleStops.subSet(from + 1, to)) {
            DrizzleOrm.V0.migrate(db, MigrationFolders.cutAt(path, stop));
        }
        DrizzleOrm.V0.migrate(db, to == size() ? path : MigrationFolders.cutAt(path, to));
    }

    private static Path fixture(String name) {
        URL journal = InteropFolder.class.getClassLoader().getResource("fixtures/" + name + "/meta/_journal.json");
        if (journal == null) {
            throw new IllegalStateException("No fixture fixtures/" + name + " on the test class path");
        }
        try {
            return Path.of(journal.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
