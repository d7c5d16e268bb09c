package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fanout as a user types it: targets from a file, a list or a query; the summary, JSON, shards and exit codes. */
@FreshDatabasePerTest
class CliFanOutTest {

    @TempDir
    Path dir;

    private final TestDatabase db;

    CliFanOutTest(TestDatabase db) {
        this.db = db;
    }

    private String folder() {
        return TestFolder.in(dir.resolve("drizzle"))
                .migration("0000_users", "CREATE TABLE \"public\".\"users\" (\"id\" serial PRIMARY KEY);")
                .migration("0001_orders", TestFolder.statements("CREATE TABLE \"orders\" (\"user_id\" integer);",
                        "ALTER TABLE \"orders\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"user_id\") REFERENCES"
                                + " \"public\".\"users\"(\"id\");"))
                .write().toString();
    }

    @Test
    void migratesTheTenantsOfAFileAndReportsEachWithOneBrokenTenantFailingAlone() throws IOException {
        db.execute("CREATE SCHEMA t1; CREATE SCHEMA t2; CREATE SCHEMA \"Acme-EU\"; CREATE TABLE t2.orders (x text)");
        Path targets = Files.writeString(dir.resolve("tenants.txt"), "# tenants\nt1\nt2\n\nAcme-EU\nt1\n");

        CliRun run = CliRun.run("fanout", "--url", db.libpqUrl(), "--dir", folder(), "--targets-file",
                targets.toString(), "--tenant-schema-from", "public", "--parallel", "2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).as(run.toString()).containsPattern("(?m)^  t1 +applied 2 migrations")
                .containsPattern("(?m)^  Acme-EU +applied 2 migrations")
                .containsPattern("(?m)^  t2 +FAILED at 0001_orders.sql:1: ")
                .contains("Given more than once (run once): t1")
                .contains("3 targets: 2 applied, 1 failed in ");
        assertThat(db.relationExists("\"Acme-EU\".orders")).isTrue();

        db.execute("DROP TABLE t2.orders");
        CliRun rerun = CliRun.run("fanout", "--json", "--url", db.libpqUrl(), "--dir", folder(), "--targets",
                "t1,t2,Acme-EU", "--tenant-schema-from", "public");

        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        Map<String, Object> json = Json.object(rerun.out());
        assertThat(json).containsEntry("command", "fanout").containsEntry("success", true);
        assertThat((Map<String, Object>) json.get("counts")).containsEntry("applied", 1L).containsEntry("current",
                2L);
        assertThat((List<Map<String, Object>>) json.get("targets")).filteredOn(t -> t.get("outcome")
                .equals("applied")).extracting(t -> t.get("target")).containsExactly("t2");
    }

    @Test
    void aFolderNamingPublicIsRefusedWithTheFlagThatMapsIt() {
        db.execute("CREATE SCHEMA t1");

        CliRun run = CliRun.run("fanout", "--url", db.libpqUrl(), "--dir", folder(), "--targets", "t1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("0000_users.sql:1", "--tenant-schema-from=public");
    }

    @Test
    void aTargetsQueryThatFindsNothingOrFailsExitsTwoBeforeAnythingRuns() {
        db.execute("CREATE TABLE tenants (schema_name text, active boolean)");

        CliRun empty = CliRun.run("fanout", "--url", db.libpqUrl(), "--dir", folder(), "--tenant-schema-from",
                "public", "--targets-query", "select schema_name from tenants where active");
        CliRun failing = CliRun.run("fanout", "--url", db.libpqUrl(), "--dir", folder(), "--tenant-schema-from",
                "public", "--targets-query", "select nope from tenants");

        assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(2);
        assertThat(empty.err()).contains("returned no rows");
        assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(2);
        assertThat(failing.err()).contains("The targets query failed");
        assertThat(db.queryLong("select count(*) from pg_namespace where nspname = 'drizzle'")).isZero();
    }

    @Test
    void shardsFromTheJobCompletionIndexAreDisjointAndCoverTheTargets() {
        db.execute("CREATE TABLE tenants (schema_name text)");
        StringBuilder ddl = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            ddl.append("CREATE SCHEMA s").append(i).append("; INSERT INTO tenants VALUES ('s").append(i).append("');");
        }
        db.execute(ddl.toString());
        int applied = 0;
        for (int index = 0; index < 3; index++) {
            CliRun run = CliRun.run(Map.of("JOB_COMPLETION_INDEX", Integer.toString(index)), "fanout", "--json",
                    "--url", db.libpqUrl(), "--dir", folder(), "--tenant-schema-from", "public", "--targets-query",
                    "select schema_name from tenants", "--shards", "3");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            Map<String, Object> json = Json.object(run.out());
            assertThat(json).containsEntry("shard", index + "/3");
            applied += ((Number) ((Map<String, Object>) json.get("counts")).get("applied")).intValue();
        }
        assertThat(applied).isEqualTo(9);
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = '__drizzle_migrations'"))
                .isEqualTo(9);
    }

    @Test
    void everyFlagThatDocsMultiTenantNamesIsAnOptionOfFanout() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "multi-tenant.md"));
        java.io.PrintStream sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        picocli.CommandLine.Model.CommandSpec fanout = Main.commandLine(new CliContext(sink, sink, Map.of(),
                Redactor.of(new String[0], Map.of()))).getSubcommands().get("fanout").getCommandSpec();
        java.util.regex.Matcher flag = java.util.regex.Pattern.compile("--[a-z][a-z-]+").matcher(doc);
        int flags = 0;
        while (flag.find()) {
            flags++;
            assertThat(fanout.findOption(flag.group())).as(flag.group()).isNotNull();
        }
        assertThat(flags).isGreaterThan(15);
    }
}
