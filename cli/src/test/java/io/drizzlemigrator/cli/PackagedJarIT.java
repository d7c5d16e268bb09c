package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension.FreshDatabasePerTest;
import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a user runs it: {@code java -jar cli/target/drizzle-migrator.jar ...}. A failsafe test:
 * it runs in {@code mvn verify}, after {@code package} built the jar. Each test migrates its own database.
 */
@FreshDatabasePerTest
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("drizzle.cli.jar", "target/drizzle-migrator.jar"));
    private static final String PASSWORD = "Jar-s3cret-" + ProcessHandle.current().pid();

    @TempDir
    Path temp;

    private record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Result java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (run mvn package first)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DATABASE_URL");
        builder.environment().remove("PGPASSWORD");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar did not finish within 120 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private final TestDatabase db;

    PackagedJarIT(TestDatabase db) {
        this.db = db;
    }

    @Test
    void theJarMigratesPrintsOnlyJsonOnStdoutAndLogsOnStderr() throws Exception {
        String dir = Fixtures.basic().toString();

        Result migrate = java(Map.of("DATABASE_URL", db.libpqUrl()), "migrate", "--dir", dir, "--json");

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        Map<String, Object> doc = Json.object(migrate.out());
        assertThat(doc).containsEntry("appliedCount", 3L);
        assertThat(Json.list(doc.get("applied"))).extracting(m -> Json.map(m).get("tag"))
                .containsExactlyElementsOf(Fixtures.basicTags());
        assertThat(migrate.err()).as("logs on stderr").contains("INFO").contains(Fixtures.basicTags().get(2))
                .doesNotContain("[main]");

        Result status = java(Map.of(), "status", "--url", db.jdbcUrl(), "--user", db.user(), "--dir", dir);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Up to date");

        Result validate = java(Map.of(), "validate", "--url", db.libpqUrl(), "--dir", dir, "-q");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).isEmpty();
        assertThat(validate.err()).as("--quiet logs only warnings and errors").doesNotContain("INFO");
    }

    @Test
    void theJarNeverPrintsThePasswordEvenWithVerboseLogs() throws Exception {
        String url = "postgresql://" + db.user() + ":" + PASSWORD + "@" + db.server().host() + ":"
                + db.server().port() + "/";

        Result unknownDatabase = java(Map.of(), "migrate", "--url", url + "no_such_db_for_jar", "--verbose",
                "--dir", Fixtures.basic().toString());
        Result succeeded = java(Map.of("PGPASSWORD", PASSWORD), "migrate", "--url", db.jdbcUrl(), "--user",
                db.user(), "--verbose", "--dir", Fixtures.basic().toString());

        assertThat(unknownDatabase.exitCode()).as(unknownDatabase.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownDatabase.err()).contains("error: ").contains("no_such_db_for_jar");
        assertThat(succeeded.exitCode()).as(succeeded.toString()).isZero();
        assertThat(succeeded.err()).as("DEBUG logs with --verbose").contains("DEBUG");
        for (Result r : List.of(unknownDatabase, succeeded)) {
            assertThat(r.out()).doesNotContain(PASSWORD);
            assertThat(r.err()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void theJarPrintsHelpAndUsageErrors() throws Exception {
        Result help = java(Map.of(), "--help");
        Result usage = java(Map.of(), "migrate", "--no-such-option");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("migrate").contains("status").contains("validate").contains("Exit codes:");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).startsWith("error: ").contains("--no-such-option");
    }

    /**
     * Dokploy's first run (186 migrations, 225 lint findings): one lint summary line, each migration once, a short
     * summary; the findings stay out of the default output (issue 20: it was 1035 lines, "199 errors", exit 0).
     */
    @Test
    void theDefaultMigrateOfARealFolderPrintsOneLinePerMigrationAndOneLintSummary() throws Exception {
        Path dokploy = corpus("Dokploy__dokploy");

        Result migrate = java(Map.of("DATABASE_URL", db.libpqUrl()), "migrate", "--dir", dokploy.toString());

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        List<String> lines = (migrate.out() + migrate.err()).lines().toList();
        assertThat(lines).as(migrate.toString()).hasSizeLessThanOrEqualTo(190);
        assertThat(lines).filteredOn(l -> l.contains("lint")).singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("run `drizzle-migrator lint` for details", "would refuse the run with lint mode fail");
        assertThat(lines).filteredOn(l -> l.contains("0185_needy_kingpin")).hasSize(1);
        assertThat(migrate.out() + migrate.err()).doesNotContainPattern("(?i)\\berrors?\\b"); // 0005_cute_terror is fine
    }

    /** The lint details are for --verbose (DEBUG): each finding on its line, besides the one summary line. */
    @Test
    void withVerboseTheLintFindingsAreLoggedOneByOne() throws Exception {
        Path dir = MigrationFolder.at(temp.resolve("verbose")).migration("0000_create_t", 1_000,
                "CREATE TABLE t (id int, name text);").migration("0001_drop_name", 2_000,
                "ALTER TABLE t DROP COLUMN name;").write();

        Result verbose = java(Map.of("DATABASE_URL", db.libpqUrl()), "migrate", "--dir", dir.toString(), "--verbose");

        assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
        assertThat(verbose.err()).as(verbose.toString())
                .containsPattern("(?m) DEBUG DrizzleMigrator - lint: 0001_drop_name.sql:1:\\d+: error \\[drop-column\\]")
                .contains("lint: 1 finding in the 2 migrations applied by this run (drop-column 1)");
    }

    /** pgjdbc logs through java.util.logging: its lines come out as ours, not as JUL's raw two-line records. */
    @Test
    void theJarRoutesTheDriversJavaUtilLoggingThroughTheSameLog() throws Exception {
        Result status = java(Map.of(), "status", "--url", "jdbc:postgresql://127.0.0.1:abc/db?user=postgres",
                "--dir", Fixtures.basic().toString());

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).as(status.toString())
                .containsPattern("(?m)^[0-9:.]{12} WARN PGPropertyUtil - JDBC URL invalid port number: abc$")
                .doesNotContain("WARNING:").doesNotContain("org.postgresql.util.PGPropertyUtil");
    }

    /** A corpus of real drizzle-kit folders, in the shared folder above the checkout. */
    private static Path corpus(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpora").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("No shared/corpora/" + name + " above " + Path.of("").toAbsolutePath());
    }
}
