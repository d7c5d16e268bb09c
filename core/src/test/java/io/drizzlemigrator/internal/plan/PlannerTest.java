package io.drizzlemigrator.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.internal.history.HistoryRow;
import io.drizzlemigrator.internal.source.MigrationFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static MigrationFile file(String tag, long when, String hash) {
        return new MigrationFile(tag, when, tag, tag + ".sql", "select 1;", hash, 0);
    }

    private static HistoryRow row(long id, String hash, long createdAt, String name) {
        return new HistoryRow(id, hash, createdAt, name, null);
    }

    private static List<MigrationState> states(Plan plan) {
        return plan.entries().stream().map(Plan.Entry::state).toList();
    }

    @Test
    void matchesRowsByCreatedAtAndTellsPendingFromOutOfOrder() {
        List<MigrationFile> folder = List.of(file("a", 10, "h1"), file("late", 15, "h2"), file("b", 20, "h3"),
                file("c", 30, "h4"));
        Plan plan = Planner.plan(folder, List.of(row(1, "h1", 10, null), row(2, "h3", 20, null)));

        assertThat(states(plan)).containsExactly(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER,
                MigrationState.APPLIED, MigrationState.PENDING);
        assertThat(plan.toApply(false)).extracting(MigrationFile::tag).containsExactly("c");
        assertThat(plan.toApply(true)).extracting(MigrationFile::tag).containsExactly("late", "c");
    }

    @Test
    void anEntryAsOldAsTheNewestRowIsOutOfOrderBecauseDrizzleWouldSkipIt() {
        Plan plan = Planner.plan(List.of(file("a", 10, "h1"), file("twin", 10, "h2")),
                List.of(row(1, "h1", 10, null)));

        assertThat(states(plan)).containsExactly(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER);
    }

    @Test
    void prefersTheRowWithTheSameHashAmongRowsSharingCreatedAt() {
        Plan plan = Planner.plan(List.of(file("a", 10, "ha"), file("b", 10, "hb")),
                List.of(row(1, "hb", 10, null), row(2, "ha", 10, null)));

        assertThat(states(plan)).containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
        assertThat(plan.entries().get(0).row().id()).isEqualTo(2);
        assertThat(plan.unknownRows()).isEmpty();
    }

    @Test
    void reportsEditedFilesAndRowsOfANewerBuild() {
        Plan plan = Planner.plan(List.of(file("a", 10, "new-hash")),
                List.of(row(1, "old-hash", 10, null), row(2, "hz", 99, null)));

        assertThat(states(plan)).containsExactly(MigrationState.EDITED);
        assertThat(plan.unknownRows()).extracting(HistoryRow::id).containsExactly(2L);
    }

    @Test
    void matchesByNameFirstWhereTheTableHasNames() {
        MigrationFile a = new MigrationFile("20240101000000_a", 1704067200000L, "20240101000000_a", "x", "", "h1", 0);
        MigrationFile b = new MigrationFile("20240102000000_b", 1704153600000L, "20240102000000_b", "x", "", "h2", 1);
        Plan plan = Planner.plan(List.of(a, b), List.of(row(1, "h2", 5, "20240102000000_b")));

        assertThat(states(plan)).containsExactly(MigrationState.PENDING, MigrationState.APPLIED);
    }

    @Test
    void matchesMillisecondRowsToSecondPrecisionFolders() {
        MigrationFile a = new MigrationFile("20240101000000_a", 1704067200000L, "20240101000000_a", "x", "", "h1", 0);
        Plan plan = Planner.plan(List.of(a), List.of(row(1, "h1", 1704067200123L, null)));

        assertThat(states(plan)).containsExactly(MigrationState.APPLIED);
    }

    @Test
    void aFolderOfTheSameSecondAsAnAppliedOneIsPendingInDrizzleOneLayout() {
        MigrationFile a = new MigrationFile("20230331141203_a", 1680271923000L, "20230331141203_a", "x", "", "h1", 0);
        MigrationFile b = new MigrationFile("20230331141203_b", 1680271923000L, "20230331141203_b", "x", "", "h2", 1);
        MigrationFile c = new MigrationFile("20230331141204_c", 1680271924000L, "20230331141204_c", "x", "", "h3", 2);
        List<HistoryRow> rows = List.of(row(1, "h1", 1680271923000L, "20230331141203_a"));

        assertThat(states(Planner.plan(List.of(a, b, c), rows, true)))
                .containsExactly(MigrationState.APPLIED, MigrationState.PENDING, MigrationState.PENDING);
        assertThat(states(Planner.plan(List.of(a, b, c), List.of(row(1, "h3", 1680271924000L, "20230331141204_c")),
                true))).containsExactly(MigrationState.OUT_OF_ORDER, MigrationState.OUT_OF_ORDER,
                MigrationState.APPLIED);
    }
}
