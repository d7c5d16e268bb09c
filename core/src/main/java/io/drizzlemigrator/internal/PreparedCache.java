package io.drizzlemigrator.internal;

import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The migrations a run has split into statements, by tag: the report, the lint and the executor share them, so each
 * file is lexed at most once per run. Not thread-safe (one run, one thread).
 */
final class PreparedCache implements Function<MigrationFile, PreparedMigration> {

    private final Map<String, PreparedMigration> byTag = new HashMap<>();
    /** The schema qualifier mapped to {@link #toSchema} (a tenant's), or null to map nothing. */
    private final String fromSchema;
    private final String toSchema;

    PreparedCache() {
        this(null, null);
    }

    PreparedCache(String fromSchema, String toSchema) {
        this.fromSchema = fromSchema;
        this.toSchema = toSchema;
    }

    /**
     * The migration's statements, lexed on first use.
     *
     * @throws io.drizzlemigrator.MigrationSourceException the file cannot be delimited, naming file and line
     */
    @Override
    public PreparedMigration apply(MigrationFile m) {
        PreparedMigration p = byTag.get(m.tag());
        if (p == null) {
            p = m.prepare(fromSchema, toSchema);
            byTag.put(m.tag(), p);
        }
        return p;
    }
}
