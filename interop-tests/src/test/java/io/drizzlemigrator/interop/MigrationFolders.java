package io.drizzlemigrator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Working copies of migration folders: cut at an entry, converted to drizzle-kit 1.0's layout, or with one file
 * edited. Copies live under {@code target/interop-work} (kept for inspection after a failure; {@code mvn clean}
 * removes them); the originals are never changed.
 */
final class MigrationFolders {

    /** A journal entry: the file's tag and the {@code when} drizzle stores as {@code created_at}. */
    record Entry(String tag, long when) {

        String file() {
            return tag + ".sql";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, Path> V1_LAYOUTS = new ConcurrentHashMap<>();

    private MigrationFolders() {
    }

    /** The entries of {@code folder}'s {@code meta/_journal.json}, in journal order. */
    static List<Entry> entries(Path folder) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : readJournal(folder).get("entries")) {
            entries.add(new Entry(e.get("tag").asText(), e.get("when").asLong()));
        }
        return entries;
    }

    /**
     * "The folder cut at entry k": a copy of {@code folder} (every file, strays included) whose journal holds only
     * its first {@code k} entries, everything else in the journal unchanged.
     */
    static Path cutAt(Path folder, int k) {
        ObjectNode journal = readJournal(folder);
        ArrayNode entries = (ArrayNode) journal.get("entries");
        if (k < 0 || k > entries.size()) {
            throw new IllegalArgumentException("Cannot cut " + folder + " at " + k + ": it has " + entries.size()
                    + " entries");
        }
        Path copy = copy(folder, folder.getFileName() + "-cut" + k);
        while (entries.size() > k) {
            entries.remove(entries.size() - 1);
        }
        write(copy.resolve("meta/_journal.json"), journal);
        return copy;
    }

    /**
     * A new 0.x folder with these entries (journal version 7, breakpoints on), each file holding {@code sql} of its
     * entry.
     */
    static Path journalFolder(String hint, List<Entry> entries, java.util.function.Function<Entry, String> sql) {
        try {
            Path root = Path.of("target", "interop-work").toAbsolutePath();
            Files.createDirectories(root);
            Path folder = Files.createTempDirectory(root, hint + "-");
            Files.createDirectories(folder.resolve("meta"));
            ObjectNode journal = JSON.createObjectNode().put("version", "7").put("dialect", "postgresql");
            ArrayNode array = journal.putArray("entries");
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                array.addObject().put("idx", i).put("version", "7").put("when", e.when()).put("tag", e.tag())
                        .put("breakpoints", true);
                Files.writeString(folder.resolve(e.file()), sql.apply(e), StandardCharsets.UTF_8);
            }
            write(folder.resolve("meta/_journal.json"), journal);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new folder in drizzle-kit 1.0's layout: one {@code <name>/migration.sql} per entry. */
    static Path v1Folder(String hint, Map<String, String> sqlByFolderName) {
        try {
            Path root = Path.of("target", "interop-work").toAbsolutePath();
            Files.createDirectories(root);
            Path folder = Files.createTempDirectory(root, hint + "-");
            for (Map.Entry<String, String> e : sqlByFolderName.entrySet()) {
                Files.createDirectories(folder.resolve(e.getKey()));
                Files.writeString(folder.resolve(e.getKey()).resolve("migration.sql"), e.getValue(),
                        StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code folder} in which {@code file} was rewritten by {@code edit}. */
    static Path withFileEdited(Path folder, String file, UnaryOperator<String> edit) {
        Path copy = copy(folder, folder.getFileName() + "-edited");
        Path target = copy.resolve(file);
        try {
            String before = Files.readString(target, StandardCharsets.UTF_8);
            String after = edit.apply(before);
            if (after.equals(before)) {
                throw new IllegalArgumentException("The edit changed nothing in " + target);
            }
            Files.writeString(target, after, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /**
     * {@code folder} in drizzle-kit 1.0's layout, converted by {@code drizzle-kit up} itself (once per folder per
     * build; treat the result as read-only).
     */
    static Path v1Layout(Path folder) {
        return V1_LAYOUTS.computeIfAbsent(folder.toAbsolutePath().normalize(), f -> {
            Path copy = copy(f, f.getFileName() + "-v1");
            DrizzleOrm.V1.up(copy);
            return copy;
        });
    }

    /** The migration folders of a 1.0-layout folder, in the order drizzle 1.0 applies them. */
    static List<String> v1Migrations(Path v1Folder) {
        try (Stream<Path> s = Files.list(v1Folder)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("migration.sql")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a 1.0-layout folder holding only its first {@code k} migration folders. */
    static Path v1CutAt(Path v1Folder, int k) {
        List<String> migrations = v1Migrations(v1Folder);
        if (k < 0 || k > migrations.size()) {
            throw new IllegalArgumentException("Cannot cut " + v1Folder + " at " + k + ": it has "
                    + migrations.size() + " migrations");
        }
        Path copy = copy(v1Folder, v1Folder.getFileName() + "-cut" + k);
        for (String dropped : migrations.subList(k, migrations.size())) {
            deleteRecursively(copy.resolve(dropped));
        }
        return copy;
    }

    /** A fresh copy of {@code folder} under {@code target/interop-work}. */
    static Path copy(Path folder, String hint) {
        try {
            Path root = Path.of("target", "interop-work").toAbsolutePath();
            Files.createDirectories(root);
            Path copy = Files.createTempDirectory(root, hint.replaceAll("[^A-Za-z0-9_.-]", "_") + "-");
            try (Stream<Path> s = Files.walk(folder)) {
                for (Path source : (Iterable<Path>) s::iterator) {
                    Path target = copy.resolve(folder.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode readJournal(Path folder) {
        Path journal = folder.resolve("meta/_journal.json");
        try {
            return (ObjectNode) JSON.readTree(journal.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + journal, e);
        }
    }

    private static void write(Path file, JsonNode json) {
        try {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
