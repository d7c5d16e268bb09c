package io.drizzlemigrator.benchmarks;

import io.drizzlemigrator.internal.BenchmarkAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every tool on every dataset, alternating the tools within each repetition (the starting tool rotates) and
 * giving each apply its own fresh database, and collects the figures.
 */
final class Harness {

    static final String NOOP = "noop";
    static final String APPLY = "apply";
    static final String SPRING = "spring-startup";

    static final String DM = "drizzle-migrator";
    /** drizzle-migrator with the in-JVM hash memo off: every call reads and hashes every file, as drizzle's does. */
    static final String DM_MEMO_OFF = "drizzle-migrator-memo-off";
    /** {@code java -jar cli/target/drizzle-migrator.jar migrate}, whole process. */
    static final String CLI = "cli";
    /** A JVM that connects, runs {@code select 1} and exits: the floor of a whole Java process. */
    static final String JDBC_PROCESS = "jdbc-floor-process";
    static final String JDBC = "jdbc-floor";
    static final String FLYWAY = "flyway";
    static final String FLYWAY_GROUP = "flyway-group";
    static final String DRIZZLE_ORM = "drizzle-orm";
    static final String DRIZZLE_KIT = "drizzle-kit";
    static final String PSQL = "psql-1";
    static final String WITH_STARTER = "with-starter";
    static final String WITHOUT_STARTER = "without-starter";
    /** The example service without the starter, with Spring Boot's own Flyway integration on a Flyway folder. */
    static final String WITH_BOOT_FLYWAY = "with-boot-flyway";

    /** The tools timed only as whole processes, from start to exit. */
    static final Set<String> WHOLE_PROCESS_ONLY = Set.of(DRIZZLE_KIT, PSQL, CLI, JDBC_PROCESS);

    /** The starter's auto-configurations, excluded to start the example service "without the starter". */
    private static final String STARTER_AUTO_CONFIGURATIONS = String.join(",",
            "io.drizzlemigrator.spring.boot.DrizzleMigrationsAutoConfiguration",
            "io.drizzlemigrator.spring.boot.DrizzleEndpointAutoConfiguration",
            "io.drizzlemigrator.spring.boot.DrizzleHealthAutoConfiguration",
            "io.drizzlemigrator.spring.boot.DrizzleMetricsAutoConfiguration");
    /** Spring Boot's startup line: "Started TasksApplication in 2.3 seconds (process running for 2.9)". */
    private static final Pattern STARTED = Pattern.compile(
            "Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private final Options options;
    private final BenchServer server;
    private final Results results;
    private final ProcessRunner runner;
    private final Path nodeDir;
    private final String java;
    private final String classpath;
    /** The generated dataset on which the Spring Boot starter's startup is measured (its N). */
    private final int springSize;

    private final Path work;

    Harness(Options options, BenchServer server, Results results, ProcessRunner runner, Path nodeDir, Path work) {
        this.work = work;
        this.springSize = options.sizes().stream().mapToInt(Integer::intValue).max().orElse(0);
        this.options = options;
        this.server = server;
        this.results = results;
        this.runner = runner;
        this.nodeDir = nodeDir;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classpath = System.getProperty("java.class.path");
    }

    /** The tools measured applying a dataset, in their base order. */
    static List<String> applyTools(Dataset d) {
        return d.generated() ? List.of(DM, JDBC, FLYWAY, FLYWAY_GROUP, DRIZZLE_ORM, DRIZZLE_KIT, PSQL, CLI)
                : List.of(DM, JDBC, DRIZZLE_ORM, DRIZZLE_KIT, PSQL, CLI);
    }

    /** The tools measured at a no-op start. */
    static List<String> noopTools(Dataset d) {
        return d.generated() ? List.of(DM, JDBC, FLYWAY, DRIZZLE_ORM, DM_MEMO_OFF, DRIZZLE_KIT, CLI, JDBC_PROCESS)
                : List.of(DM, JDBC, DRIZZLE_ORM, DM_MEMO_OFF, DRIZZLE_KIT);
    }

    void measure(Dataset d, int applyReps, int noopReps, Consumer<String> progress) throws IOException {
        Map<String, String> kept = new HashMap<>();
        List<String> tools = applyTools(d);
        for (int rep = 0; rep < applyReps; rep++) {
            for (int i = 0; i < tools.size(); i++) {
                String tool = tools.get((i + rep) % tools.size());
                String db = server.createDatabase(d.id() + "_" + tool);
                progress.accept(d.id() + " apply " + tool + " (" + (rep + 1) + "/" + applyReps + ")");
                boolean ok = apply(tool, d, db);
                boolean keep = ok && rep == applyReps - 1 && (tool.equals(DM) || tool.equals(FLYWAY));
                if (keep) {
                    kept.put(tool, db);
                } else {
                    server.dropDatabase(db);
                }
            }
        }
        String dmDb = kept.get(DM);
        String flywayDb = kept.get(FLYWAY);
        try {
            List<String> noop = noopTools(d);
            for (int rep = 0; rep < noopReps; rep++) {
                for (int i = 0; i < noop.size(); i++) {
                    String tool = noop.get((i + rep) % noop.size());
                    String db = tool.equals(FLYWAY) ? flywayDb : dmDb;
                    if (db == null) {
                        results.error(NOOP, d.id(), tool, "cold_ms", "ms", "no applied database to start from: "
                                + "the apply run it starts from failed");
                        continue;
                    }
                    progress.accept(d.id() + " no-op " + tool + " (" + (rep + 1) + "/" + noopReps + ")");
                    noop(tool, d, db);
                }
            }
            if (dmDb != null && d.generated() && d.migrations() == springSize) {
                springStartup(d, dmDb, flywayDb, noopReps, progress);
            }
        } finally {
            for (String db : kept.values()) {
                server.dropDatabase(db);
            }
        }
    }

    /**
     * The example Spring Boot service started against up-to-date databases, three ways, alternating: with the
     * starter (the dataset's drizzle folder, a no-op migration at startup), without it (the starter's
     * auto-configurations excluded: nothing migrates), and without it but with Spring Boot's own Flyway integration
     * ({@code spring-boot-flyway} and the Flyway that Boot manages added to the class path, the same history as a
     * Flyway folder, on the database Flyway applied it to). All three start from the same exploded jar on a flat class
     * path, so they differ only in the migration integration. The figure is Spring Boot's own "process running for"
     * at "Started ..." (JVM start to a ready context).
     */
    private void springStartup(Dataset d, String db, String flywayDb, int reps, Consumer<String> progress)
            throws IOException {
        SpringApp app = SpringApp.unpack(springJar(), work.resolve("spring-app"));
        String bootFlyway = flywayDb == null ? null : SpringApp.bootFlywayClasspath(runner, work);
        List<String> variants = flywayDb == null ? List.of(WITH_STARTER, WITHOUT_STARTER)
                : List.of(WITH_STARTER, WITHOUT_STARTER, WITH_BOOT_FLYWAY);
        for (int rep = 0; rep < reps; rep++) {
            for (int i = 0; i < variants.size(); i++) {
                String variant = variants.get((i + rep) % variants.size());
                progress.accept(d.id() + " spring startup " + variant + " (" + (rep + 1) + "/" + reps + ")");
                List<String> cmd = new ArrayList<>(List.of(java, "-cp",
                        app.classpath(variant.equals(WITH_BOOT_FLYWAY) ? bootFlyway : null),
                        app.mainClass(), "--server.port=0",
                        "--drizzle.migrations.location=filesystem:" + d.drizzleFolder()));
                if (!variant.equals(WITH_STARTER)) {
                    cmd.add("--spring.autoconfigure.exclude=" + STARTER_AUTO_CONFIGURATIONS);
                }
                if (variant.equals(WITH_BOOT_FLYWAY)) {
                    cmd.add("--spring.flyway.locations=filesystem:" + d.flywayFolder());
                    cmd.add("--logging.level.org.flywaydb=info");
                }
                String target = variant.equals(WITH_BOOT_FLYWAY) ? flywayDb : db;
                ProcessRunner.Outcome o = runner.runUntil(cmd, Map.of("DATABASE_URL", server.libpqUrl(target)),
                        STARTED);
                Matcher m = STARTED.matcher(o.stdout());
                if (!o.ok() || !m.find()) {
                    results.error(SPRING, d.id(), variant, "process_ms", "ms", "the service did not start (see"
                            + " run.log)");
                    continue;
                }
                String proof = variant.equals(WITH_STARTER) ? "Database is up to date"
                        : variant.equals(WITH_BOOT_FLYWAY) ? "is up to date. No migration necessary" : null;
                if (proof != null && !o.stdout().contains(proof)) {
                    results.error(SPRING, d.id(), variant, "process_ms", "ms", "no \"" + proof + "\" in its"
                            + " output: the integration did not run its no-op migration (see run.log)");
                    continue;
                }
                results.add(SPRING, d.id(), variant, "process_ms", "ms", Double.parseDouble(m.group(2)) * 1000);
                results.add(SPRING, d.id(), variant, "context_ms", "ms", Double.parseDouble(m.group(1)) * 1000);
            }
        }
    }

    /** {@code examples/spring-boot-app/target/spring-boot-app.jar}, found from the working directory upwards. */
    static Path springJar() {
        return findUpwards(Path.of("examples", "spring-boot-app", "target", "spring-boot-app.jar"),
                "build it first (benchmarks/run.sh does)");
    }

    /** {@code relative}, resolved against the working directory or the nearest of its parents that holds it. */
    static Path findUpwards(Path relative, String remedy) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path file = dir.resolve(relative);
            if (Files.isRegularFile(file)) {
                return file;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find " + relative + " above " + Path.of("").toAbsolutePath() + ": "
                + remedy);
    }

    private boolean apply(String tool, Dataset d, String db) throws IOException {
        String id = d.id();
        ProcessRunner.Outcome o;
        switch (tool) {
            case DM -> {
                o = probe("drizzle-migrator", db, d.drizzleFolder());
                if (!check(APPLY, id, tool, o, "applied_first", d.migrations())) {
                    return false;
                }
                results.add(APPLY, id, tool, "ms", "ms", o.result().get("first_ms"));
                results.add(APPLY, id, tool, "heap_peak_mb", "MB", o.result().get("heap_peak_mb"));
                results.add(APPLY, id, tool, "alloc_mb", "MB", o.result().get("alloc_first_mb"));
                results.add(APPLY, id, tool, "process_ms", "ms", o.firstDoneMs());
            }
            case JDBC -> {
                o = probe("jdbc-apply", db, d.drizzleFolder());
                if (!check(APPLY, id, tool, o, null, 0)) {
                    return false;
                }
                results.add(APPLY, id, tool, "ms", "ms", o.result().get("first_ms"));
                results.add(APPLY, id, tool, "process_ms", "ms", o.firstDoneMs());
            }
            case FLYWAY, FLYWAY_GROUP -> {
                o = probe(tool, db, d.flywayFolder());
                if (!check(APPLY, id, tool, o, "applied_first", d.migrations())) {
                    return false;
                }
                results.add(APPLY, id, tool, "ms", "ms", o.result().get("first_ms"));
                results.add(APPLY, id, tool, "load_ms", "ms", o.result().get("load_ms"));
                results.add(APPLY, id, tool, "heap_peak_mb", "MB", o.result().get("heap_peak_mb"));
                results.add(APPLY, id, tool, "alloc_mb", "MB", o.result().get("alloc_first_mb"));
                results.add(APPLY, id, tool, "process_ms", "ms", o.firstDoneMs());
            }
            case DRIZZLE_ORM -> {
                o = node(db, List.of("node", "migrate.mjs", d.drizzleFolder().toString()));
                if (!check(APPLY, id, tool, o, null, 0) || !rowsMatch(APPLY, id, tool, db, d)) {
                    return false;
                }
                results.add(APPLY, id, tool, "ms", "ms", o.result().get("first_ms"));
                results.add(APPLY, id, tool, "process_ms", "ms", o.firstDoneMs());
            }
            case DRIZZLE_KIT -> {
                o = drizzleKit(db, d);
                if (!check(APPLY, id, tool, o, null, 0) || !rowsMatch(APPLY, id, tool, db, d)) {
                    return false;
                }
                results.add(APPLY, id, tool, "ms", "ms", o.wallMs());
            }
            case CLI -> {
                o = cli(db, d);
                if (!check(APPLY, id, tool, o, null, 0) || !rowsMatch(APPLY, id, tool, db, d)) {
                    return false;
                }
                results.add(APPLY, id, tool, "ms", "ms", o.wallMs());
            }
            case PSQL -> {
                // the password through the environment: the command line is logged
                Map<String, String> env = new HashMap<>();
                if (server.password != null) {
                    env.put("PGPASSWORD", server.password);
                }
                o = runner.run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-o", "/dev/null", "-f",
                        d.allSql().toString(), "-h", server.host, "-p", Integer.toString(server.port), "-U",
                        server.user, "-d", db), env, null);
                if (!check(APPLY, id, tool, o, null, 0)) {
                    return false;
                }
                results.add(APPLY, id, tool, "ms", "ms", o.wallMs());
            }
            default -> throw new IllegalArgumentException(tool);
        }
        return true;
    }

    private void noop(String tool, Dataset d, String db) throws IOException {
        String id = d.id();
        ProcessRunner.Outcome o;
        switch (tool) {
            case DM, DM_MEMO_OFF -> {
                o = probe(Probe.DM_MODE + (tool.equals(DM_MEMO_OFF) ? ":memo-off" : ""), db, d.drizzleFolder());
                if (check(NOOP, id, tool, o, "applied_first", 0)) {
                    results.add(NOOP, id, tool, "cold_ms", "ms", o.result().get("first_ms"));
                    results.add(NOOP, id, tool, "warm_ms", "ms", o.result().get("second_ms"));
                    results.add(NOOP, id, tool, "pooled_ms", "ms", o.result().get("pooled_ms"));
                    results.add(NOOP, id, tool, "process_ms", "ms", o.firstDoneMs());
                    results.add(NOOP, id, tool, "heap_peak_mb", "MB", o.result().get("heap_peak_mb"));
                    results.add(NOOP, id, tool, "alloc_mb", "MB", o.result().get("alloc_first_mb"));
                    results.add(NOOP, id, tool, "alloc_warm_mb", "MB", o.result().get("alloc_second_mb"));
                }
            }
            case JDBC -> {
                o = probe("jdbc-noop", db, null);
                if (check(NOOP, id, tool, o, null, 0)) {
                    results.add(NOOP, id, tool, "cold_ms", "ms", o.result().get("first_ms"));
                    results.add(NOOP, id, tool, "warm_ms", "ms", o.result().get("second_ms"));
                    results.add(NOOP, id, tool, "pooled_ms", "ms", o.result().get("pooled_ms"));
                    results.add(NOOP, id, tool, "process_ms", "ms", o.firstDoneMs());
                    results.add(NOOP, id, tool, "heap_peak_mb", "MB", o.result().get("heap_peak_mb"));
                }
            }
            case FLYWAY -> {
                o = probe("flyway", db, d.flywayFolder());
                if (check(NOOP, id, tool, o, "applied_first", 0)) {
                    double load = o.result().get("load_ms");
                    double first = o.result().get("first_ms");
                    results.add(NOOP, id, tool, "load_ms", "ms", load);
                    results.add(NOOP, id, tool, "cold_ms", "ms", first);
                    results.add(NOOP, id, tool, "cold_with_load_ms", "ms", load + first);
                    results.add(NOOP, id, tool, "warm_ms", "ms", o.result().get("second_ms"));
                    results.add(NOOP, id, tool, "process_ms", "ms", o.firstDoneMs());
                    results.add(NOOP, id, tool, "heap_peak_mb", "MB", o.result().get("heap_peak_mb"));
                }
            }
            case DRIZZLE_ORM -> {
                o = node(db, List.of("node", "migrate.mjs", d.drizzleFolder().toString()));
                if (check(NOOP, id, tool, o, null, 0)) {
                    results.add(NOOP, id, tool, "cold_ms", "ms", o.result().get("first_ms"));
                    results.add(NOOP, id, tool, "warm_ms", "ms", o.result().get("second_ms"));
                    results.add(NOOP, id, tool, "process_ms", "ms", o.firstDoneMs());
                }
            }
            case DRIZZLE_KIT -> {
                o = drizzleKit(db, d);
                if (check(NOOP, id, tool, o, null, 0)) {
                    results.add(NOOP, id, tool, "process_ms", "ms", o.wallMs());
                }
            }
            case CLI -> {
                o = cli(db, d);
                if (check(NOOP, id, tool, o, null, 0)) {
                    results.add(NOOP, id, tool, "process_ms", "ms", o.wallMs());
                }
            }
            case JDBC_PROCESS -> {
                o = runner.run(List.of(java, "-cp", JdbcFloorProcess.classpath(),
                        JdbcFloorProcess.class.getName(), server.jdbcUrl(db), server.user), passwordEnv(), null);
                if (check(NOOP, id, tool, o, null, 0)) {
                    results.add(NOOP, id, tool, "process_ms", "ms", o.wallMs());
                }
            }
            default -> throw new IllegalArgumentException(tool);
        }
    }

    /** {@code java -jar drizzle-migrator.jar migrate}: the password comes with DATABASE_URL, as in a container. */
    private ProcessRunner.Outcome cli(String db, Dataset d) throws IOException {
        return runner.run(List.of(java, "-jar", cliJar().toString(), "migrate", "--dir",
                d.drizzleFolder().toString()), Map.of("DATABASE_URL", server.libpqUrl(db)), null);
    }

    /** {@code cli/target/drizzle-migrator.jar}, found from the working directory upwards. */
    static Path cliJar() {
        return findUpwards(Path.of("cli", "target", "drizzle-migrator.jar"), "build it first (benchmarks/run.sh"
                + " does: mvn -pl cli -am package)");
    }

    private Map<String, String> passwordEnv() {
        Map<String, String> env = new HashMap<>();
        if (server.password != null) {
            env.put("BENCH_DB_PASSWORD", server.password);
        }
        return env;
    }

    private ProcessRunner.Outcome probe(String mode, String db, Path folder) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-cp", classpath,
                Probe.class.getName(), mode, server.jdbcUrl(db), server.user));
        if (folder != null) {
            cmd.add(folder.toString());
        }
        return runner.run(cmd, passwordEnv(), null);
    }

    private ProcessRunner.Outcome node(String db, List<String> cmd) throws IOException {
        return runner.run(cmd, Map.of("DATABASE_URL", server.libpqUrl(db)), nodeDir);
    }

    private ProcessRunner.Outcome drizzleKit(String db, Dataset d) throws IOException {
        return runner.run(List.of("node", "node_modules/drizzle-kit/bin.cjs", "migrate", "--config",
                "drizzle.config.js"), Map.of("DATABASE_URL", server.libpqUrl(db), "BENCH_MIGRATIONS_FOLDER",
                d.drizzleFolder().toString()), nodeDir);
    }

    /** Records an error (and returns false) when the process failed or did not do what it should have. */
    private boolean check(String scenario, String dataset, String tool, ProcessRunner.Outcome o, String countKey,
            int expected) {
        String metric = scenario.equals(APPLY) ? "ms" : WHOLE_PROCESS_ONLY.contains(tool) ? "process_ms" : "cold_ms";
        if (!o.ok()) {
            results.error(scenario, dataset, tool, metric, "ms", "exit code " + o.exitCode()
                    + " (see run.log for its output)");
            return false;
        }
        if (!WHOLE_PROCESS_ONLY.contains(tool) && o.firstDoneMs() == null) {
            results.error(scenario, dataset, tool, metric, "ms", "printed no " + ProcessRunner.FIRST_DONE
                    + " line: its whole-process time cannot be told (see run.log)");
            return false;
        }
        if (countKey != null) {
            Double count = o.result().get(countKey);
            if (count == null || count.intValue() != expected) {
                results.error(scenario, dataset, tool, metric, "ms", countKey + " was " + count + ", expected "
                        + expected);
                return false;
            }
        }
        return true;
    }

    private boolean rowsMatch(String scenario, String dataset, String tool, String db, Dataset d) {
        try (Connection c = server.connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from drizzle.__drizzle_migrations")) {
            rs.next();
            long rows = rs.getLong(1);
            if (rows != d.migrations()) {
                results.error(scenario, dataset, tool, "ms", "ms", rows + " bookkeeping rows, expected "
                        + d.migrations());
                return false;
            }
            return true;
        } catch (SQLException e) {
            results.error(scenario, dataset, tool, "ms", "ms", "cannot count bookkeeping rows: " + e.getMessage());
            return false;
        }
    }

    /** Generates an N-migration history with the shared generator. */
    static Dataset generate(int n, Path work, ProcessRunner runner) throws IOException {
        Path dir = work.resolve("n" + n);
        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
            ProcessRunner.Outcome o = runner.run(List.of("python3", SharedFolder.generator().toString(),
                    Integer.toString(n), dir.toString()), Map.of(), null);
            if (!o.ok()) {
                throw new IOException("gen_migrations.py " + n + " failed with exit code " + o.exitCode()
                        + "; its output is in the run log");
            }
        }
        return new Dataset("n" + n, "generated, N=" + n, dir.resolve("drizzle"), dir.resolve("flyway"),
                dir.resolve("all.sql"), n);
    }

    /** A real corpus, with its journal's files concatenated (one newline between) for psql. */
    static Dataset corpus(String name, Path work) throws IOException {
        Path folder = SharedFolder.corpora().resolve(name);
        List<String> texts = BenchmarkAccess.sqlTexts(folder);
        StringBuilder all = new StringBuilder();
        for (String text : texts) {
            all.append(text).append('\n');
        }
        Path allSql = work.resolve("corpus-" + name + ".sql");
        Files.writeString(allSql, all, StandardCharsets.UTF_8);
        return new Dataset(name, name, folder, null, allSql, texts.size());
    }
}
