package io.drizzlemigrator.spring.boot.slices;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestDatabase;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the slice tests share: each test class has a database of its own, which its slice's DataSource points at
 * (the slices would replace it with an embedded database, which drizzle migrations are not for), and the proof that
 * the slice migrated it.
 */
public final class SliceDatabase {

    /** The fixture folder's tags, in journal order (src/test/resources/drizzle/migrations). */
    public static final List<String> TAGS = List.of("0000_create_notes", "0001_index_notes");

    private SliceDatabase() {
    }

    /** spring.datasource.* for the slice's DataSource on {@code db}. */
    public static void register(DynamicPropertyRegistry registry, TestDatabase db) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", () -> db.password() == null ? "" : db.password());
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "2");
    }

    /** The fixture's table exists and the bookkeeping table lists both migrations, as drizzle's migrator records them. */
    public static void assertMigrated(TestDatabase db) {
        assertThat(db.relationExists("notes")).as("table created by 0000_create_notes").isTrue();
        assertThat(db.relationExists("notes_created_at_idx")).as("index created by 0001_index_notes").isTrue();
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(TAGS.size());
    }
}
