package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.source.FolderFiles;
import io.drizzlemigrator.internal.source.Layout;
import io.drizzlemigrator.internal.source.MigrationFile;
import java.util.List;

/** The folder around the migrations being linted: for rollback companions. */
final class FolderContext {

    private final FolderFiles files;
    private final Layout layout;
    private List<String> sqlFiles;

    FolderContext(FolderFiles files, Layout layout) {
        this.files = files;
        this.layout = layout;
    }

    Layout layout() {
        return layout;
    }

    /**
     * Whether the migration has a rollback companion: {@code <tag>_rollback.sql}, for drizzle 1.0 folders also
     * {@code <folder>/rollback.sql}, the file its header names ({@code -- Rollback: See 0006_x_rollback.sql}), or,
     * where the folder can be listed, any {@code <number>_*_rollback.sql} with the migration's number. On the
     * classpath the names are looked up through the class loader.
     */
    boolean hasRollback(MigrationFile m, String headerNamed) {
        if (headerNamed != null && FolderFiles.nameProblem(headerNamed.replace('/', '_')) == null
                && files.has(headerNamed)) {
            return true;
        }
        if (files.has(m.tag() + Conventions.ROLLBACK_SUFFIX)) {
            return true;
        }
        if (layout == Layout.FOLDERS && files.has(m.tag() + "/rollback.sql")) {
            return true;
        }
        if (!files.listable()) {
            return false;
        }
        if (sqlFiles == null) {
            sqlFiles = files.sqlFiles();
        }
        int us = m.tag().indexOf('_');
        String number = us > 0 ? m.tag().substring(0, us + 1) : null;
        for (String f : sqlFiles) {
            if (f.endsWith(Conventions.ROLLBACK_SUFFIX) && number != null && f.startsWith(number)) {
                return true;
            }
        }
        return false;
    }
}
