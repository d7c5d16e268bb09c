package io.drizzlemigrator.internal.source;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A migration folder as read by {@link MigrationFolderReader}: where it is, its layout, its migrations in the order
 * drizzle applies them, and the {@code .sql} files in it that are not migrations (listed only when asked for: a
 * migration run never needs them, the linter does).
 */
public final class LoadedFolder {

    private final String location;
    private final Layout layout;
    private final List<MigrationFile> migrations;
    private Supplier<List<String>> findStrays;
    private List<String> strays;

    /**
     * @param location the location as configured
     * @param layout which drizzle-kit layout the folder has
     * @param migrations the migrations in the order drizzle applies them
     * @param strays the stray {@code .sql} files, see {@link #strays()}
     */
    public LoadedFolder(String location, Layout layout, List<MigrationFile> migrations, List<String> strays) {
        this(location, layout, migrations, () -> strays);
        Objects.requireNonNull(strays, "strays");
    }

    LoadedFolder(String location, Layout layout, List<MigrationFile> migrations, Supplier<List<String>> strays) {
        this.location = Objects.requireNonNull(location, "location");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.migrations = List.copyOf(migrations);
        this.findStrays = Objects.requireNonNull(strays, "strays");
    }

    /** The location as configured. */
    public String location() {
        return location;
    }

    /** Which drizzle-kit layout the folder has. */
    public Layout layout() {
        return layout;
    }

    /** The migrations in the order drizzle applies them. */
    public List<MigrationFile> migrations() {
        return migrations;
    }

    /**
     * {@code .sql} files in the folder that are not migrations (not in the journal, not a {@code *_rollback.sql}
     * companion), relative to the folder, sorted; found on the filesystem only. Listed on the first call.
     */
    public synchronized List<String> strays() {
        if (strays == null) {
            strays = List.copyOf(findStrays.get());
            findStrays = null;
        }
        return strays;
    }
}
