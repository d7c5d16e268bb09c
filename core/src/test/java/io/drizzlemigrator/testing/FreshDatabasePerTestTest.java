package io.drizzlemigrator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link FreshDatabasePerTest}: one database for everything a test asks, another for the next, the first dropped. */
@FreshDatabasePerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshDatabasePerTestTest {

    private static String firstTestsDatabase;

    private final TestDatabase db;

    FreshDatabasePerTestTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void beforeEachMethodsGetTheConstructorsDatabase(TestDatabase fromBeforeEach) {
        assertThat(fromBeforeEach).isSameAs(db);
    }

    @Test
    @Order(1)
    void aTestGetsTheDatabaseItsConstructorGot(TestDatabase fromTest) {
        assertThat(fromTest).isSameAs(db);
        db.execute("CREATE TABLE left_behind (id int)");
        firstTestsDatabase = db.name();
    }

    @Test
    @Order(2)
    void theNextTestGetsAnEmptyDatabaseAndThePreviousOneIsDropped() {
        assertThat(db.name()).isNotEqualTo(firstTestsDatabase);
        assertThat(db.relationExists("left_behind")).isFalse();
        assertThat(db.queryLong("select count(*) from pg_database where datname = '" + firstTestsDatabase + "'"))
                .isZero();
    }
}
