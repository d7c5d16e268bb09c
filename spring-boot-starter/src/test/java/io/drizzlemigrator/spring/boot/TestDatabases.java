package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Properties and facts the starter tests share. */
final class TestDatabases {

    /** The fixture folder's tags, in journal order (src/test/resources/drizzle/migrations). */
    static final List<String> TAGS = List.of("0000_create_notes", "0001_index_notes");

    private TestDatabases() {
    }

    /** spring.datasource.* for the application's DataSource on {@code db}. */
    static String[] applicationDataSource(TestDatabase db) {
        List<String> p = new ArrayList<>(List.of("spring.datasource.url=" + db.jdbcUrl(),
                "spring.datasource.username=" + db.user(), "spring.datasource.hikari.maximum-pool-size=2"));
        if (db.password() != null) {
            p.add("spring.datasource.password=" + db.password());
        }
        return p.toArray(String[]::new);
    }

    /**
     * Empties {@code db} for the next test (faster than a new database): drops every schema but public and every
     * table in public.
     */
    static void reset(TestDatabase db) {
        db.execute("""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema')
                      AND nspname NOT LIKE 'pg\\_%' LOOP
                    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
                  END LOOP;
                  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                    EXECUTE format('DROP TABLE %I CASCADE', r.tablename);
                  END LOOP;
                END $$""");
    }

    /** Rows in the bookkeeping table, or -1 when it does not exist. */
    static long appliedRows(TestDatabase db) {
        if (!db.relationExists("drizzle.__drizzle_migrations")) {
            return -1;
        }
        return db.queryLong("select count(*) from drizzle.__drizzle_migrations");
    }

    /** SHA-256 of a fixture file's bytes, as drizzle computes it. */
    static String sha256(String resource) {
        try (InputStream in = TestDatabases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
