package io.drizzlemigrator.spring.boot.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.spring.boot.slices.MigratedSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.ApplicationContext;

/**
 * {@code @DataJpaTest} runs the startup migration before Hibernate starts: with {@code ddl-auto=validate}, Hibernate
 * checks the {@link Note} entity against the table the migration created.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
class DataJpaTestMigrationTests extends MigratedSliceTest {

    @Autowired
    private NoteRepository notes;

    @Autowired
    private ApplicationContext context;

    @Test
    void theSliceMigratedTheDatabaseBeforeHibernateValidatedIt() {
        assertMigrated(context);
        notes.saveAndFlush(new Note("written in a @DataJpaTest"));
        assertThat(notes.findAll()).extracting(Note::getBody).containsExactly("written in a @DataJpaTest");
    }

    @SpringBootConfiguration
    @AutoConfigurationPackage
    static class Application {
    }
}
