package io.drizzlemigrator.cli;

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
}
