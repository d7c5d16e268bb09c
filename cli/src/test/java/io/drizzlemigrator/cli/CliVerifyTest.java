package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify}: each query of the applied migrations' VERIFICATION QUERIES with its result; exit 3 unless all true. */
@FreshDatabasePerTest
class CliVerifyTest {

    private final TestDatabase db;

    @TempDir
    Path dir;

    CliVerifyTest(TestDatabase db) {
        this.db = db;
    }

    private Path prepared() {
        Path folder = TestFolder.in(dir.resolve("drizzle"))
                .migration("0000_bright_ant", "CREATE TABLE \"incident\" (\"id\" serial PRIMARY KEY, \"title\" text);")
                .write();
        CliRun prepare = CliRun.run("prepare", "--dir", folder.toString(), "--name", "add_incident_table",
                "--author", "Ada (backend)", "--source", "INC-1");
        assertThat(prepare.exitCode()).as(prepare.toString()).isZero();
        return folder;
    }

    @Test
    void reportsEachQueryTrueAfterMigrateAndExitsZero() {
        Path folder = prepared();
        assertThat(CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", folder.toString()).exitCode()).isZero();

        CliRun verify = CliRun.run("verify", "--url", db.libpqUrl(), "--dir", folder.toString());

        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("true   0000_add_incident_table.sql:",
                "SELECT to_regclass('\"incident\"') IS NOT NULL;", "1 verification queries, 0 not true");
    }

    @Test
    void exitsThreeWhenAQueryIsFalseAndNamesIt() {
        Path folder = prepared();
        assertThat(CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", folder.toString()).exitCode()).isZero();
        db.execute("DROP TABLE incident");

        CliRun verify = CliRun.run("verify", "--url", db.libpqUrl(), "--dir", folder.toString());

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(verify.out()).contains("FALSE  0000_add_incident_table.sql:", "1 not true");
    }

    @Test
    void aQueryThatWritesFailsInTheReadOnlyTransactionAndChangesNothing() throws Exception {
        Path folder = prepared();
        Path file = folder.resolve("0000_add_incident_table.sql");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file)
                + "--> statement-breakpoint\nINSERT INTO incident (title) VALUES ('x');\n");
        assertThat(CliRun.run("migrate", "--url", db.libpqUrl(), "--dir", folder.toString()).exitCode()).isZero();
        assertThat(db.queryLong("select count(*) from incident")).isEqualTo(1);

        CliRun verify = CliRun.run("verify", "--url", db.libpqUrl(), "--dir", folder.toString());

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(verify.out()).contains("ERROR  0000_add_incident_table.sql:", "read-only transaction");
        assertThat(db.queryLong("select count(*) from incident")).isEqualTo(1);
        CliRun lint = CliRun.run("lint", "--dir", folder.toString());
        assertThat(lint.out()).contains("error [verification-side-effect]");
    }
}
