package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate, status and validate on a fresh database, run in-process as a user would type them. */
@FreshDatabasePerTest
class CliMigrateTest {

    private final TestDatabase db;

    CliMigrateTest(TestDatabase db) {
        this.db = db;
    }

    private String dir() {
        return Fixtures.basic().toString();
    }

    @Test
    void migratesWithADrizzleStyleUrlAndThenStatusSaysUpToDate() {
        CliRun migrate = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", dir());

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        for (String tag : Fixtures.basicTags()) {
            assertThat(migrate.out()).as(migrate.toString()).containsPattern("Applied " + tag + " in \\d+ ms");
        }
        assertThat(migrate.out()).containsPattern("Applied 3 migrations in \\d+ ms");
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);
        assertThat(db.relationExists("public.posts_author_idx")).isTrue();

        CliRun status = CliRun.run("status", "--url", db.libpqUrl(), "--dir", dir());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Up to date").doesNotContain("pending ").doesNotContain("Problems");
        for (String tag : Fixtures.basicTags()) {
            assertThat(status.out()).containsPattern("(?m)^  " + tag + " +applied ");
        }
    }

    @Test
    void migratesWithAJdbcUrlAndASecondRunAppliesNothing() {
        CliRun first = CliRun.run("migrate", "--url", db.jdbcUrl(), "--user", db.user(), "--dir", dir());
        assertThat(first.exitCode()).as(first.toString()).isZero();

        CliRun second = CliRun.run("migrate", "--url", db.jdbcUrl(), "--user", db.user(), "--dir", dir());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Nothing to apply").doesNotContain("Applied 0");
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);
    }

    @Test
    void migrateJsonIsTheOnlyThingOnStdoutAndCarriesTagsAndDurations() {
        CliRun run = CliRun.run("migrate", "--json", "--url", db.libpqUrl(), "--dir", dir());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, Object> doc = Json.object(run.out());
        assertThat(doc).containsEntry("command", "migrate").containsEntry("exitCode", 0L)
                .containsEntry("success", true).containsEntry("appliedCount", 3L);
        assertThat((Long) doc.get("durationMs")).isNotNegative();
        List<Object> applied = Json.list(doc.get("applied"));
        assertThat(applied).extracting(m -> Json.map(m).get("tag")).containsExactlyElementsOf(Fixtures.basicTags());
        for (Object m : applied) {
            assertThat((Long) Json.map(m).get("durationMs")).isNotNegative();
        }
        // the whole run includes each migration
        long sum = applied.stream().mapToLong(m -> (Long) Json.map(m).get("durationMs")).sum();
        assertThat((Long) doc.get("durationMs")).isGreaterThanOrEqualTo(sum);
        // CREATE INDEX CONCURRENTLY cannot run in a transaction
        assertThat(Json.map(applied.get(2)).get("transactional")).isEqualTo(false);
        Map<String, Object> status = Json.map(doc.get("status"));
        assertThat(status).containsEntry("upToDate", true);
        assertThat(Json.map(status.get("counts"))).containsEntry("applied", 3L).containsEntry("pending", 0L);
    }

    @Test
    void statusJsonListsEveryMigrationWithItsStateAndHash() throws Exception {
        CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", dir());
        db.execute("delete from drizzle.__drizzle_migrations where created_at = "
                + "(select max(created_at) from drizzle.__drizzle_migrations)");

        CliRun run = CliRun.run("status", "--json", "--url", db.libpqUrl(), "--dir", dir());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, Object> doc = Json.object(run.out());
        assertThat(doc).containsEntry("command", "status").containsEntry("upToDate", false)
                .containsEntry("location", dir());
        List<Object> migrations = Json.list(doc.get("migrations"));
        assertThat(migrations).extracting(m -> Json.map(m).get("tag"))
                .containsExactlyElementsOf(Fixtures.basicTags());
        assertThat(migrations).extracting(m -> Json.map(m).get("state"))
                .containsExactly("applied", "applied", "pending");
        Path first = Fixtures.basic().resolve(Fixtures.basicTags().get(0) + ".sql");
        assertThat(Json.map(migrations.get(0)).get("hash")).isEqualTo(Sha256.ofFile(first));
        assertThat(Json.map(doc.get("counts"))).containsEntry("pending", 1L);
    }

    @Test
    void databaseUrlFromTheEnvironmentIsUsedWhenUrlIsAbsent() {
        CliRun run = CliRun.run(Map.of("DATABASE_URL", db.libpqUrl()), "migrate", "--dir", dir());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);
    }

    @Test
    void readsTheFolderFromTheClassPath() {
        CliRun run = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", "classpath:" + Fixtures.BASIC_RESOURCE);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);
    }

    @Test
    void usesTheBookkeepingTableNamedByTheOptions() {
        CliRun run = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", dir(), "--schema", "ops", "--table",
                "schema_history", "--transaction-mode", "Per-Migration", "--lock-timeout", "PT30S");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(db.queryLong("select count(*) from ops.schema_history")).isEqualTo(3);
        assertThat(db.relationExists("drizzle.__drizzle_migrations")).isFalse();
    }

    @Test
    void searchPathPutsUnqualifiedNamesInTheGivenSchema(@TempDir Path temp) {
        db.execute("CREATE SCHEMA app");
        Path dir = MigrationFolder.at(temp).migration("0000_notes", 1_000,
                "CREATE TABLE \"notes\" (\"id\" serial PRIMARY KEY NOT NULL);").write();

        CliRun run = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", dir.toString(), "--search-path", "app");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(db.relationExists("app.notes")).isTrue();
        assertThat(db.relationExists("public.notes")).isFalse();
    }

    @Test
    void validateExitsThreeWhilePendingAndZeroOnceMigrated() {
        CliRun before = CliRun.run("validate", "--url", db.libpqUrl(), "--dir", dir());
        assertThat(before.exitCode()).as(before.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(before.err()).startsWith("error: ");
        assertThat(before.out()).contains(Fixtures.basicTags().get(0)).contains("pending");

        CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", dir());

        CliRun after = CliRun.run("validate", "--url", db.libpqUrl(), "--dir", dir());
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.out()).startsWith("Valid: ");
        assertThat(after.err()).isEmpty();
    }

    @Test
    void quietPrintsNothingOnStdout() {
        CliRun run = CliRun.run("migrate", "-q", "--url", db.libpqUrl(), "--dir", dir());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);
    }
}
