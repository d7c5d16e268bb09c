package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a drizzle-kit 0.x folder ({@code <tag>.sql} files and {@code meta/_journal.json}) for a test. */
final class MigrationFolder {

    private record Entry(String tag, long when, String sql) {
    }

    private final Path dir;
    private final List<Entry> entries = new ArrayList<>();

    private MigrationFolder(Path dir) {
        this.dir = dir;
    }

    static MigrationFolder at(Path dir) {
        return new MigrationFolder(dir);
    }

    MigrationFolder migration(String tag, long when, String sql) {
        entries.add(new Entry(tag, when, sql));
        return this;
    }

    /** Writes the files and the journal (entries in the order added, as drizzle-kit does); returns the folder. */
    Path write() {
        try {
            Files.createDirectories(dir.resolve("meta"));
            StringWriter journal = new StringWriter();
            try (JsonGenerator json = new JsonFactory().createGenerator(journal)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("version", "7");
                json.writeStringField("dialect", "postgresql");
                json.writeArrayFieldStart("entries");
                for (int i = 0; i < entries.size(); i++) {
                    Entry e = entries.get(i);
                    Files.writeString(dir.resolve(e.tag() + ".sql"), e.sql(), StandardCharsets.UTF_8);
                    json.writeStartObject();
                    json.writeNumberField("idx", i);
                    json.writeStringField("version", "7");
                    json.writeNumberField("when", e.when());
                    json.writeStringField("tag", e.tag());
                    json.writeBooleanField("breakpoints", true);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            Files.writeString(dir.resolve("meta").resolve("_journal.json"), journal.toString(),
                    StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
