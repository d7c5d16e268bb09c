package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.Journal;
import io.drizzlemigrator.testing.TestDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real drizzle folder applies to an empty database, exactly as drizzle records it, and only once. */
class CorporaMigrationTest {

    static Stream<String> corpora() {
        return Corpora.names().stream();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void appliesEveryCorpusOnceWithDrizzlesBookkeeping(String corpus) {
        try (TestDatabase db = TestDatabase.create("corpus_" + corpus)) {
            DrizzleMigrator migrator = DrizzleMigrator.configure()
                    .dataSource(db.dataSource())
                    .location(Corpora.folder(corpus).toString())
                    .load();
            List<Journal.Entry> journal = Journal.read(Corpora.folder(corpus));

            MigrateResult first = migrator.migrate();
            assertThat(first.appliedCount()).isEqualTo(journal.size());
            assertThat(first.status().isUpToDate()).isTrue();

            List<List<Object>> rows = db.query("select hash, created_at from drizzle.__drizzle_migrations order by id");
            assertThat(rows).hasSize(journal.size());
            for (int i = 0; i < journal.size(); i++) {
                assertThat(rows.get(i).get(0)).as("hash of %s", journal.get(i).tag()).isEqualTo(journal.get(i).hash());
                assertThat(rows.get(i).get(1)).as("created_at of %s", journal.get(i).tag())
                        .isEqualTo(journal.get(i).when());
            }

            MigrateResult second = migrator.migrate();
            assertThat(second.appliedCount()).isZero();
            assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(journal.size());
            assertThat(migrator.status().applied()).hasSize(journal.size());
        }
    }
}
