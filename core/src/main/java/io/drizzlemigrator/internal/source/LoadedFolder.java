package io.drizzlemigrator.internal.source;

import java.util.List;
import java.util.Objects;

/**
 * A migration folder as read by {@link MigrationFolderReader}.
 *
 * @param location the location as configured
 * @param layout which drizzle-kit layout the folder has
 * @param migrations the migrations in the order drizzle applies them
 * @param strays {@code .sql} files in the folder that are not migrations (not in the journal, not a
 *               {@code *_rollback.sql} companion), relative to the folder, sorted; found on the filesystem only
 */
public record LoadedFolder(String location, Layout layout, List<MigrationFile> migrations, List<String> strays) {

    public LoadedFolder {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(layout, "layout");
        migrations = List.copyOf(migrations);
        strays = List.copyOf(strays);
    }
}
