package io.drizzlemigrator.internal.source;

import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.SchemaQualifiers;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import java.util.Objects;

/**
 * One migration of the folder, read and hashed. The text is decoded, and drizzle 1.0's name derived, when first
 * asked for: a start with nothing to apply needs neither for the applied history, only the hashes.
 */
public final class MigrationFile {

    private final String tag;
    private final long folderMillis;
    private String name;
    private final String file;
    private final String hash;
    private final int journalIdx;
    private String sql;
    /** The file's bytes until {@link #sql()} decodes them; {@code where} names the folder in a decoding error. */
    private byte[] bytes;
    private final String where;
    /** Where to read the bytes when {@link #sql()} needs them, for a file whose hash was remembered, not read. */
    private FolderAccess source;

    /**
     * @param tag the journal tag (0.x) or the folder name (1.0), e.g. {@code 0001_add_users} /
     *            {@code 20261125165841_add_users}
     * @param folderMillis the journal's {@code when} (0.x) or the folder name's UTC timestamp as epoch millis (1.0):
     *                     what drizzle stores in {@code created_at}
     * @param name the value drizzle 1.0 stores in the {@code name} column for this migration: the folder name (1.0),
     *             or {@link DrizzleNames#v1Name(String, long)} of tag and {@code when} (0.x)
     * @param file the file as the user knows it, relative to the folder: {@code 0001_add_users.sql} or
     *             {@code 20261125165841_add_users/migration.sql}
     * @param sql the file's text decoded strictly as UTF-8; a BOM and CRLF line ends are kept
     * @param hash lowercase hex SHA-256 of the file's bytes (drizzle's hash)
     * @param journalIdx the journal's {@code idx} (0.x; the array position when absent) or the position (1.0)
     */
    public MigrationFile(String tag, long folderMillis, String name, String file, String sql, String hash,
            int journalIdx) {
        this(tag, folderMillis, Objects.requireNonNull(name, "name"), file, Objects.requireNonNull(sql, "sql"), null,
                null, null, hash, journalIdx);
    }

    private MigrationFile(String tag, long folderMillis, String name, String file, String sql, byte[] bytes,
            FolderAccess source, String where, String hash, int journalIdx) {
        this.tag = Objects.requireNonNull(tag, "tag");
        this.folderMillis = folderMillis;
        this.name = name;
        this.file = Objects.requireNonNull(file, "file");
        this.sql = sql;
        this.bytes = bytes;
        this.source = source;
        this.where = where;
        this.hash = Objects.requireNonNull(hash, "hash");
        this.journalIdx = journalIdx;
    }

    /**
     * A migration as read from {@code where}: {@code bytes} are decoded on the first {@link #sql()}, and a null
     * {@code name} is derived from tag and {@code folderMillis} as {@code drizzle-kit up} derives it.
     */
    static MigrationFile read(String tag, long folderMillis, String name, String file, byte[] bytes, String hash,
            int journalIdx, String where) {
        return new MigrationFile(tag, folderMillis, name, file, null, Objects.requireNonNull(bytes, "bytes"), null,
                where, hash, journalIdx);
    }

    /**
     * A migration whose hash this JVM {@linkplain HashMemo remembered} for an unchanged file: its bytes are read from
     * {@code source} on the first {@link #sql()}, and must still have that hash.
     */
    static MigrationFile remembered(String tag, long folderMillis, String name, String file, String hash,
            int journalIdx, String where, FolderAccess source) {
        return new MigrationFile(tag, folderMillis, name, file, null, null, Objects.requireNonNull(source, "source"),
                where, hash, journalIdx);
    }

    /** The journal tag (0.x) or the folder name (1.0). */
    public String tag() {
        return tag;
    }

    /** What drizzle stores in {@code created_at}: the journal's {@code when}, or the 1.0 folder's timestamp. */
    public long folderMillis() {
        return folderMillis;
    }

    /** The value drizzle 1.0 stores in the {@code name} column for this migration; never null. */
    public synchronized String name() {
        if (name == null) {
            name = DrizzleNames.v1Name(tag, folderMillis);
        }
        return name;
    }

    /** The file, relative to the folder. */
    public String file() {
        return file;
    }

    /**
     * The file's text decoded strictly as UTF-8; a BOM and CRLF line ends are kept.
     *
     * @throws io.drizzlemigrator.MigrationSourceException the file is not valid UTF-8, naming the file, the line and
     *         the offset of the first bad byte
     */
    public synchronized String sql() {
        if (sql == null) {
            sql = FileContents.text(bytes != null ? bytes : readAgain(), file, where);
            bytes = null;
            source = null;
        }
        return sql;
    }

    /** The bytes of a remembered file, which must still be those that were hashed. */
    private byte[] readAgain() {
        byte[] read = source.read(file);
        if (read == null) {
            throw new MigrationSourceException(file, 0, file + " in " + where + " was removed while the migrator was"
                    + " running: restore it and start again");
        }
        if (!new FileContents().hash(read).equals(hash)) {
            throw new MigrationSourceException(file, 0, file + " in " + where + " changed while the migrator was"
                    + " running (it no longer hashes to " + hash + "): start again once the folder is complete");
        }
        return read;
    }

    /**
     * The text split into statements, as the executor runs them (lexed anew on each call: callers that need it twice
     * keep it).
     *
     * @throws MigrationSourceException the text is not UTF-8, or has an unterminated quote or comment, naming the
     *         file and the line
     */
    public PreparedMigration prepare() {
        return prepare(null, null);
    }

    /**
     * Like {@link #prepare()}, with every schema qualifier naming {@code fromSchema} in the statements (never in
     * strings, comments or dollar-quoted bodies) mapped to {@code toSchema}: one folder generated against
     * {@code public} applied to a tenant's schema. The hash stays the file's. A null {@code fromSchema} maps nothing.
     */
    public PreparedMigration prepare(String fromSchema, String toSchema) {
        try {
            String text = sql();
            return PreparedMigration.prepare(fromSchema == null ? text
                    : SchemaQualifiers.map(text, fromSchema, toSchema));
        } catch (SqlSyntaxException e) {
            throw new MigrationSourceException(file, e.line(), e.getMessage() + ". drizzle-migrator will not apply a"
                    + " file whose statements it cannot delimit; fix the quote or comment (nothing was applied).", e);
        }
    }

    /** Lowercase hex SHA-256 of the file's bytes (drizzle's hash). */
    public String hash() {
        return hash;
    }

    /** The journal's {@code idx} (0.x; the array position when absent) or the position (1.0). */
    public int journalIdx() {
        return journalIdx;
    }

    @Override
    public String toString() {
        return "MigrationFile[" + file + ", created_at " + folderMillis + ", hash " + hash + "]";
    }
}
