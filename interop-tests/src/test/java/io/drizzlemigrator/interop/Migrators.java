package io.drizzlemigrator.interop;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;

/** drizzle-migrator pointed at a test database and a folder on disk, with its defaults otherwise. */
final class Migrators {

    private Migrators() {
    }

    static MigratorConfiguration.Builder configure(TestDatabase db, Path folder) {
        return DrizzleMigrator.configure()
                .dataSource(db.dataSource())
                .location("filesystem:" + folder.toAbsolutePath());
    }

    /** Migrates {@code db} with {@code folder} and the default settings. */
    static MigrateResult migrate(TestDatabase db, Path folder) {
        return configure(db, folder).load().migrate();
    }
}
