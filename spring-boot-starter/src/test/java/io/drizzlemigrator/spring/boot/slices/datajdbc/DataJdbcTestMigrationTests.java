package io.drizzlemigrator.spring.boot.slices.datajdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.spring.boot.slices.SliceDatabase;
import io.drizzlemigrator.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.ApplicationContext;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code @DataJdbcTest} runs the startup migration before the test's Spring Data JDBC repository is used. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@DirtiesContext
class DataJdbcTestMigrationTests {

    private static TestDatabase db;

    @Autowired
    private NoteRowRepository notes;

    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("slice_data_jdbc");
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
        NoteRow saved = notes.save(new NoteRow(null, "written in a @DataJdbcTest"));
        assertThat(saved.id()).isNotNull();
        assertThat(notes.findAll()).extracting(NoteRow::body).containsExactly("written in a @DataJdbcTest");
    }

    /** A row of the table the fixture's first migration creates. */
    @Table("notes")
    record NoteRow(@Id Long id, String body) {
    }

    @SpringBootConfiguration
    @AutoConfigurationPackage
    static class Application {
    }
}
