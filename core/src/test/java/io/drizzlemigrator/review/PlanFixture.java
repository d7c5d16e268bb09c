package io.drizzlemigrator.review;

import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder whose first migration is applied and whose next two hold one statement of each kind a review meets, each
 * with the lock modes PostgreSQL 15 takes (measured, and in the documentation's lock table).
 */
final class PlanFixture {

    static final String BASE = TestFolder.statements(
            "CREATE TABLE \"r\" (\"id\" integer PRIMARY KEY);",
            "CREATE TABLE \"t\" (\"id\" integer PRIMARY KEY, \"rid\" integer, \"name\" varchar(20));",
            "INSERT INTO \"r\" VALUES (1), (2);",
            "INSERT INTO \"t\" VALUES (1, 1, 'a'), (2, 2, 'b');");

    /** Each statement of 0001 (in a transaction) with its expected locks, relation:mode. */
    static final Map<String, List<String>> IN_TRANSACTION = new LinkedHashMap<>();
    /** Each statement of 0002 (outside one: CONCURRENTLY, VACUUM) with its expected locks. */
    static final Map<String, List<String>> OUTSIDE = new LinkedHashMap<>();

    private static final String T = "public.t:";
    private static final String R = "public.r:";
    private static final String N = "public.n:";
    private static final String AE = "AccessExclusiveLock";
    private static final String SUE = "ShareUpdateExclusiveLock";
    private static final String SRE = "ShareRowExclusiveLock";

    static {
        IN_TRANSACTION.put("ALTER TABLE \"t\" ADD COLUMN \"c\" integer;", List.of(T + AE));
        IN_TRANSACTION.put("CREATE INDEX \"t_c_idx\" ON \"t\" (\"c\");", List.of(T + "ShareLock"));
        IN_TRANSACTION.put("ALTER TABLE \"t\" ADD CONSTRAINT \"t_r_fk\" FOREIGN KEY (\"rid\") REFERENCES"
                + " \"public\".\"r\"(\"id\") NOT VALID;", List.of(T + SRE, R + SRE));
        IN_TRANSACTION.put("ALTER TABLE \"t\" VALIDATE CONSTRAINT \"t_r_fk\";", List.of(T + SUE, R + "RowShareLock"));
        IN_TRANSACTION.put("ALTER TABLE \"t\" ALTER COLUMN \"name\" SET DEFAULT 'x';", List.of(T + AE));
        IN_TRANSACTION.put("ALTER TABLE \"t\" ALTER COLUMN \"name\" TYPE text;", List.of(T + AE));
        IN_TRANSACTION.put("ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE bigint;", List.of(T + AE));
        IN_TRANSACTION.put("ALTER TABLE \"t\" ADD COLUMN \"u\" uuid DEFAULT gen_random_uuid();", List.of(T + AE));
        IN_TRANSACTION.put("COMMENT ON TABLE \"t\" IS 'tasks';", List.of(T + SUE));
        IN_TRANSACTION.put("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;",
                List.of());
        IN_TRANSACTION.put("CREATE TRIGGER \"t_touch\" BEFORE UPDATE ON \"t\" FOR EACH ROW EXECUTE FUNCTION touch();",
                List.of(T + SRE));
        IN_TRANSACTION.put("CREATE TABLE \"n\" (\"id\" integer PRIMARY KEY, \"rid\" integer REFERENCES \"r\"(\"id\"),"
                + " \"tid\" integer);", List.of(N + AE, R + SRE));
        IN_TRANSACTION.put("DO $$ BEGIN ALTER TABLE \"n\" ADD CONSTRAINT \"n_t_fk\" FOREIGN KEY (\"tid\") REFERENCES"
                + " \"public\".\"t\"(\"id\"); EXCEPTION WHEN duplicate_object THEN null; END $$;",
                List.of(N + SRE, T + SRE));
        IN_TRANSACTION.put("ALTER TABLE \"t\" ENABLE ROW LEVEL SECURITY;", List.of(T + AE));
        IN_TRANSACTION.put("ALTER TABLE \"t\" SET (fillfactor = 70);", List.of(T + SUE));
        IN_TRANSACTION.put("UPDATE \"t\" SET \"name\" = 'y';", List.of(T + "RowExclusiveLock"));
        IN_TRANSACTION.put("ALTER TABLE \"t\" ALTER COLUMN \"name\" SET NOT NULL;", List.of(T + AE));
        IN_TRANSACTION.put("CREATE VIEW \"v\" AS SELECT \"id\" FROM \"t\";",
                List.of("public.v:" + AE, T + "AccessShareLock"));
        IN_TRANSACTION.put("ALTER TABLE \"t\" RENAME COLUMN \"name\" TO \"title\";", List.of(T + AE));
        IN_TRANSACTION.put("DROP INDEX \"t_c_idx\";", List.of(T + AE));
        IN_TRANSACTION.put("TRUNCATE \"n\";", List.of(N + AE));
        IN_TRANSACTION.put("ALTER TABLE \"t\" DROP CONSTRAINT \"t_r_fk\";", List.of(T + AE, R + AE));
        OUTSIDE.put("CREATE INDEX CONCURRENTLY \"t_title_idx\" ON \"t\" (\"title\");", List.of(T + SUE));
        OUTSIDE.put("DROP INDEX CONCURRENTLY \"t_title_idx\";", List.of(T + SUE));
        OUTSIDE.put("VACUUM \"t\";", List.of(T + SUE));
    }

    /** Statements that rewrite the table (their relfilenode changes); every other one does not. */
    static final List<String> REWRITES = List.of("ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE bigint;",
            "ALTER TABLE \"t\" ADD COLUMN \"u\" uuid DEFAULT gen_random_uuid();", "TRUNCATE \"n\";");

    private PlanFixture() {
    }

    /** The folder with only the base migration (to apply first). */
    static Path base(Path dir) {
        return TestFolder.in(dir).migration("0000_base", BASE).write();
    }

    /** The folder with the base and the two migrations to plan. */
    static Path full(Path dir) {
        return TestFolder.in(dir).migration("0000_base", BASE)
                .migration("0001_locks", TestFolder.statements(IN_TRANSACTION.keySet().toArray(String[]::new)))
                .migration("0002_concurrent", TestFolder.statements(OUTSIDE.keySet().toArray(String[]::new)))
                .write();
    }

    static List<String> all() {
        List<String> out = new ArrayList<>(IN_TRANSACTION.keySet());
        out.addAll(OUTSIDE.keySet());
        return out;
    }

    static List<String> expected(String sql) {
        return IN_TRANSACTION.containsKey(sql) ? IN_TRANSACTION.get(sql) : OUTSIDE.get(sql);
    }
}
