package io.drizzlemigrator.spring.boot.slices.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.spring.boot.slices.MigratedSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code @JdbcTest} runs the startup migration, as it runs Flyway's, before the test's JdbcTemplate is used. */
@JdbcTest
class JdbcTestMigrationTests extends MigratedSliceTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext context;

    @Test
    void theSliceMigratedTheDatabaseBeforeTheTest() {
        assertMigrated(context);
        jdbc.update("insert into notes (body) values ('written in a @JdbcTest')");
        assertThat(jdbc.queryForList("select body from notes", String.class))
                .containsExactly("written in a @JdbcTest");
    }

    @SpringBootConfiguration
    static class Application {
    }
}
