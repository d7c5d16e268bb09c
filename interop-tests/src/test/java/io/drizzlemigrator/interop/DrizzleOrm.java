package io.drizzlemigrator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * drizzle's own migrator, run by Node from the pinned projects in {@code interop-tests/node}: {@link #V0} is
 * drizzle-orm 0.45 (the {@code meta/_journal.json} layout), {@link #V1} is drizzle-orm and drizzle-kit 1.0 (the
 * {@code <timestamp>_<name>/migration.sql} layout, and {@code drizzle-kit up}).
 *
 * <p>Each project is installed with {@code npm ci} at most once per build: the SHA-256 of its {@code package.json} and
 * {@code package-lock.json} is stamped into {@code node_modules} and an install is skipped while it matches. Missing
 * {@code node} or {@code npm} fails the tests with instructions; they are never skipped. Migrations run in one
 * long-lived {@code migrate.mjs --serve} process per version ({@link MigrateServer}); {@link #migrateOnce} runs the
 * script's command-line form.
 */
enum DrizzleOrm {

    V0("v0"),
    V1("v1");

    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    private static final String STAMP = ".drizzle-migrator-interop.sha256";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String directoryName;
    private volatile boolean installed;
    private MigrateServer server;

    DrizzleOrm(String directoryName) {
        this.directoryName = directoryName;
    }

    /** One-line JSON that a script printed on success. */
    record Result(JsonNode json, List<String> notices) {
    }

    /** The Node project's directory. */
    Path directory() {
        String configured = System.getProperty("interop.node.dir");
        Path root = configured != null ? Path.of(configured) : Path.of("node").toAbsolutePath();
        return root.resolve(directoryName);
    }

    /** The installed drizzle-orm version, for example {@code 0.45.4}. */
    String version() {
        ensureInstalled();
        try {
            return JSON.readTree(directory().resolve("node_modules/drizzle-orm/package.json").toFile())
                    .get("version").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs drizzle's {@code migrate()} on {@code db} with {@code folder} (default bookkeeping table) and fails the test
     * if drizzle fails.
     */
    Result migrate(TestDatabase db, Path folder) {
        JsonNode answer = server().migrate(db.libpqUrl(), folder, SCRIPT_TIMEOUT);
        if (!answer.path("ok").asBoolean()) {
            throw new AssertionError("drizzle-orm " + directoryName + " failed to migrate " + folder + " on "
                    + db.name() + ": " + answer.path("error").asText());
        }
        return result(answer);
    }

    /** Runs drizzle's {@code migrate()} and returns its error, failing the test if drizzle succeeds. */
    String migrateExpectingFailure(TestDatabase db, Path folder) {
        JsonNode answer = server().migrate(db.libpqUrl(), folder, SCRIPT_TIMEOUT);
        if (answer.path("ok").asBoolean()) {
            throw new AssertionError("drizzle-orm " + directoryName + " was expected to fail on " + folder + " on "
                    + db.name() + " but succeeded: " + answer);
        }
        return answer.path("error").asText();
    }

    /** {@code node migrate.mjs <url> <folder>}: one run in its own process, as a person would start it. */
    Processes.Output migrateOnce(String url, Path folder) {
        return runScript("migrate.mjs", url, folder.toString());
    }

    /**
     * {@code node migrate.mjs <url> <folder> <migrationsSchema>}: drizzle's {@code migrate()} with its bookkeeping in
     * {@code migrationsSchema}, in its own process; fails the test if drizzle fails.
     */
    Result migrateWithSchema(TestDatabase db, Path folder, String migrationsSchema) {
        Processes.Output out = runScript("migrate.mjs", db.libpqUrl(), folder.toString(), migrationsSchema);
        if (!out.succeeded()) {
            throw new AssertionError("drizzle-orm " + directoryName + " failed to migrate " + folder + " with"
                    + " migrationsSchema " + migrationsSchema + ":\n" + out.describe());
        }
        return parse(out);
    }

    private synchronized MigrateServer server() {
        ensureInstalled();
        if (server == null || !server.isAlive()) {
            if (server != null) {
                server.close();
            }
            MigrateServer started = MigrateServer.start(directory());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            server = started;
        }
        return server;
    }

    /**
     * Converts a {@code meta/_journal.json} folder in place to the 1.0 layout with drizzle-kit 1.0's own
     * {@code drizzle-kit up} (see {@code node/v1/up.mjs}). Only {@link #V1}.
     *
     * @return the folder names drizzle-kit chose, sorted
     */
    List<String> up(Path folder) {
        Processes.Output out = runUp(folder);
        if (!out.succeeded()) {
            throw new AssertionError("drizzle-kit up failed on " + folder + ":\n" + out.describe());
        }
        List<String> folders = new ArrayList<>();
        parse(out).json().get("folders").forEach(n -> folders.add(n.asText()));
        return folders;
    }

    /** Runs {@code drizzle-kit up} expecting it to refuse the folder; returns its error. Only {@link #V1}. */
    String upExpectingFailure(Path folder) {
        Processes.Output out = runUp(folder);
        if (out.succeeded()) {
            throw new AssertionError("drizzle-kit up was expected to refuse " + folder + ":\n" + out.describe());
        }
        return out.stderr().strip();
    }

    private Processes.Output runUp(Path folder) {
        if (this != V1) {
            throw new IllegalStateException("drizzle-kit up is a drizzle-kit 1.0 command: use DrizzleOrm.V1");
        }
        return runScript("up.mjs", folder.toString());
    }

    private Processes.Output runScript(String script, String... args) {
        ensureInstalled();
        List<String> command = Processes.command("node", script);
        command.addAll(List.of(args));
        return Processes.run(command, directory(), Map.of(), SCRIPT_TIMEOUT);
    }

    private static Result parse(Processes.Output out) {
        String[] lines = out.stdout().strip().split("\n");
        try {
            return result(JSON.readTree(lines[lines.length - 1]));
        } catch (IOException e) {
            throw new AssertionError("Not one line of JSON on stdout:\n" + out.describe(), e);
        }
    }

    private static Result result(JsonNode json) {
        List<String> notices = new ArrayList<>();
        json.path("notices").forEach(n -> notices.add(n.asText()));
        return new Result(json, notices);
    }

    /** {@code npm ci}, unless {@code node_modules} was installed from exactly these package files. */
    private void ensureInstalled() {
        if (installed) {
            return;
        }
        synchronized (this) {
            if (installed) {
                return;
            }
            Path dir = directory();
            requireTool("node", dir);
            Path stamp = dir.resolve("node_modules").resolve(STAMP);
            String expected = packageFilesDigest(dir);
            if (!expected.equals(readIfExists(stamp))) {
                requireTool("npm", dir);
                Processes.Output out = Processes.run(
                        Processes.command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), dir, Map.of(),
                        NPM_TIMEOUT);
                if (!out.succeeded()) {
                    throw new IllegalStateException("npm ci failed in " + dir + " (the npm registry must be "
                            + "reachable, or its cache filled):\n" + out.describe());
                }
                try {
                    Files.writeString(stamp, expected);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            installed = true;
        }
    }

    private static void requireTool(String tool, Path dir) {
        Processes.Output out = Processes.run(Processes.command(tool, "--version"), dir, Map.of(),
                Duration.ofSeconds(30));
        if (!out.succeeded()) {
            throw new IllegalStateException("`" + tool + " --version` failed: the interoperability tests need "
                    + "Node.js 20+ and npm on the PATH (.ci/run installs them).\n" + out.describe());
        }
    }

    private static String packageFilesDigest(Path dir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : List.of("package.json", "package-lock.json")) {
                Path file = dir.resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("Missing " + file + ": the Node projects of the interop tests "
                            + "are committed with their lock files");
                }
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readIfExists(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
