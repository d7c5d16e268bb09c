package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.interop.Baselines.Baseline;
import io.drizzlemigrator.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise: a database migrated by drizzle's own migrator (drizzle-orm 0.45, the code {@code drizzle-kit migrate}
 * runs) can be taken over by drizzle-migrator, and back again, with nothing applied twice and nothing skipped. Run on
 * every real corpus and on the {@code features} fixture (in the variant drizzle can apply), cut at half the entries.
 */
class HandOverTest {

    @RegisterExtension
    final ScratchDatabases databases = new ScratchDatabases();

    static List<InteropFolder> folders() {
        return InteropFolder.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void drizzleMigratorFinishesWhatDrizzleStartedAndDrizzleThenFindsNothingToDo(InteropFolder folder) {
        Baseline wholeByDrizzle = Baselines.byDrizzle(folder);
        int n = folder.size();
        int k = folder.half();
        TestDatabase db = databases.create("drizzle_first_" + folder.name());
        folder.drizzleTo(db, 0, k);
        assertThat(Bookkeeping.rows(db)).as("rows after drizzle applied the first %d entries", k)
                .isEqualTo(Bookkeeping.expectedV0(folder.path(), k));

        MigrateResult result = Migrators.migrate(db, folder.path());

        assertThat(result.applied()).extracting(AppliedMigration::tag)
                .as("drizzle-migrator applies exactly the entries drizzle had not")
                .containsExactlyElementsOf(tags(folder).subList(k, n));
        assertThat(Bookkeeping.rows(db)).as("every entry recorded once, in journal order")
                .isEqualTo(Bookkeeping.expectedV0(folder.path(), n));
        assertThat(SchemaDump.of(db)).as("schema compared with the folder migrated wholly by drizzle")
                .isEqualTo(wholeByDrizzle.schema());

        DrizzleOrm.V0.migrate(db, folder.path());
        assertThat(Bookkeeping.rows(db)).as("rows after drizzle ran again on the whole folder")
                .isEqualTo(Bookkeeping.expectedV0(folder.path(), n));
        assertThat(Migrators.migrate(db, folder.path()).appliedCount())
                .as("a second drizzle-migrator run").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void drizzleFinishesWhatDrizzleMigratorStartedAndASecondDrizzleRunFindsNothingToDo(InteropFolder folder) {
        Baseline wholeByDrizzle = Baselines.byDrizzle(folder);
        int n = folder.size();
        int k = folder.half();
        TestDatabase db = databases.create("migrator_first_" + folder.name());
        assertThat(Migrators.migrate(db, MigrationFolders.cutAt(folder.path(), k)).appliedCount()).isEqualTo(k);
        assertThat(Bookkeeping.rows(db)).as("rows after drizzle-migrator applied the first %d entries", k)
                .isEqualTo(Bookkeeping.expectedV0(folder.path(), k));

        folder.drizzleTo(db, k, n);
        assertThat(Bookkeeping.rows(db)).as("drizzle applied the rest, each once, in journal order")
                .isEqualTo(Bookkeeping.expectedV0(folder.path(), n));

        DrizzleOrm.V0.migrate(db, folder.path());
        assertThat(Bookkeeping.rows(db)).as("a second drizzle run adds no row")
                .isEqualTo(Bookkeeping.expectedV0(folder.path(), n));
        assertThat(SchemaDump.of(db)).as("schema compared with the folder migrated wholly by drizzle")
                .isEqualTo(wholeByDrizzle.schema());
        assertThat(Migrators.configure(db, folder.path()).load().status().isUpToDate())
                .as("drizzle-migrator sees drizzle's rows as its own").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void bothMigratorsMakeTheSameSchemaAndTheSameRowsFromTheWholeFolder(InteropFolder folder) {
        Baseline wholeByDrizzle = Baselines.byDrizzle(folder);
        assertThat(wholeByDrizzle.rows()).as("drizzle's own rows: sha256 of each file and the journal's when")
                .isEqualTo(Bookkeeping.expectedV0(folder.path(), folder.size()));
        TestDatabase db = databases.create("migrator_whole_" + folder.name());
        assertThat(Migrators.migrate(db, folder.path()).appliedCount()).isEqualTo(folder.size());

        assertThat(SchemaDump.of(db)).as("schema, bookkeeping table included").isEqualTo(wholeByDrizzle.schema());
        assertThat(Bookkeeping.rows(db)).as("bookkeeping rows (hash, created_at) in id order")
                .isEqualTo(wholeByDrizzle.rows());
    }

    static List<String> tags(InteropFolder folder) {
        return MigrationFolders.entries(folder.path()).stream().map(MigrationFolders.Entry::tag).toList();
    }
}
