package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.interop.Baselines.Baseline;
import io.drizzlemigrator.interop.Bookkeeping.Row;
import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * drizzle-kit 1.0's folder layout ({@code <YYYYMMDDHHMMSS>_<name>/migration.sql}, made from the corpora by
 * {@code drizzle-kit up} itself) and drizzle-orm 1.0's table ({@code name} and {@code applied_at} added). A database
 * passes between drizzle-orm 1.0 and drizzle-migrator in both directions, and a 0.x table that drizzle 1.0 upgraded in
 * place gets rows from drizzle-migrator that drizzle 1.0 recognises by {@code name} and never re-runs.
 */
class DrizzleOneTest {

    @RegisterExtension
    final ScratchDatabases databases = new ScratchDatabases();

    /**
     * Corpora that {@code drizzle-kit up} refuses to convert: entries in one second (lmnr 0090-0096) or with a
     * {@code when} older than their parent's (kaneo 0006, 0025, 0026) would get folder names that sort before their
     * parent's.
     */
    static final Set<String> REFUSED_BY_UP = Set.of("lmnr-ai__lmnr", "usekaneo__kaneo");

    /**
     * The hand-over scenarios below run on the convertible corpora of at most this many migrations: Dokploy's 186
     * would add a minute and no new case (its folder names are checked by the {@code drizzle-kit up} test, and its
     * hand-over by {@link HandOverTest}).
     */
    static final int MAX_SCENARIO_SIZE = 100;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    static List<InteropFolder> convertible() {
        return Corpora.names().stream().filter(n -> !REFUSED_BY_UP.contains(n)).map(InteropFolder::corpus).toList();
    }

    static List<InteropFolder> scenarios() {
        return convertible().stream().filter(f -> f.size() <= MAX_SCENARIO_SIZE).toList();
    }

    static List<String> refused() {
        return Corpora.names().stream().filter(REFUSED_BY_UP::contains).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void drizzleKitUpRefusesAJournalWhoseFolderNamesWouldSortBeforeTheirParent(String corpus) {
        Path copy = MigrationFolders.copy(Corpora.folder(corpus), corpus + "-up-refused");

        String error = DrizzleOrm.V1.upExpectingFailure(copy);

        assertThat(error).contains("sorts before its parent").contains("No file was changed");
        assertThat(copy.resolve("meta/_journal.json")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convertible")
    void drizzleKitUpNamesEachFolderAfterTheUtcSecondOfWhenAndTheTagWithoutItsPrefix(InteropFolder folder) {
        Path v1 = MigrationFolders.v1Layout(folder.path());
        List<MigrationFolders.Entry> entries = MigrationFolders.entries(folder.path());

        List<String> expected = entries.stream().map(DrizzleOneTest::v1Name).toList();
        assertThat(MigrationFolders.v1Migrations(v1)).as("folder names, in the order drizzle 1.0 applies them")
                .containsExactlyElementsOf(expected);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(Bookkeeping.sha256(v1.resolve(expected.get(i)).resolve("migration.sql")))
                    .as("SQL bytes of %s", entries.get(i).tag())
                    .isEqualTo(Bookkeeping.sha256(folder.path().resolve(entries.get(i).file())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void drizzleMigratorContinuesADatabaseThatDrizzleOneMigratedAndDrizzleOneThenFindsNothingToDo(
            InteropFolder folder) {
        Path v1 = MigrationFolders.v1Layout(folder.path());
        Baseline wholeByDrizzleOne = Baselines.byDrizzleV1(folder);
        int n = folder.size();
        int k = folder.half();
        TestDatabase db = databases.create("v1_drizzle_first_" + folder.name());
        DrizzleOrm.V1.migrate(db, MigrationFolders.v1CutAt(v1, k));
        assertThat(Bookkeeping.rows(db)).as("drizzle 1.0 stores the folder name and its second as created_at")
                .isEqualTo(Bookkeeping.expectedV1(v1, k));

        MigrateResult result = Migrators.migrate(db, v1);

        assertThat(result.applied()).extracting(AppliedMigration::tag)
                .containsExactlyElementsOf(MigrationFolders.v1Migrations(v1).subList(k, n));
        assertThat(Bookkeeping.rows(db)).isEqualTo(Bookkeeping.expectedV1(v1, n));
        assertThat(db.queryLong("select count(*) from " + Bookkeeping.TABLE + " where applied_at is null"))
                .as("applied_at filled as drizzle 1.0 fills it").isZero();

        DrizzleOrm.V1.migrate(db, v1);
        assertThat(Bookkeeping.rows(db)).as("drizzle 1.0 then finds nothing to do")
                .isEqualTo(Bookkeeping.expectedV1(v1, n));
        assertThat(SchemaDump.of(db)).isEqualTo(wholeByDrizzleOne.schema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void drizzleOneContinuesADatabaseThatDrizzleMigratorMigratedFromTheOneLayout(InteropFolder folder) {
        Path v1 = MigrationFolders.v1Layout(folder.path());
        Baseline wholeByDrizzleOne = Baselines.byDrizzleV1(folder);
        int n = folder.size();
        int k = folder.half();
        TestDatabase db = databases.create("v1_migrator_first_" + folder.name());
        assertThat(Migrators.migrate(db, MigrationFolders.v1CutAt(v1, k)).appliedCount()).isEqualTo(k);
        assertThat(Bookkeeping.columns(db)).as("drizzle 1.0's table, created by drizzle-migrator")
                .containsExactly("id", "hash", "created_at", "name", "applied_at");
        assertThat(Bookkeeping.rows(db)).isEqualTo(Bookkeeping.expectedV1(v1, k));

        DrizzleOrm.V1.migrate(db, v1);

        assertThat(Bookkeeping.rows(db)).as("drizzle 1.0 applied the rest, each once")
                .isEqualTo(Bookkeeping.expectedV1(v1, n));
        assertThat(Migrators.migrate(db, v1).appliedCount()).as("a second drizzle-migrator run").isZero();
        assertThat(SchemaDump.of(db)).as("schema, bookkeeping table included")
                .isEqualTo(wholeByDrizzleOne.schema());
        assertThat(Bookkeeping.rows(db)).isEqualTo(wholeByDrizzleOne.rows());
    }

    /**
     * drizzle 0.45 applies the first quarter; drizzle 1.0 (1.0 layout) upgrades the table in place, back-filling
     * {@code name}, and applies up to half; drizzle-migrator applies up to three quarters; drizzle 1.0 applies the
     * rest.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aTableThatDrizzleOneUpgradedInPlaceGetsNamedRowsFromDrizzleMigratorThatDrizzleOneDoesNotRerun(
            InteropFolder folder) {
        takeOverAfterInPlaceUpgrade(folder, false);
    }

    /** As above, but the Java service still ships the 0.x journal folder while another service runs drizzle 1.0. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void drizzleMigratorWithTheJournalFolderWritesTheNamesDrizzleOneExpectsIntoAnUpgradedTable(
            InteropFolder folder) {
        takeOverAfterInPlaceUpgrade(folder, true);
    }

    private void takeOverAfterInPlaceUpgrade(InteropFolder folder, boolean migratorUsesJournal) {
        Path v1 = MigrationFolders.v1Layout(folder.path());
        List<MigrationFolders.Entry> entries = MigrationFolders.entries(folder.path());
        List<Row> v1Rows = Bookkeeping.expectedV1(v1, folder.size());
        int n = folder.size();
        int a = n / 4;
        int b = n / 2;
        int c = 3 * n / 4;
        TestDatabase db = databases.create("v1_upgraded_" + (migratorUsesJournal ? "journal_" : "")
                + folder.name());
        DrizzleOrm.V0.migrate(db, MigrationFolders.cutAt(folder.path(), a));
        DrizzleOrm.V1.migrate(db, MigrationFolders.v1CutAt(v1, b));

        List<Row> expected = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            // rows written by 0.45 keep the journal's millisecond when; drizzle 1.0 back-fills their name
            expected.add(i < a ? new Row(v1Rows.get(i).hash(), entries.get(i).when(), v1Rows.get(i).name())
                    : v1Rows.get(i));
        }
        assertThat(Bookkeeping.rows(db)).as("after drizzle 1.0's in-place upgrade").isEqualTo(expected);
        assertThat(db.queryLong("select count(*) from " + Bookkeeping.TABLE + " where applied_at is null"))
                .as("drizzle 1.0 sets applied_at NULL on the rows it back-fills").isEqualTo(a);

        Path migratorFolder = migratorUsesJournal ? MigrationFolders.cutAt(folder.path(), c)
                : MigrationFolders.v1CutAt(v1, c);
        assertThat(Migrators.migrate(db, migratorFolder).appliedCount()).isEqualTo(c - b);
        for (int i = b; i < c; i++) {
            // from the journal, the when (milliseconds) is what drizzle 0.x would have stored and compares with
            expected.add(migratorUsesJournal
                    ? new Row(v1Rows.get(i).hash(), entries.get(i).when(), v1Rows.get(i).name())
                    : v1Rows.get(i));
        }
        assertThat(Bookkeeping.rows(db)).as("drizzle-migrator's rows carry drizzle 1.0's names")
                .isEqualTo(expected);

        DrizzleOrm.V1.migrate(db, v1);
        DrizzleOrm.V1.migrate(db, v1);

        expected.addAll(v1Rows.subList(c, n));
        assertThat(Bookkeeping.rows(db)).as("drizzle 1.0 applied only the last quarter, once").isEqualTo(expected);
        assertThat(SchemaDump.of(db)).isEqualTo(Baselines.byDrizzleV1(folder).schema());
    }

    /** The team converts its folder and switches to drizzle-migrator in one go, on a table drizzle 0.45 created. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void drizzleOneAcceptsWhatDrizzleMigratorAppliedFromTheOneLayoutOntoADrizzleZeroTable(InteropFolder folder) {
        Path v1 = MigrationFolders.v1Layout(folder.path());
        int n = folder.size();
        int a = n / 4;
        int c = 3 * n / 4;
        TestDatabase db = databases.create("v1_onto_v0_" + folder.name());
        DrizzleOrm.V0.migrate(db, MigrationFolders.cutAt(folder.path(), a));

        assertThat(Migrators.migrate(db, MigrationFolders.v1CutAt(v1, c)).appliedCount())
                .as("drizzle-migrator recognises drizzle 0.45's rows from the 1.0 folder").isEqualTo(c - a);

        DrizzleOrm.V1.migrate(db, v1);
        DrizzleOrm.V1.migrate(db, v1);

        List<Row> rows = Bookkeeping.rows(db);
        assertThat(Bookkeeping.hashes(rows)).as("every migration applied exactly once, in order")
                .containsExactlyElementsOf(Bookkeeping.hashes(Bookkeeping.expectedV1(v1, n)));
        assertThat(rows).extracting(Row::name).as("names")
                .containsExactlyElementsOf(MigrationFolders.v1Migrations(v1));
        assertThat(SchemaDump.of(db)).isEqualTo(Baselines.byDrizzleV1(folder).schema());
    }

    /**
     * Every shape of tag that drizzle-kit writes or teams make by hand: {@code index} prefix, {@code none} prefix
     * ({@code _name}), {@code timestamp}/{@code supabase} and {@code unix} prefixes, kebab-case, no underscore at all.
     * drizzle 1.0 back-fills the names of drizzle 0.45's rows itself, drizzle-migrator writes the names of the next
     * rows from the journal, and drizzle 1.0 (on the folder {@code drizzle-kit up} made) recognises every one.
     */
    @Test
    void drizzleOneRecognisesTheNamesDrizzleMigratorDerivesFromEveryShapeOfTag() {
        List<String> tags = List.of("0000_init", "_none_prefix", "20261125165841_timestamp_prefix",
                "1795625923_unix_prefix", "0004_kebab-case-name", "handwritten", "0006_last_one");
        List<MigrationFolders.Entry> entries = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            entries.add(new MigrationFolders.Entry(tags.get(i), 1764000000000L + i * 86_400_123L));
        }
        Path journal = MigrationFolders.journalFolder("tag-shapes", entries,
                e -> "CREATE TABLE \"t_" + e.tag().replace('-', '_') + "\" (\"id\" integer);");
        Path v1 = MigrationFolders.v1Layout(journal);
        assertThat(MigrationFolders.v1Migrations(v1)).as("drizzle-kit up's names")
                .containsExactlyElementsOf(entries.stream().map(DrizzleOneTest::v1Name).toList());
        TestDatabase db = databases.create("v1_tag_shapes");
        DrizzleOrm.V0.migrate(db, MigrationFolders.cutAt(journal, 2));
        DrizzleOrm.V1.migrate(db, MigrationFolders.v1CutAt(v1, 3));

        assertThat(Migrators.migrate(db, journal).appliedCount()).isEqualTo(tags.size() - 3);
        DrizzleOrm.V1.migrate(db, v1);

        assertThat(Bookkeeping.rows(db)).extracting(Row::name)
                .as("one row per migration, named as drizzle 1.0 names it")
                .containsExactlyElementsOf(MigrationFolders.v1Migrations(v1));
    }

    /**
     * drizzle 1.0 sorts its folders with JavaScript's {@code localeCompare} (ICU collation), not by code point; the two
     * differ only for folders of the same second, as when a team names migrations by hand.
     */
    @Test
    void foldersOfOneSecondAreAppliedInTheOrderDrizzleOneAppliesThem() {
        String log = "20250101000000_applied_log";
        List<String> sameSecond = List.of("20250102000000_a1", "20250102000000_a_b", "20250102000000_B",
                "20250102000000_add-x", "20250102000000_add_x");
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put(log, "CREATE TABLE \"applied_log\" (\"id\" serial PRIMARY KEY, \"name\" text NOT NULL);");
        sameSecond.forEach(name -> folders.put(name,
                "INSERT INTO \"applied_log\" (\"name\") VALUES ('" + name + "');"));
        Path v1 = MigrationFolders.v1Folder("same-second", folders);
        String order = "select string_agg(name, ' ' order by id) from applied_log";
        TestDatabase byDrizzle = databases.create("v1_same_second_drizzle");
        TestDatabase byMigrator = databases.create("v1_same_second_migrator");
        DrizzleOrm.V1.migrate(byDrizzle, v1);
        Migrators.migrate(byMigrator, v1);

        assertThat(byDrizzle.queryValue(order)).as("drizzle 1.0's order (ICU collation)")
                .isEqualTo("20250102000000_a_b 20250102000000_a1 20250102000000_add_x 20250102000000_add-x "
                        + "20250102000000_B");
        assertThat(byMigrator.queryValue(order)).as("drizzle-migrator's order")
                .isEqualTo(byDrizzle.queryValue(order));
    }

    /**
     * drizzle's own hazards when 0.x and 1.0 runners share a database, recorded here because drizzle-migrator must not
     * repeat them: a drizzle 0.x run after the 1.0 upgrade writes rows with a NULL {@code name}, which drizzle 1.0
     * does not recognise and runs again.
     */
    @Test
    void drizzleZeroAfterDrizzleOneLeavesNullNamesThatDrizzleOneRunsAgain() {
        InteropFolder folder = InteropFolder.corpus("vercel__ai-chatbot");
        Path v1 = MigrationFolders.v1Layout(folder.path());
        TestDatabase db = databases.create("v1_null_names");
        DrizzleOrm.V0.migrate(db, MigrationFolders.cutAt(folder.path(), 3));
        DrizzleOrm.V1.migrate(db, MigrationFolders.v1CutAt(v1, 3));
        DrizzleOrm.V0.migrate(db, MigrationFolders.cutAt(folder.path(), 5));
        assertThat(Bookkeeping.rows(db)).extracting(Row::name).as("names after drizzle 0.45 applied two more")
                .containsExactly(v1Name(entry(folder, 0)), v1Name(entry(folder, 1)), v1Name(entry(folder, 2)),
                        null, null);

        String error = DrizzleOrm.V1.migrateExpectingFailure(db, v1);

        assertThat(error).as("drizzle 1.0 re-runs 0003, whose row has no name").contains("already exists");
    }

    /**
     * And the other way: drizzle 1.0 stores {@code created_at} truncated to the second, so a later drizzle 0.x run,
     * comparing with the journal's millisecond {@code when}, runs the newest migration drizzle 1.0 applied again.
     */
    @Test
    void drizzleZeroAfterDrizzleOneRerunsTheNewestMigrationBecauseItsCreatedAtLostItsMilliseconds() {
        InteropFolder folder = InteropFolder.corpus("vercel__ai-chatbot");
        Path v1 = MigrationFolders.v1Layout(folder.path());
        assertThat(entry(folder, 4).when() % 1000).as("0004's when has milliseconds").isNotZero();
        TestDatabase db = databases.create("v1_then_v0");
        DrizzleOrm.V1.migrate(db, MigrationFolders.v1CutAt(v1, 5));

        String error = DrizzleOrm.V0.migrateExpectingFailure(db, folder.path());

        assertThat(error).as("drizzle 0.45 runs 0004 again").contains("already exists");
        assertThat(Bookkeeping.rows(db)).isEqualTo(Bookkeeping.expectedV1(v1, 5));
    }

    private static MigrationFolders.Entry entry(InteropFolder folder, int index) {
        return MigrationFolders.entries(folder.path()).get(index);
    }

    /**
     * The folder name {@code drizzle-kit up} gives a journal entry, as read in drizzle-kit 1.0.0-rc.5's
     * {@code planFoldersV3}: {@code prepareSnapshotFolderName(when)} (UTC {@code yyyyMMddHHmmss}) + {@code "_"} + the
     * tag without its first {@code _}-separated part. Written here independently of drizzle-migrator's own
     * derivation.
     */
    static String v1Name(MigrationFolders.Entry entry) {
        String tag = entry.tag();
        int underscore = tag.indexOf('_');
        String rest = underscore < 0 ? "" : tag.substring(underscore + 1);
        return STAMP.format(Instant.ofEpochMilli(entry.when())) + "_" + rest;
    }
}
