package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.Journal;
import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out-of-order entries, edited files and rows of a newer build: detected, and handled as configured. */
@FreshDatabasePerTest
class PlanningPoliciesTest {

    @TempDir
    Path dir;

    private final TestDatabase db;

    PlanningPoliciesTest(TestDatabase db) {
        this.db = db;
    }

    private MigratorConfiguration.Builder configure(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString());
    }

    /** A folder where 0001 (merged late from a branch) is older than the already-applied 0002. */
    private Path lateMergedFolder(boolean withLate) {
        TestFolder f = TestFolder.in(dir.resolve(withLate ? "full" : "without"))
                .migration("0000_a", 1_000L, "CREATE TABLE a (id int);");
        if (withLate) {
            f.migration("0001_late", 2_000L, "CREATE TABLE late (id int);");
        }
        return f.migration("0002_b", 3_000L, "CREATE TABLE b (id int);")
                .migration("0003_c", 4_000L, "CREATE TABLE c (id int);")
                .write();
    }

    @Test
    void refusesOutOfOrderEntryByDefaultAndNamesIt() {
        configure(lateMergedFolder(false)).load().migrate();
        Path full = lateMergedFolder(true);
        // only 0000 and 0002 applied so far: remove 0003 from the database's point of view
        db.execute("DELETE FROM drizzle.__drizzle_migrations WHERE created_at = 4000", "DROP TABLE c");

        assertThatThrownBy(() -> configure(full).load().migrate())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).contains("0001_late", "0002_b", "outOfOrder", "APPLY");
                    assertThat(e.status().outOfOrder()).extracting(MigrationInfo::tag).containsExactly("0001_late");
                    assertThat(e.status().pending()).extracting(MigrationInfo::tag).containsExactly("0003_c");
                });
        assertThat(db.relationExists("late")).isFalse();
        assertThat(db.relationExists("c")).isFalse();
    }

    @Test
    void appliesOutOfOrderEntryWhenAskedInJournalOrder() {
        configure(lateMergedFolder(false)).load().migrate();
        Path full = lateMergedFolder(true);

        MigrateResult result = configure(full).outOfOrder(OutOfOrderPolicy.APPLY).load().migrate();

        assertThat(result.applied()).extracting(AppliedMigration::tag).containsExactly("0001_late");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("0001_late"));
        assertThat(result.status().isUpToDate()).isTrue();
        assertThat(db.relationExists("late")).isTrue();
    }

    @Test
    void ignoresOutOfOrderEntryLikeDrizzleWhenAskedAndStillReportsIt() {
        configure(lateMergedFolder(false)).load().migrate();
        Path full = lateMergedFolder(true);

        MigrateResult result = configure(full).outOfOrder(OutOfOrderPolicy.IGNORE).load().migrate();

        assertThat(result.appliedCount()).isZero();
        assertThat(result.status().outOfOrder()).extracting(MigrationInfo::tag).containsExactly("0001_late");
        assertThat(db.relationExists("late")).isFalse();
    }

    @Test
    void kaneoDatabaseStoppedAt0005IsRefusedThenCompletedWithApply() {
        Path kaneo = Corpora.folder("usekaneo__kaneo");
        List<Journal.Entry> journal = Journal.read(kaneo);
        Path cut = TestFolder.cut(kaneo, 6, dir.resolve("kaneo_0005"));
        configure(cut).load().migrate();
        assertThat(journal.get(6).when()).as("the corpus's 0006 is older than its 0005")
                .isLessThan(journal.get(5).when());

        assertThatThrownBy(() -> configure(kaneo).load().migrate())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(journal.get(6).tag());

        MigrateResult result = configure(kaneo).outOfOrder(OutOfOrderPolicy.APPLY).load().migrate();
        assertThat(result.appliedCount()).isEqualTo(journal.size() - 6);
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(journal.size());
        assertThat(db.queryLong("select count(distinct created_at) from drizzle.__drizzle_migrations"))
                .isEqualTo(journal.stream().map(Journal.Entry::when).distinct().count());
    }

    @Test
    void editedFileWarnsByDefaultAndFailsWhenConfigured() throws IOException {
        Path folder = TestFolder.in(dir).migration("0000_a", "CREATE TABLE a (id int);").write();
        configure(folder).load().migrate();
        Files.writeString(folder.resolve("0000_a.sql"), "CREATE TABLE a (id int); -- reviewed");

        MigrateResult result = configure(folder).load().migrate();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("0000_a.sql", "edited"));
        assertThat(result.status().edited()).extracting(MigrationInfo::tag).containsExactly("0000_a");

        assertThatThrownBy(() -> configure(folder).editedMigrations(EditedMigrationPolicy.FAIL).load().migrate())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("0000_a.sql");
        assertThatThrownBy(() -> configure(folder).editedMigrations(EditedMigrationPolicy.FAIL).load().validate())
                .isInstanceOf(ValidationException.class);
    }

    /**
     * A second run in the same JVM takes unchanged, settled files' hashes from memory (a test suite starting many
     * application contexts): an edit made in between is still seen, and pending files are still applied from disk.
     */
    @Test
    void aSecondRunInTheSameJvmSeesEditsAndAppliesFromDiskWhenFilesHadSettled() throws IOException {
        Path folder = TestFolder.in(dir).migration("0000_a", 1_000L, "CREATE TABLE a (id int);")
                .migration("0001_b", 2_000L, "CREATE TABLE b (id int);").write();
        FileTime anHourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L);
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Files.setLastModifiedTime(f, anHourAgo);
            }
        }
        assertThat(configure(folder).load().status().pending()).hasSize(2); // read and remembered

        MigrateResult first = configure(folder).load().migrate();
        assertThat(first.applied()).extracting(AppliedMigration::tag).containsExactly("0000_a", "0001_b");
        assertThat(db.relationExists("b")).isTrue();

        Files.writeString(folder.resolve("0000_a.sql"), "CREATE TABLE a (id int); -- reviewed");
        MigrateResult second = configure(folder).load().migrate();
        assertThat(second.status().edited()).extracting(MigrationInfo::tag).containsExactly("0000_a");
    }

    @Test
    void rowsOfANewerBuildAreReportedNotRefused() {
        Path newer = TestFolder.in(dir.resolve("newer"))
                .migration("0000_a", 1_000L, "CREATE TABLE a (id int);")
                .migration("0001_b", 2_000L, "CREATE TABLE b (id int);")
                .write();
        Path older = TestFolder.in(dir.resolve("older"))
                .migration("0000_a", 1_000L, "CREATE TABLE a (id int);")
                .write();
        configure(newer).load().migrate();

        MigrateResult result = configure(older).load().migrate();

        assertThat(result.appliedCount()).isZero();
        assertThat(result.status().unknown()).hasSize(1);
        assertThat(result.status().isUpToDate()).isTrue();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("ahead of this build"));
    }

    @Test
    void statusChangesNothingAndValidateFailsOnPending() {
        Path folder = TestFolder.in(dir).migration("0000_a", "CREATE TABLE a (id int);").write();

        StatusReport status = configure(folder).load().status();

        assertThat(status.pending()).extracting(MigrationInfo::tag).containsExactly("0000_a");
        assertThat(db.queryValue("select to_regnamespace('drizzle')::text")).isNull();
        assertThatThrownBy(() -> configure(folder).load().validate())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("pending");
        configure(folder).load().migrate();
        assertThat(configure(folder).load().validate().applied()).hasSize(1);
    }

    @Test
    void customSchemaAndTableAreUsedAndQuoted() {
        Path folder = TestFolder.in(dir).migration("0000_a", "CREATE TABLE a (id int);").write();

        configure(folder).schema("Ops").table("History$1").load().migrate();

        assertThat(db.queryLong("select count(*) from \"Ops\".\"History$1\"")).isEqualTo(1);
        assertThatThrownBy(() -> configure(folder).table("x; drop table a").load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("table");
        assertThatThrownBy(() -> configure(folder).schema("a\".\"b").load())
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void fillsNameInADrizzleV1TableAndMatchesByIt() {
        db.execute("CREATE SCHEMA drizzle", "CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY,"
                + " hash text NOT NULL, created_at bigint, name text, applied_at timestamp with time zone DEFAULT now())");
        Path folder = TestFolder.in(dir).migration("0000_a", "CREATE TABLE a (id int);")
                .migration("0001_b", "CREATE TABLE b (id int);").write();

        configure(folder).load().migrate();

        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations where name is null")).isZero();
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations where applied_at is not null"))
                .isEqualTo(2);
        StatusReport status = configure(folder).load().status();
        assertThat(status.applied()).hasSize(2);
        assertThat(status.applied().get(0).appliedTime()).isPresent();
    }
}
