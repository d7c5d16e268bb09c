package io.drizzlemigrator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Catalog checks and bounded polling shared by the reliability tests. */
final class Db {

    private Db() {
    }

    /** The JDBC URL of the test database, with the user and without a password (the test server trusts 127.0.0.1). */
    static String url(TestDatabase db) {
        return db.jdbcUrl();
    }

    /** CLI arguments that point at the test database. */
    static String[] target(TestDatabase db) {
        return new String[] {"--url", db.jdbcUrl(), "--user", db.user()};
    }

    /** Advisory locks held on this database by any session (the migration lock is the only one the tests take). */
    static long advisoryLocks(TestDatabase db) {
        return db.queryLong("select count(*) from pg_locks where locktype = 'advisory' and granted"
                + " and database = (select oid from pg_database where datname = current_database())");
    }

    /** The pid of the backend holding an advisory lock on this database, or 0. */
    static long lockHolderPid(TestDatabase db) {
        return db.queryLong("select coalesce(min(pid), 0) from pg_locks where locktype = 'advisory' and granted"
                + " and database = (select oid from pg_database where datname = current_database())");
    }

    /** Polls until {@code condition} holds; fails after {@code deadline}. */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** PostgreSQL releases the migration lock of a dead or terminated session (the test fails after 60 s). */
    static void awaitLockReleased(TestDatabase db) {
        await("the migration lock is released on " + db, Duration.ofSeconds(60), () -> advisoryLocks(db) == 0);
    }

    static long rows(TestDatabase db) {
        return db.relationExists("drizzle.__drizzle_migrations")
                ? db.queryLong("select count(*) from drizzle.__drizzle_migrations") : 0;
    }

    /** {@code created_at} values that have more than one bookkeeping row. */
    static List<Object> duplicatedRows(TestDatabase db) {
        return db.query("select created_at from drizzle.__drizzle_migrations group by created_at having count(*) > 1")
                .stream().map(r -> r.get(0)).toList();
    }

    static long invalidIndexes(TestDatabase db) {
        return db.queryLong("select count(*) from pg_index where not indisvalid");
    }

    /** Relations and schemas a run could have created (nothing applied means none of these exist). */
    static List<String> userObjects(TestDatabase db) {
        return db.query("select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid ="
                + " c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')"
                + " union all select nspname from pg_namespace where nspname not like 'pg\\_%'"
                + " and nspname not in ('public', 'information_schema') order by 1")
                .stream().map(r -> (String) r.get(0)).toList();
    }

    /**
     * {@code pg_dump --schema-only} of the database, normalised: no comments, no blank lines and no
     * psql {@code restrict}/{@code unrestrict} meta-command lines (their key is random per dump).
     */
    static String schemaDump(TestDatabase db) {
        try {
            ProcessBuilder pb = new ProcessBuilder("pg_dump", "--schema-only", "--no-owner", "--no-privileges",
                    "-h", db.server().host(), "-p", Integer.toString(db.server().port()), "-U", db.user(),
                    db.name()).redirectErrorStream(true);
            if (db.password() != null) {
                pb.environment().put("PGPASSWORD", db.password());
            }
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pg_dump ended").isTrue();
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("pg_dump: %s", text).isZero();
            return text.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("--") && !l.startsWith("\\restrict")
                            && !l.startsWith("\\unrestrict"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
