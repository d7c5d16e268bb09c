package io.drizzlemigrator.interop;

import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The rows of {@code drizzle.__drizzle_migrations}, and the rows a folder should produce, computed here from the
 * files themselves (SHA-256 of the bytes, the journal's {@code when}) and never by the code under test.
 */
final class Bookkeeping {

    static final String TABLE = "drizzle.__drizzle_migrations";

    /** One row; {@code name} is null when the table has no {@code name} column (drizzle 0.x's table) or it is NULL. */
    record Row(String hash, long createdAt, String name) {

        /** The row without its name, to compare with a 0.x table. */
        Row withoutName() {
            return new Row(hash, createdAt, null);
        }

        @Override
        public String toString() {
            return (name != null ? name : "<no name>") + " " + hash.substring(0, 12) + "… @" + createdAt;
        }
    }

    private static final DateTimeFormatter V1_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Bookkeeping() {
    }

    /** Every row in {@code id} order (the order they were written); empty when the table does not exist. */
    static List<Row> rows(TestDatabase db) {
        if (!db.relationExists(TABLE)) {
            return List.of();
        }
        String name = hasNameColumn(db) ? "name" : "null::text";
        List<Row> rows = new ArrayList<>();
        for (List<Object> r : db.query("select hash, created_at, " + name + " from " + TABLE + " order by id")) {
            rows.add(new Row((String) r.get(0), ((Number) r.get(1)).longValue(), (String) r.get(2)));
        }
        return rows;
    }

    /** Whether the table has drizzle 1.0's {@code name} column. */
    static boolean hasNameColumn(TestDatabase db) {
        return db.queryLong("select count(*) from information_schema.columns where table_schema = 'drizzle' "
                + "and table_name = '__drizzle_migrations' and column_name = 'name'") == 1;
    }

    /** The table's columns, in order. */
    static List<String> columns(TestDatabase db) {
        return db.query("select column_name from information_schema.columns where table_schema = 'drizzle' "
                + "and table_name = '__drizzle_migrations' order by ordinal_position").stream()
                .map(r -> (String) r.get(0)).toList();
    }

    /** The rows drizzle 0.x writes for the first {@code k} entries of a journal folder, in journal order. */
    static List<Row> expectedV0(Path folder, int k) {
        List<Row> rows = new ArrayList<>();
        for (MigrationFolders.Entry e : MigrationFolders.entries(folder).subList(0, k)) {
            rows.add(new Row(sha256(folder.resolve(e.file())), e.when(), null));
        }
        return rows;
    }

    /**
     * The rows drizzle 1.0 writes for the first {@code k} migrations of a 1.0-layout folder: the folder name, and as
     * {@code created_at} the UTC time of its 14-digit prefix.
     */
    static List<Row> expectedV1(Path v1Folder, int k) {
        List<Row> rows = new ArrayList<>();
        for (String name : MigrationFolders.v1Migrations(v1Folder).subList(0, k)) {
            long millis = LocalDateTime.parse(name.substring(0, 14), V1_STAMP).toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
            rows.add(new Row(sha256(v1Folder.resolve(name).resolve("migration.sql")), millis, name));
        }
        return rows;
    }

    /** Lowercase hex SHA-256 of a file's bytes. */
    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Row> withoutNames(List<Row> rows) {
        return rows.stream().map(Row::withoutName).toList();
    }

    static List<String> hashes(List<Row> rows) {
        return rows.stream().map(Row::hash).toList();
    }
}
