package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} in its three formats, traced or not, and its exit codes, on the basic fixture. */
@FreshDatabasePerTest
class CliPlanTest {

    private final TestDatabase db;

    @TempDir
    Path temp;

    CliPlanTest(TestDatabase db) {
        this.db = db;
    }

    private CliRun plan(Path dir, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "plan";
        args[1] = "--url=" + db.libpqUrl();
        args[2] = "--dir";
        args[3] = dir.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.run(args);
    }

    @Test
    void textNamesEachStatementWithItsLineKindAndLocks() {
        CliRun run = plan(Fixtures.basic());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Plan for ").contains("3 pending, 0 out of order")
                .contains("0002_index_posts_author (pending)")
                .contains("outside a transaction (each statement commits on its own):")
                .contains("line 2  CREATE INDEX CONCURRENTLY")
                .contains("public.posts (created by the plan): ShareUpdateExclusiveLock (derived)")
                .contains("line 7  CREATE UNIQUE INDEX")
                .contains("public.users (created by the plan): ShareLock (derived)");
        assertThat(db.queryLong("select count(*) from pg_namespace where nspname = 'drizzle'"))
                .as("no bookkeeping schema created").isZero();
    }

    @Test
    void jsonIsTheIssuesShapeAndTheOnlyThingOnStdout() {
        CliRun run = plan(Fixtures.basic(), "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, Object> doc = Json.object(run.out());
        assertThat(doc).containsEntry("command", "plan").containsEntry("exitCode", 0L).containsEntry("traced", false);
        assertThat(Json.map(doc.get("counts"))).containsEntry("pending", 3L).containsEntry("outOfOrder", 0L)
                .containsEntry("edited", 0L).containsEntry("unknown", 0L);
        List<Object> migrations = Json.list(doc.get("migrations"));
        assertThat(migrations).extracting(m -> Json.map(m).get("tag")).containsExactlyElementsOf(Fixtures.basicTags());
        Map<String, Object> posts = Json.map(migrations.get(1));
        assertThat(posts).containsEntry("state", "pending");
        Map<String, Object> segment = Json.map(Json.list(posts.get("segments")).get(0));
        assertThat(segment).containsEntry("transactional", true);
        Map<String, Object> fk = Json.map(Json.list(segment.get("statements")).get(1));
        assertThat(fk).containsEntry("line", 8L).containsEntry("rewrite", false)
                .containsEntry("kind", "DO: ALTER TABLE ADD CONSTRAINT FOREIGN KEY");
        assertThat((String) fk.get("sql")).startsWith("DO $$ BEGIN").hasSizeLessThanOrEqualTo(200);
        assertThat(Json.list(fk.get("locks"))).extracting(l -> Json.map(l).get("relation") + ":"
                + Json.map(l).get("mode") + ":" + Json.map(l).get("source"))
                .containsExactlyInAnyOrder("public.posts:ShareRowExclusiveLock:derived",
                        "public.users:ShareRowExclusiveLock:derived");
    }

    @Test
    void withAllInOneTransactionModeThePlanSaysEveryLockIsHeldUntilTheRunEnds() {
        Path dir = MigrationFolder.at(temp.resolve("tx")).migration("0000_a", 1_000, "CREATE TABLE a (id int);")
                .migration("0001_b", 2_000, "ALTER TABLE a ADD COLUMN b int;").write();

        CliRun json = plan(dir, "--json", "--transaction-mode", "all-in-one");
        CliRun text = plan(dir, "--transaction-mode=all-in-one");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(Json.object(json.out())).containsEntry("oneTransaction", true);
        assertThat(text.out()).contains("the whole run is one transaction");
        assertThat(Json.object(plan(dir, "--json").out())).containsEntry("oneTransaction", false);
    }

    @Test
    void markdownIsAPullRequestCommentWithATablePerSegmentAndTheBlockingLocksFirst() {
        CliRun run = plan(Fixtures.basic(), "--format=markdown");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("## drizzle-migrator plan\n")
                .contains("No lock on an existing table keeps the application waiting.")
                .contains("lock(s) that block writes are on tables this plan creates")
                .contains("### 0001_add_posts (pending)")
                .contains("| line | statement | kind | locks | rewrite | scan | lint |")
                .contains("`public.posts` (created by the plan): ShareUpdateExclusiveLock (derived)");
    }

    @Test
    void markdownListsFirstTheLocksOnTablesThatExistAndOnlyCountsThoseOnTablesThePlanCreates() {
        String users = "CREATE TABLE users (id int PRIMARY KEY);";
        Path first = MigrationFolder.at(temp.resolve("first")).migration("0000_users", 1_000, users).write();
        CliRun migrate = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", first.toString());
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        Path dir = MigrationFolder.at(temp.resolve("both")).migration("0000_users", 1_000, users)
                .migration("0001_posts", 2_000, "CREATE TABLE posts (id int, author int);\n"
                        + "--> statement-breakpoint\n"
                        + "ALTER TABLE posts ADD CONSTRAINT posts_author_fk FOREIGN KEY (author) REFERENCES users (id);")
                .write();

        CliRun run = plan(dir, "--format=markdown");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("1 lock(s) on existing tables that keep the application waiting")
                .contains("`0001_posts.sql:3` ALTER TABLE ADD CONSTRAINT FOREIGN KEY: **blocks writes** on"
                        + " `public.users` (~")
                .contains("2 more lock(s) that block writes are on tables this plan creates")
                .doesNotContain("** on `public.posts`");
    }

    @Test
    void traceMeasuresTheLocksOnAScratchDatabaseAndLeavesTheTargetAsItWas() {
        CliRun first = CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", base().toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        long rows = db.queryLong("select count(*) from drizzle.__drizzle_migrations");

        CliRun run = plan(Fixtures.basic(), "--json", "--trace");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, Object> doc = Json.object(run.out());
        assertThat(doc).containsEntry("traced", true);
        assertThat(Json.map(doc.get("counts"))).containsEntry("pending", 2L);
        Map<String, Object> cic = Json.map(Json.list(Json.map(Json.list(Json.map(Json.list(doc.get("migrations"))
                .get(1)).get("segments")).get(0)).get("statements")).get(0));
        assertThat(Json.list(cic.get("locks"))).extracting(l -> Json.map(l).get("mode") + ":"
                + Json.map(l).get("source"))
                .containsExactlyInAnyOrder("ShareUpdateExclusiveLock:derived", "ShareUpdateExclusiveLock:traced");
        assertThat(cic).containsEntry("tracedRewrite", false);
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(rows);
        assertThat(db.relationExists("public.posts")).as("the target untouched").isFalse();
    }

    @Test
    void traceFillsTheScratchDatabaseItIsGivenAndLeavesIt() {
        try (TestDatabase scratch = TestDatabase.create("plan_scratch")) {
            CliRun run = plan(Fixtures.basic(), "--format=json", "--trace", "--scratch-url", scratch.libpqUrl());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Json.object(run.out())).containsEntry("traced", true);
            assertThat(scratch.relationExists("public.posts")).as("the scratch database, filled").isTrue();
            assertThat(db.relationExists("public.posts")).as("the target").isFalse();
        }
    }

    @Test
    void anOutOfOrderMigrationMakesPlanExitThreeAsStatusDoes() {
        Path applied = MigrationFolder.at(temp.resolve("applied")).migration("0000_a", 1_000, "CREATE TABLE a (id int);")
                .migration("0002_c", 3_000, "CREATE TABLE c (id int);").write();
        assertThat(CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", applied.toString()).exitCode()).isZero();
        Path merged = MigrationFolder.at(temp.resolve("merged")).migration("0000_a", 1_000, "CREATE TABLE a (id int);")
                .migration("0001_b", 2_000, "CREATE TABLE b (id int);")
                .migration("0002_c", 3_000, "CREATE TABLE c (id int);").write();

        CliRun run = plan(merged, "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        Map<String, Object> doc = Json.object(run.out());
        assertThat(Json.map(doc.get("counts"))).containsEntry("outOfOrder", 1L).containsEntry("pending", 0L);
        Map<String, Object> late = Json.map(Json.list(doc.get("migrations")).get(0));
        assertThat(late).containsEntry("tag", "0001_b").containsEntry("state", "out_of_order");
        assertThat(Json.list(late.get("segments"))).as("migrate would not run it").isEmpty();

        CliRun apply = plan(merged, "--out-of-order=apply", "--json");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(Json.list(Json.map(Json.list(Json.object(apply.out()).get("migrations")).get(0)).get("segments")))
                .as("migrate --out-of-order=apply runs it").hasSize(1);
    }

    @Test
    void badOptionsExitTwo() {
        CliRun format = plan(Fixtures.basic(), "--format", "yaml");
        assertThat(format.exitCode()).as(format.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("--format").contains("text, json, markdown");

        CliRun scratch = plan(Fixtures.basic(), "--scratch-url", db.libpqUrl());
        assertThat(scratch.exitCode()).as(scratch.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(scratch.err()).contains("--scratch-url is for --trace");
    }

    @Test
    void everyFlagOfTheReviewDocsIsAnOptionOfPlan() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(Path.of("..", "docs", "review.md"));
        String help = CliRun.run("plan", "--help").out();

        java.util.regex.Matcher flags = java.util.regex.Pattern.compile("plan [^\n`]*").matcher(doc);
        int checked = 0;
        while (flags.find()) {
            java.util.regex.Matcher flag = java.util.regex.Pattern.compile("--[a-z-]+").matcher(flags.group());
            while (flag.find()) {
                assertThat(help).as("plan --help, for %s in docs/review.md", flag.group()).contains(flag.group());
                checked++;
            }
        }
        assertThat(checked).as("flags of plan command lines in docs/review.md").isGreaterThan(5);
    }

    /** The basic fixture's first migration alone. */
    private Path base() {
        try {
            return MigrationFolder.at(temp.resolve("base")).migration(Fixtures.basicTags().get(0), when(0),
                    java.nio.file.Files.readString(Fixtures.basic().resolve(Fixtures.basicTags().get(0) + ".sql")))
                    .write();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The {@code when} of the basic fixture's entry {@code i}. */
    private static long when(int i) {
        return io.drizzlemigrator.testing.Journal.read(Fixtures.basic()).get(i).when();
    }
}
