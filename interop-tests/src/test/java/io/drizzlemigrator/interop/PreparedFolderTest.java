package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.MigrationPreparer;
import io.drizzlemigrator.PrepareResult;
import io.drizzlemigrator.interop.Baselines.Baseline;
import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.Journal;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * drizzle-orm's own migrator applies a folder whose every migration went through {@code prepare} (without concurrent
 * indexes, which its single transaction refuses; see docs/authoring.md), and gives the schema it gives the original.
 */
class PreparedFolderTest {

    @RegisterExtension
    final ScratchDatabases databases = new ScratchDatabases();

    static List<String> corpora() {
        return Corpora.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void drizzlesMigratorAppliesAPreparedFolderToTheSameSchema(String corpus) {
        InteropFolder folder = InteropFolder.corpus(corpus);
        Baseline original = Baselines.byDrizzle(folder);
        Path prepared = MigrationFolders.copy(folder.path(), "prepared_" + corpus);
        for (Journal.Entry entry : Journal.read(folder.path())) {
            String tag = entry.tag();
            PrepareResult r = MigrationPreparer.configure().folder(prepared).tag(tag).name("schema_change")
                    .author("Interop test (ci)").source("corpus " + corpus).concurrently(false).prepare();
            assertThat(r.written()).isTrue();
        }
        TestDatabase db = databases.create("prepared_" + corpus);

        DrizzleOrm.V0.migrate(db, prepared);

        assertThat(SchemaDump.of(db)).as("schema of the prepared folder applied by drizzle-orm")
                .isEqualTo(original.schema());
    }
}
