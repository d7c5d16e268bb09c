package io.drizzlemigrator.internal.author;

import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A database's schema to compare: pg_dump's for whole folders, a catalog snapshot (faster) for each rollback. */
final class SchemaDumps {

    private static final String USER_SCHEMAS = "not in ('pg_catalog', 'information_schema', 'pg_toast', 'drizzle')";

    /** One line per column, relation, constraint, index, enum value, policy and function of the user's schemas. */
    private static final String SNAPSHOT = "select coalesce(string_agg(x, E'\\n' order by x), '') from ("
            + " select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' '"
            + "   || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull || ' default='"
            + "   || coalesce(pg_get_expr(d.adbin, d.adrelid), '') as x"
            + "  from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
            + "  left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
            + "  where a.attnum > 0 and not a.attisdropped and n.nspname " + USER_SCHEMAS
            + " union all select 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' rls='"
            + "   || c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + "  where n.nspname " + USER_SCHEMAS
            + " union all select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
            + "   || ' validated=' || convalidated from pg_constraint where connamespace::regnamespace::text "
            + USER_SCHEMAS
            + " union all select 'index ' || indexdef from pg_indexes where schemaname " + USER_SCHEMAS
            + " union all select 'enum ' || enumtypid::regtype || ' ' || enumlabel from pg_enum"
            + " union all select 'policy ' || polrelid::regclass || ' ' || polname from pg_policy"
            + " union all select 'type ' || typnamespace::regnamespace || '.' || typname from pg_type"
            + "  where typnamespace::regnamespace::text " + USER_SCHEMAS + " and typtype in ('e', 'd', 'c')"
            + "  and typrelid = 0"
            + " union all select 'function ' || oid::regprocedure from pg_proc where pronamespace::regnamespace::text "
            + USER_SCHEMAS
            + " union all select 'schema ' || nspname from pg_namespace where nspname " + USER_SCHEMAS
            + "  and nspname not like 'pg_temp%' and nspname not like 'pg_toast_temp%'"
            + ") s";

    private SchemaDumps() {
    }

    static String snapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SNAPSHOT)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The lines of one snapshot missing from the other, each way. */
    static String difference(String expected, String actual) {
        List<String> a = new ArrayList<>(Arrays.asList(expected.split("\n")));
        List<String> b = new ArrayList<>(Arrays.asList(actual.split("\n")));
        List<String> onlyA = new ArrayList<>(a);
        onlyA.removeAll(b);
        List<String> onlyB = new ArrayList<>(b);
        onlyB.removeAll(a);
        return "  missing: " + onlyA + "\n  extra: " + onlyB;
    }

    /** Drops every user schema (drizzle's too) and creates an empty public schema. */
    static void reset(TestDatabase db) {
        List<String> drops = new ArrayList<>();
        for (List<Object> row : db.query("select quote_ident(nspname) from pg_namespace where nspname "
                + "not in ('pg_catalog', 'information_schema', 'pg_toast') and nspname not like 'pg_temp%' "
                + "and nspname not like 'pg_toast_temp%'")) {
            drops.add("DROP SCHEMA " + row.get(0) + " CASCADE");
        }
        drops.add("CREATE SCHEMA public");
        db.execute(drops.toArray(String[]::new));
    }

    /** {@code pg_dump --schema-only}, without comments, restrict keys and blank-line runs. */
    static String dump(TestDatabase db) throws IOException, InterruptedException {
        String pgDump = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/pg_dump"))
                ? "/usr/bin/pg_dump" : "pg_dump";
        ProcessBuilder pb = new ProcessBuilder(pgDump, "--schema-only", "--no-owner", "--host=" + db.server().host(),
                "--port=" + db.server().port(), "--username=" + db.user(), "--dbname=" + db.name());
        if (db.password() != null) {
            pb.environment().put("PGPASSWORD", db.password());
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("pg_dump failed (apt-get install postgresql-client-15): " + out);
        }
        StringBuilder kept = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (!line.startsWith("\\restrict ") && !line.startsWith("\\unrestrict ") && !line.startsWith("--")
                    && !line.isBlank()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
