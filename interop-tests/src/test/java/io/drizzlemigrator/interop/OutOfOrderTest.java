package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.ValidationException;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kaneo corpus has journal entries whose {@code when} is older than the entry before them: 0006 is older than
 * 0005, 0025 and 0026 are older than 0024. drizzle's migrator only applies entries newer than the newest row, so a
 * database that stopped at 0005 or 0024 never gets them. Applied from an empty database, or cut at half (entry 21,
 * {@link HandOverTest}), nothing goes wrong: these two cuts are where the truth shows.
 */
class OutOfOrderTest {

    @RegisterExtension
    final ScratchDatabases databases = new ScratchDatabases();

    /** The database stopped after 0005 (6 entries applied): 0006 is older than 0005. */
    static final int AT_0005 = 6;
    /** The database stopped after 0024 (25 entries applied): 0025 and 0026 are older than 0024. */
    static final int AT_0024 = 25;

    private final InteropFolder kaneo = InteropFolder.corpus("usekaneo__kaneo");
    private final Path folder = kaneo.path();
    private final List<String> tags = HandOverTest.tags(kaneo);

    @Test
    void drizzleSilentlySkipsTheEntryOlderThanItsNewestRowForever() {
        TestDatabase db = databases.create("kaneo_drizzle_at_0005");
        kaneo.drizzleTo(db, 0, AT_0005);

        DrizzleOrm.V0.migrate(db, folder);
        DrizzleOrm.V0.migrate(db, folder);

        List<String> expected = Bookkeeping.hashes(Bookkeeping.expectedV0(folder, kaneo.size()));
        assertThat(Bookkeeping.hashes(Bookkeeping.rows(db)))
                .as("drizzle reported success, yet 0006 was never applied and never will be")
                .hasSize(kaneo.size() - 1)
                .doesNotContain(expected.get(6))
                .containsExactlyElementsOf(without(expected, 6));
    }

    @Test
    void drizzleSkipsTwoEntriesAndThenFailsOnTheFirstMigrationThatNeedsThem() {
        TestDatabase db = databases.create("kaneo_drizzle_at_0024");
        kaneo.drizzleTo(db, 0, AT_0024);

        String error = DrizzleOrm.V0.migrateExpectingFailure(db, folder);

        // 0025 creates user_notification_workspace_project; drizzle skipped it and 0027 indexes it
        assertThat(error).contains("relation \"user_notification_workspace_project\" does not exist")
                .contains("42P01");
        assertThat(Bookkeeping.rows(db)).as("the database is stuck at 0024 until someone edits the journal")
                .isEqualTo(Bookkeeping.expectedV0(folder, AT_0024));
    }

    @ParameterizedTest(name = "database at entry {0}")
    @ValueSource(ints = {AT_0005, AT_0024})
    void drizzleMigratorRefusesTheLateEntriesWithAnOutOfOrderErrorByDefault(int applied) {
        List<String> late = applied == AT_0005 ? List.of(tags.get(6)) : List.of(tags.get(25), tags.get(26));
        TestDatabase db = databases.create("kaneo_refused_" + applied);
        kaneo.drizzleTo(db, 0, applied);

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> Migrators.migrate(db, folder));

        assertThat(refused).as("default OutOfOrderPolicy.FAIL").isNotNull();
        assertThat(refused.getMessage()).contains(late);
        assertThat(refused.status().outOfOrder()).extracting(MigrationInfo::tag).containsExactlyElementsOf(late);
        assertThat(Bookkeeping.rows(db)).as("nothing applied").isEqualTo(Bookkeeping.expectedV0(folder, applied));
    }

    @ParameterizedTest(name = "database at entry {0}")
    @ValueSource(ints = {AT_0005, AT_0024})
    void drizzleMigratorAppliesTheLateEntriesInJournalOrderWhenAskedTo(int applied) {
        TestDatabase db = databases.create("kaneo_apply_" + applied);
        kaneo.drizzleTo(db, 0, applied);

        MigrateResult result = Migrators.configure(db, folder).outOfOrder(OutOfOrderPolicy.APPLY).load().migrate();

        assertThat(result.applied()).extracting(AppliedMigration::tag)
                .containsExactlyElementsOf(tags.subList(applied, kaneo.size()));
        assertThat(Bookkeeping.rows(db)).isEqualTo(Bookkeeping.expectedV0(folder, kaneo.size()));
        assertThat(SchemaDump.of(db)).isEqualTo(Baselines.byDrizzle(kaneo).schema());

        DrizzleOrm.V0.migrate(db, folder);
        assertThat(Bookkeeping.rows(db)).as("drizzle then finds nothing to do")
                .isEqualTo(Bookkeeping.expectedV0(folder, kaneo.size()));
    }

    private static List<String> without(List<String> list, int index) {
        List<String> copy = new java.util.ArrayList<>(list);
        copy.remove(index);
        return copy;
    }
}
