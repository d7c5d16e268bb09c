package io.drizzlemigrator.spring.boot.slices.datajdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.spring.boot.slices.MigratedSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** {@code @DataJdbcTest} runs the startup migration before the test's Spring Data JDBC repository is used. */
@DataJdbcTest
class DataJdbcTestMigrationTests extends MigratedSliceTest {

    @Autowired
    private NoteRowRepository notes;

    @Autowired
    private ApplicationContext context;

    @Test
    void theSliceMigratedTheDatabaseBeforeTheTest() {
        assertMigrated(context);
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
