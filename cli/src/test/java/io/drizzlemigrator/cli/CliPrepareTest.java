package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prepare}: dry run, rename with the journal edited in place, lint-clean output, refusal of an applied file. */
@FreshDatabasePerTest
class CliPrepareTest {

    private final TestDatabase db;

    @TempDir
    Path dir;

    CliPrepareTest(TestDatabase db) {
        this.db = db;
    }

    /** drizzle-kit's output for a users table, then an index and a NOT NULL column change on it. */
    private Path generated() {
        return TestFolder.in(dir.resolve("drizzle"))
                .migration("0000_create_users", "-- Migration: create users\n-- Date: 2024-11-19\n-- Author: a (b)\n"
                        + "-- Source: T-1\nCREATE TABLE \"users\" (\"id\" serial PRIMARY KEY, \"email\" text);")
                .migration("0001_dizzy_falcon", TestFolder.statements(
                        "ALTER TABLE \"users\" ADD COLUMN \"nickname\" varchar(64);",
                        "ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL;",
                        "CREATE INDEX IF NOT EXISTS \"users_email_idx\" ON \"users\" USING btree (\"email\");"))
                .write();
    }

    private static String[] prepare(Path folder, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("prepare", "--dir", folder.toString(), "--name",
                "add_user_nickname", "--author", "Ada (backend)", "--source", "TICKET-9"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void dryRunPrintsTheDiffAndChangesNothing() throws IOException {
        Path folder = generated();
        String journal = Files.readString(folder.resolve("meta/_journal.json"));
        String sql = Files.readString(folder.resolve("0001_dizzy_falcon.sql"));

        CliRun run = CliRun.run(prepare(folder, "--dry-run"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("--- a/0001_dizzy_falcon.sql", "+++ b/0001_add_user_nickname.sql",
                "+-- Migration: Add user nickname", "-      \"tag\": \"0001_dizzy_falcon\",",
                "+      \"tag\": \"0001_add_user_nickname\",", "+++ b/0001_add_user_nickname_rollback.sql");
        assertThat(Files.readString(folder.resolve("meta/_journal.json"))).isEqualTo(journal);
        assertThat(Files.readString(folder.resolve("0001_dizzy_falcon.sql"))).isEqualTo(sql);
        assertThat(folder.resolve("0001_add_user_nickname.sql")).doesNotExist();
    }

    @Test
    void preparesTheNewestMigrationSoThatLintHasNoConventionFindingAndMigrateApplies() throws IOException {
        Path folder = generated();
        String journal = Files.readString(folder.resolve("meta/_journal.json"));

        CliRun run = CliRun.run(prepare(folder));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Prepared 0001_dizzy_falcon as 0001_add_user_nickname",
                "created 0001_add_user_nickname_rollback.sql");
        assertThat(Files.readString(folder.resolve("meta/_journal.json")))
                .isEqualTo(journal.replace("\"0001_dizzy_falcon\"", "\"0001_add_user_nickname\""));
        assertThat(folder.resolve("0001_dizzy_falcon.sql")).doesNotExist();
        String sql = Files.readString(folder.resolve("0001_add_user_nickname.sql"));
        assertThat(sql).startsWith("-- Migration: Add user nickname\n-- Date: 2024-11-19\n-- Author: Ada (backend)\n"
                + "-- Source: TICKET-9\n--\n-- Implements:\n-- - Add column users.nickname (varchar(64))\n")
                .contains("-- Rollback: See 0001_add_user_nickname_rollback.sql", "-- PART 1: Columns",
                        "-- PART 2: Indexes", "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"users_email_idx\"",
                        "-- VERIFICATION QUERIES");
        assertThat(sql.split("--> statement-breakpoint", -1)).hasSizeGreaterThanOrEqualTo(3 + 1);
        assertThat(Files.readString(folder.resolve("0001_add_user_nickname_rollback.sql")))
                .startsWith("-- Rollback: 0001_add_user_nickname\n-- WARNING: ")
                .contains("DROP INDEX CONCURRENTLY IF EXISTS \"users_email_idx\";\n\n"
                        + "ALTER TABLE \"users\" ALTER COLUMN \"email\" DROP NOT NULL;\n\n"
                        + "ALTER TABLE \"users\" DROP COLUMN IF EXISTS \"nickname\";");

        CliRun lint = CliRun.run("lint", "--dir", folder.toString());
        assertThat(lint.out()).doesNotContain("missing-header", "missing-rollback", "auto-name");

        CliRun migrate = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", folder.toString());
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(db.queryValue("select indisvalid from pg_index where indexrelid = 'users_email_idx'::regclass"))
                .isEqualTo(true);
    }

    @Test
    void refusesAMigrationTheDatabaseHasAppliedUnlessForced() throws IOException {
        Path folder = generated();
        CliRun migrate = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", folder.toString());
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();

        CliRun refused = CliRun.run(prepare(folder, "--url", db.libpqUrl()));

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("Refusing to prepare 0001_dizzy_falcon.sql: the database has applied it",
                "\"edited\" in every database", "--force");
        assertThat(folder.resolve("0001_dizzy_falcon.sql")).exists();

        CliRun forced = CliRun.run(prepare(folder, "--url", db.libpqUrl(), "--force"));
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(folder.resolve("0001_add_user_nickname.sql")).exists();
    }
}
