package io.drizzlemigrator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a drizzle-kit 0.x folder (SQL files and meta/_journal.json) for a test. */
public final class TestFolder {

    /** A realistic base for {@code when} values: 2024-11-19. */
    public static final long BASE_WHEN = 1732000000000L;

    private final Path dir;
    private final List<String[]> entries = new ArrayList<>();

    private TestFolder(Path dir) {
        this.dir = dir;
    }

    public static TestFolder in(Path dir) {
        return new TestFolder(dir);
    }

    /** Adds a migration whose {@code when} is BASE_WHEN + index * 1000. */
    public TestFolder migration(String tag, String sql) {
        return migration(tag, BASE_WHEN + entries.size() * 1000L, sql);
    }

    public TestFolder migration(String tag, long when, String sql) {
        entries.add(new String[] {tag, Long.toString(when), sql});
        return this;
    }

    /** Changes a migration's SQL (as a developer editing an applied file would); {@link #write()} writes it. */
    public TestFolder edit(String tag, String sql) {
        for (String[] e : entries) {
            if (e[0].equals(tag)) {
                e[2] = sql;
                return this;
            }
        }
        throw new IllegalArgumentException("no migration " + tag);
    }

    /** Joins statements as drizzle-kit does with breakpoints on. */
    public static String statements(String... sql) {
        return String.join("\n--> statement-breakpoint\n", sql);
    }

    public Path write() {
        try {
            Files.createDirectories(dir.resolve("meta"));
            StringBuilder journal = new StringBuilder("{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n"
                    + "  \"entries\": [");
            for (int i = 0; i < entries.size(); i++) {
                String[] e = entries.get(i);
                Files.writeString(dir.resolve(e[0] + ".sql"), e[2], StandardCharsets.UTF_8);
                journal.append(i == 0 ? "\n" : ",\n").append("    {\n      \"idx\": ").append(i)
                        .append(",\n      \"version\": \"7\",\n      \"when\": ").append(e[1])
                        .append(",\n      \"tag\": \"").append(e[0]).append("\",\n      \"breakpoints\": true\n    }");
            }
            journal.append("\n  ]\n}");
            Files.writeString(dir.resolve("meta").resolve("_journal.json"), journal, StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a 0.x folder into {@code target} with its journal cut to the first {@code k} entries (all SQL files are
     * copied, so the later ones become strays).
     */
    public static Path cut(Path source, int k, Path target) {
        TestFolder folder = new TestFolder(target);
        List<Journal.Entry> entries = Journal.read(source);
        try {
            for (Journal.Entry e : entries.subList(0, k)) {
                folder.migration(e.tag(), e.when(),
                        new String(Files.readAllBytes(source.resolve(e.tag() + ".sql")), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.write();
    }

    public Path dir() {
        return dir;
    }
}
