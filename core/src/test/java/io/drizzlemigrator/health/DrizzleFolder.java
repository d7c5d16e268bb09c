package io.drizzlemigrator.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a drizzle-kit 0.x folder ({@code <tag>.sql} files and {@code meta/_journal.json}) for a test. */
public final class DrizzleFolder {

    private static final long BASE_WHEN = 1732000000000L;

    private final Path dir;
    private final List<String[]> entries = new ArrayList<>();

    private DrizzleFolder(Path dir) {
        this.dir = dir;
    }

    public static DrizzleFolder in(Path dir) {
        return new DrizzleFolder(dir);
    }

    /** Adds a migration whose {@code when} is a base plus its position in seconds. */
    public DrizzleFolder migration(String tag, String sql) {
        return migration(tag, BASE_WHEN + entries.size() * 1000L, sql);
    }

    public DrizzleFolder migration(String tag, long when, String sql) {
        entries.add(new String[] {tag, Long.toString(when), sql});
        return this;
    }

    /** Writes the files (again, when called after more migrations were added) and returns the folder as a location. */
    public String write() {
        try {
            Files.createDirectories(dir.resolve("meta"));
            StringBuilder journal = new StringBuilder("{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[");
            for (int i = 0; i < entries.size(); i++) {
                String[] e = entries.get(i);
                Files.writeString(dir.resolve(e[0] + ".sql"), e[2], StandardCharsets.UTF_8);
                journal.append(i == 0 ? "" : ",").append("{\"idx\":").append(i).append(",\"version\":\"7\",\"when\":")
                        .append(e[1]).append(",\"tag\":\"").append(e[0]).append("\",\"breakpoints\":true}");
            }
            Files.writeString(dir.resolve("meta/_journal.json"), journal.append("]}"), StandardCharsets.UTF_8);
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes a migration's SQL (as a developer editing an applied file would); {@link #write()} writes it. */
    public DrizzleFolder edit(String tag, String sql) {
        for (String[] e : entries) {
            if (e[0].equals(tag)) {
                e[2] = sql;
                return this;
            }
        }
        throw new IllegalArgumentException("no migration " + tag);
    }
}
