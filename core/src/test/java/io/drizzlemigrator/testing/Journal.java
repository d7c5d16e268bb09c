package io.drizzlemigrator.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An independent reading of a journal for assertions: what drizzle's formula gives for each entry (its file's
 * SHA-256 and its {@code when}). Deliberately not the production reader.
 */
public final class Journal {

    public record Entry(String tag, long when, String hash) {
    }

    private Journal() {
    }

    public static List<Entry> read(Path folder) {
        List<Entry> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(folder.resolve("meta/_journal.json").toFile())) {
            String tag = null;
            long when = 0;
            int depth = 0;
            boolean inEntries = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && depth == 1 && p.currentName().equals("entries")) {
                    inEntries = true;
                } else if (t == JsonToken.START_OBJECT) {
                    depth++;
                    tag = null;
                } else if (t == JsonToken.END_OBJECT) {
                    if (inEntries && depth == 2 && tag != null) {
                        byte[] bytes = Files.readAllBytes(folder.resolve(tag + ".sql"));
                        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                        out.add(new Entry(tag, when, hash));
                    }
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth == 2 && inEntries) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("tag")) {
                        tag = p.getText();
                    } else if (name.equals("when")) {
                        when = p.getLongValue();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
