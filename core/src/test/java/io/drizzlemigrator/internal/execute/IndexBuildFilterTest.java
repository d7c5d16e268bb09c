package io.drizzlemigrator.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.source.MigrationFolderReader;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.testing.Corpora;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The large-table rule reads only statements whose classification says {@code CREATE [UNIQUE] INDEX}; it must never
 * skip one that {@link IndexStatement#parse} reads as an index build.
 */
class IndexBuildFilterTest {

    private static void check(MigrationFile m) {
        for (PreparedMigration.Step step : m.prepare().statements()) {
            if (IndexStatement.parse(step.statement()) != null) {
                assertThat(step.isIndexBuild()).as("%s line %d: %s", m.file(), step.line(), step.excerpt()).isTrue();
            }
        }
    }

    private static MigrationFile file(String sql) {
        return new MigrationFile("0000_x", 1L, "0000_x", "0000_x.sql", sql, "h", 0);
    }

    @Test
    void everyIndexBuildOfTheRealFoldersPassesTheFilter() {
        int builds = 0;
        for (String name : Corpora.names()) {
            LoadedFolder folder = MigrationFolderReader.read(Corpora.folder(name).toString(), null);
            for (MigrationFile m : folder.migrations()) {
                check(m);
                for (PreparedMigration.Step step : m.prepare().statements()) {
                    builds += step.isIndexBuild() ? 1 : 0;
                }
            }
        }
        assertThat(builds).as("index builds in the corpora").isGreaterThan(50);
    }

    @Property(tries = 1000)
    void everyWrittenFormOfAnIndexBuildPassesTheFilter(@ForAll("indexBuilds") String sql) {
        check(file(sql));
        assertThat(file(sql).prepare().statements().get(0).isIndexBuild()).isTrue();
    }

    @Provide
    Arbitrary<String> indexBuilds() {
        Arbitrary<String> gap = Arbitraries.of(" ", "\n", "  ", " /* c */ ", "\n-- note\n", "\t");
        Arbitrary<String> create = Arbitraries.of("CREATE", "create", "Create");
        Arbitrary<String> unique = Arbitraries.of("", "UNIQUE", "unique");
        Arbitrary<String> index = Arbitraries.of("INDEX", "index");
        Arbitrary<String> rest = Arbitraries.of("i ON t (a)", "CONCURRENTLY i ON t (a)",
                "IF NOT EXISTS \"I\" ON ONLY s.t USING btree (a)", "ON t (a)", "concurrently if not exists i on t (a)");
        return Combinators.combine(gap, create, gap, unique, gap, index, gap, rest)
                .as((g1, c, g2, u, g3, i, g4, r) -> g1 + c + g2 + u + (u.isEmpty() ? "" : g3) + i + g4 + r + ";");
    }

    @Test
    void otherStatementsAreNotIndexBuilds() {
        for (String sql : List.of("CREATE TABLE t (index int);", "DROP INDEX i;", "ALTER INDEX i RENAME TO j;",
                "CREATE UNIQUE LOGGED TABLE x (a int);", "COMMENT ON INDEX i IS 'create index';")) {
            assertThat(file(sql).prepare().statements().get(0).isIndexBuild()).as(sql).isFalse();
        }
    }
}
