package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import java.util.List;
import java.util.Objects;

/**
 * A migration this run applies: the file (tag, name, hash and {@code created_at} for its bookkeeping row) and its
 * statements as they are sent.
 */
public record ToApply(MigrationFile file, PreparedMigration prepared) {

    public ToApply {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(prepared, "prepared");
    }

    public String tag() {
        return file.tag();
    }

    /** The file as the user knows it, relative to the folder. */
    public String fileName() {
        return file.file();
    }

    public boolean transactional() {
        return prepared.transactional();
    }

    public List<PreparedMigration.Step> statements() {
        return prepared.statements();
    }

    public PreparedMigration.Step firstNonTransactional() {
        return prepared.firstNonTransactional();
    }
}
