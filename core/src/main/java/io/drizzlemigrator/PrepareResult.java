package io.drizzlemigrator;

import java.util.List;
import java.util.Objects;

/**
 * What {@link MigrationPreparer} changed, or with {@link MigrationPreparer.Builder#dryRun()} would change.
 *
 * @param tag                 the migration's tag before
 * @param newTag              its tag after the rename
 * @param files               each file written, renamed or created, relative to the folder
 * @param rollbackFile        the rollback file written (relative to the folder), or null when the migration only adds
 * @param allInversesDerived  whether the rollback holds no {@code -- MANUAL:} block
 * @param verificationQueries the queries of the VERIFICATION QUERIES section
 * @param diff                a unified diff of every change
 * @param written             false for a dry run
 */
public record PrepareResult(String tag, String newTag, List<FileChange> files, String rollbackFile,
        boolean allInversesDerived, List<String> verificationQueries, String diff, boolean written) {

    public PrepareResult {
        Objects.requireNonNull(tag, "tag");
        files = List.copyOf(files);
        verificationQueries = List.copyOf(verificationQueries);
    }

    /**
     * One file.
     *
     * @param before its path before (null for a new file)
     * @param after  its path after
     * @param oldText its text before (null for a new file)
     * @param newText its text after
     */
    public record FileChange(String before, String after, String oldText, String newText) {
    }
}
