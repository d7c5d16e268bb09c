package io.drizzlemigrator.spring.boot.slices.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.spring.boot.slices.SliceDatabase;
import io.drizzlemigrator.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code @JdbcTest} runs the startup migration, as it runs Flyway's, before the test's JdbcTemplate is used. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@DirtiesContext
class JdbcTestMigrationTests {

    private static TestDatabase db;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("slice_jdbc");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        SliceDatabase.register(registry, db);
    }

    @Test
    void theSliceMigratedTheDatabaseBeforeTheTest() {
        SliceDatabase.assertMigrated(db);
        assertThat(context.getBeanNamesForType(DrizzleMigrator.class)).containsExactly("drizzleMigrator");
        jdbc.update("insert into notes (body) values ('written in a @JdbcTest')");
        assertThat(jdbc.queryForList("select body from notes", String.class))
                .containsExactly("written in a @JdbcTest");
    }

    @SpringBootConfiguration
    static class Application {
    }
}
