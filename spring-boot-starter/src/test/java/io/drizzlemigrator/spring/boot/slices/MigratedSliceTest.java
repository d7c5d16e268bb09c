package io.drizzlemigrator.spring.boot.slices;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the slice tests share: each test class has a database of its own (dropped after the class, once its context
 * is closed), which its slice's DataSource points at instead of the embedded database the slices would put in its
 * place (drizzle-kit migrations are PostgreSQL's), and the proof that the slice migrated it. Test classes run one at
 * a time in a JVM, so the running class's database can be held in a static field for
 * {@link DynamicPropertySource}, which Spring calls before the test instance exists.
 */
@ExtendWith(PostgresExtension.class)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@DirtiesContext
public abstract class MigratedSliceTest {

    /** The fixture folder's tags, in journal order (src/test/resources/drizzle/migrations). */
    private static final List<String> TAGS = List.of("0000_create_notes", "0001_index_notes");

    private static TestDatabase db;

    @BeforeAll
    static void database(TestDatabase created) {
        db = created;
    }

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        TestDatabase current = db;
        registry.add("spring.datasource.url", current::jdbcUrl);
        registry.add("spring.datasource.username", current::user);
        registry.add("spring.datasource.password", () -> current.password() == null ? "" : current.password());
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "2");
    }

    /**
     * The slice's context holds the auto-configured migrator, the fixture's table and index exist, and the bookkeeping
     * table lists both migrations, as drizzle's migrator records them.
     */
    protected static void assertMigrated(ApplicationContext context) {
        assertThat(context.getBeanNamesForType(DrizzleMigrator.class)).containsExactly("drizzleMigrator");
        assertThat(db.relationExists("notes")).as("table created by 0000_create_notes").isTrue();
        assertThat(db.relationExists("notes_created_at_idx")).as("index created by 0001_index_notes").isTrue();
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(TAGS.size());
    }
}
