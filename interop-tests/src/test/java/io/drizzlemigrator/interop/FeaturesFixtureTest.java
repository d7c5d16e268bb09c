package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shapes that drizzle's one-transaction-for-everything migrator cannot apply, or survives only by a trick, on the
 * {@code features} fixture ({@code src/test/resources/fixtures/features}):
 * <ol start="0">
 * <li>{@code CREATE TYPE mood} and a table using it</li>
 * <li>{@code ALTER TYPE mood ADD VALUE 'happy'}</li>
 * <li>a default that uses {@code 'happy'} (PostgreSQL refuses it until the value is committed)</li>
 * <li>a custom migration: a {@code $$} plpgsql function with semicolons inside, and a trigger, in one chunk</li>
 * <li>a bare {@code CREATE INDEX CONCURRENTLY}</li>
 * <li>{@code COMMIT;} then {@code CREATE INDEX CONCURRENTLY} (the trick teams use to escape drizzle's transaction)</li>
 * <li>a file that starts with {@code COMMIT;}, runs two concurrent index statements and ends with {@code BEGIN;}
 * followed by a table</li>
 * </ol>
 */
class FeaturesFixtureTest {

    @RegisterExtension
    final ScratchDatabases databases = new ScratchDatabases();

    private final InteropFolder features = InteropFolder.features();
    private final Path folder = features.path();
    private final int all = features.size();

    @Test
    void drizzleCannotUseAnEnumValueAddedEarlierInTheSameRunButDrizzleMigratorCan() {
        Path upToTheUse = MigrationFolders.cutAt(folder, InteropFolder.FIXTURE_AFTER_ADD_VALUE + 1);
        TestDatabase byDrizzle = databases.create("enum_drizzle");
        TestDatabase byMigrator = databases.create("enum_migrator");
        String error = DrizzleOrm.V0.migrateExpectingFailure(byDrizzle, upToTheUse);

        // drizzle-orm issue #3466: all pending migrations share one transaction, so the value is not committed yet
        assertThat(error).contains("unsafe use of new value \"happy\" of enum type mood").contains("55P04");
        assertThat(Bookkeeping.rows(byDrizzle)).as("drizzle rolled everything back").isEmpty();

        MigrateResult result = Migrators.migrate(byMigrator, upToTheUse);
        assertThat(result.appliedCount()).isEqualTo(InteropFolder.FIXTURE_AFTER_ADD_VALUE + 1);
        assertThat(Bookkeeping.rows(byMigrator))
                .isEqualTo(Bookkeeping.expectedV0(folder, InteropFolder.FIXTURE_AFTER_ADD_VALUE + 1));
    }

    @Test
    void drizzleFailsOnABareConcurrentIndexBecauseItRunsEverythingInOneTransaction() {
        TestDatabase db = databases.create("bare_concurrently_drizzle");
        features.drizzleTo(db, 0, InteropFolder.FIXTURE_BARE_CONCURRENTLY_INDEX);

        String error = DrizzleOrm.V0.migrateExpectingFailure(db, folder);

        // drizzle-orm issue #860 (open since 2023)
        assertThat(error).contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block")
                .contains("25001");
        assertThat(Bookkeeping.rows(db)).as("the failed run recorded nothing")
                .isEqualTo(Bookkeeping.expectedV0(folder, InteropFolder.FIXTURE_BARE_CONCURRENTLY_INDEX));
        assertThat(db.relationExists("public.person_email_idx")).isFalse();
    }

    @Test
    void drizzleMigratorTakesOverADatabaseThatDrizzleCannotMoveAndDrizzleCarriesOnAfterwards() {
        TestDatabase db = databases.create("bare_concurrently_takeover");
        features.drizzleTo(db, 0, InteropFolder.FIXTURE_BARE_CONCURRENTLY_INDEX);
        DrizzleOrm.V0.migrateExpectingFailure(db, folder);

        MigrateResult result = Migrators.migrate(db, folder);

        assertThat(result.applied()).extracting(AppliedMigration::tag)
                .containsExactlyElementsOf(HandOverTest.tags(features)
                        .subList(InteropFolder.FIXTURE_BARE_CONCURRENTLY_INDEX, all));
        assertThat(result.applied().get(0).transactional())
                .as("the bare CREATE INDEX CONCURRENTLY ran outside a transaction").isFalse();
        assertThat(Bookkeeping.rows(db)).isEqualTo(Bookkeeping.expectedV0(folder, all));
        assertThat(invalidIndexes(db)).isEmpty();
        assertThat(SchemaDump.of(db)).as("same schema as drizzle makes of the variant without CONCURRENTLY")
                .isEqualTo(Baselines.byDrizzle(InteropFolder.featuresForDrizzle()).schema());

        DrizzleOrm.V0.migrate(db, folder);
        assertThat(Bookkeeping.rows(db)).as("drizzle then finds nothing to do")
                .isEqualTo(Bookkeeping.expectedV0(folder, all));
    }

    @Test
    void drizzleMigratorAppliesTheWholeFixtureInOneRunAndTheFunctionBodyArrivesIntact() {
        TestDatabase db = databases.create("features_whole");
        MigrateResult result = Migrators.migrate(db, folder);

        assertThat(result.appliedCount()).isEqualTo(all);
        assertThat(Bookkeeping.rows(db)).isEqualTo(Bookkeeping.expectedV0(folder, all));
        assertThat(invalidIndexes(db)).isEmpty();
        assertThat(SchemaDump.of(db))
                .isEqualTo(Baselines.byDrizzle(InteropFolder.featuresForDrizzle()).schema());
        assertThat(db.queryValue("insert into person (name) values ('  Ada  ') returning name || '/' || mood"))
                .as("the trigger function trims names; the default mood is the added enum value")
                .isEqualTo("Ada/happy");
    }

    @Test
    void drizzleSurvivesCommitFollowedByAConcurrentIndexAndPostgresOnlyWarns() {
        InteropFolder variant = InteropFolder.featuresForDrizzle();
        TestDatabase db = databases.create("commit_trick_drizzle");
        variant.drizzleTo(db, 0, InteropFolder.FIXTURE_BARE_CONCURRENTLY_INDEX + 1);

        DrizzleOrm.Result result = DrizzleOrm.V0.migrate(db, variant.path());

        // 0005's COMMIT ends drizzle's transaction early; 0006's own COMMIT then finds none
        assertThat(result.notices()).contains("WARNING 25P01 there is no transaction in progress");
        assertThat(Bookkeeping.rows(db)).isEqualTo(Bookkeeping.expectedV0(variant.path(), all));
        assertThat(db.relationExists("public.person_created_at_name_idx")).isTrue();
        assertThat(db.relationExists("public.person_created_at_idx")).isFalse();
        assertThat(invalidIndexes(db)).isEmpty();
    }

    private static List<Object> invalidIndexes(TestDatabase db) {
        return db.query("select indexrelid::regclass::text from pg_index where not indisvalid").stream()
                .map(r -> r.get(0)).toList();
    }
}
