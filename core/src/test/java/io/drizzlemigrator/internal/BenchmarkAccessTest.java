package io.drizzlemigrator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks' entry gives what a run reads, in JDK types. */
class BenchmarkAccessTest {

    @TempDir
    Path dir;

    @Test
    void readsAFolderSaysHowManyMigrationsItHoldsAndGivesTheirTextsInJournalOrder() {
        Path folder = TestFolder.in(dir)
                .migration("0000_a", "CREATE TABLE a (id int);")
                .migration("0001_b", "CREATE TABLE b (id int);\n--> statement-breakpoint\nCREATE INDEX ON b (id);")
                .write();

        assertThat(BenchmarkAccess.readFolder("filesystem:" + folder, null)).isEqualTo(2);
        assertThat(BenchmarkAccess.sqlTexts(folder)).containsExactly("CREATE TABLE a (id int);",
                "CREATE TABLE b (id int);\n--> statement-breakpoint\nCREATE INDEX ON b (id);");
    }

    @Test
    void countsTheStatementsOfATextAsARunSplitsThem() {
        assertThat(BenchmarkAccess.statementCount("SELECT ';';\nSELECT 2;"))
                .isEqualTo(2);
    }
}
