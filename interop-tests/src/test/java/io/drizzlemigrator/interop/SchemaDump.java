package io.drizzlemigrator.interop;

import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A database's schema as {@code pg_dump --schema-only --no-owner} writes it, made comparable: without the random
 * restrict/unrestrict lines of pg_dump 15.14+, without {@code --} comments, with runs of blank lines
 * collapsed. Two databases migrated from the same folder give equal dumps; the bookkeeping table is part of it.
 */
final class SchemaDump {

    private static final Pattern BLANK_RUNS = Pattern.compile("\n{3,}");

    private SchemaDump() {
    }

    /** The normalised schema-only dump of {@code db}, from the same server the test uses. */
    static String of(TestDatabase db) {
        List<String> command = Processes.command(pgDump(), "--schema-only", "--no-owner",
                "--host=" + db.server().host(), "--port=" + db.server().port(), "--username=" + db.user(),
                "--dbname=" + db.name());
        Map<String, String> env = new HashMap<>();
        if (db.password() != null) {
            env.put("PGPASSWORD", db.password());
        }
        Processes.Output out = Processes.run(command, Path.of("."), env, Duration.ofMinutes(1));
        if (!out.succeeded()) {
            throw new AssertionError("pg_dump failed for " + db.name() + ":\n" + out.describe());
        }
        return normalise(out.stdout());
    }

    /** Drops restrict keys, comments and repeated blank lines. */
    static String normalise(String dump) {
        StringBuilder kept = new StringBuilder(dump.length());
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("\\restrict ") || line.startsWith("\\unrestrict ") || line.startsWith("--")) {
                continue;
            }
            kept.append(line).append('\n');
        }
        return BLANK_RUNS.matcher(kept.toString()).replaceAll("\n\n").strip() + "\n";
    }

    /** {@code PG_DUMP} if set, else Debian's {@code /usr/bin/pg_dump} (it picks the server's version), else PATH. */
    private static String pgDump() {
        String configured = System.getenv("PG_DUMP");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/pg_dump")) ? "/usr/bin/pg_dump" : "pg_dump";
    }
}
