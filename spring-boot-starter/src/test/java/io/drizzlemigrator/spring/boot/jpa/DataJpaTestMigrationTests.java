package io.drizzlemigrator.spring.boot.jpa;

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
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code @DataJpaTest} runs the startup migration before Hibernate starts: with {@code ddl-auto=validate}, Hibernate
 * checks the {@link Note} entity against the table the migration created.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@DirtiesContext
class DataJpaTestMigrationTests {

    private static TestDatabase db;

    @Autowired
    private NoteRepository notes;

    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("slice_data_jpa");
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
    void theSliceMigratedTheDatabaseBeforeHibernateValidatedIt() {
        SliceDatabase.assertMigrated(db);
        assertThat(context.getBeanNamesForType(DrizzleMigrator.class)).containsExactly("drizzleMigrator");
        notes.saveAndFlush(new Note("written in a @DataJpaTest"));
        assertThat(notes.findAll()).extracting(Note::getBody).containsExactly("written in a @DataJpaTest");
    }

    @SpringBootConfiguration
    @AutoConfigurationPackage
    static class Application {
    }
}
