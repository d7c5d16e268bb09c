package io.drizzlemigrator.internal;

import io.drizzlemigrator.internal.source.BenchmarkSwitches;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.source.MigrationFolderReader;
import io.drizzlemigrator.internal.sql.SqlLexer;
import java.nio.file.Path;
import java.util.List;

/**
 * Not API: the one entry of the benchmarks module into core's internals, for the pieces of a start it times on their
 * own (reading a folder, splitting SQL) and the folder's texts its floors send without the migrator. It takes and
 * returns JDK types only, so that the benchmarks depend on no internal class but this one. For the benchmarks module
 * only; it may change or go away without notice.
 */
public final class BenchmarkAccess {

    private BenchmarkAccess() {
    }

    /**
     * Reads a migration folder as a run does before it connects: the journal (or drizzle-kit 1.0's folders) parsed,
     * every migration file read and hashed; the texts are decoded later, by the run that applies them, and so not
     * here either.
     *
     * @param location as {@code MigratorConfiguration.Builder#location} takes it
     * @param classLoader the class loader for {@code classpath:} locations (null: the thread's context class loader)
     * @return how many migrations the folder holds
     */
    public static int readFolder(String location, ClassLoader classLoader) {
        return MigrationFolderReader.read(location, classLoader).migrations().size();
    }

    /** Every migration's SQL text, in the order drizzle applies them. */
    public static List<String> sqlTexts(Path folder) {
        return MigrationFolderReader.read("filesystem:" + folder, null).migrations().stream().map(MigrationFile::sql)
                .toList();
    }

    /** Splits {@code sql} into statements as a run does; returns how many there are. */
    public static int statementCount(String sql) {
        return SqlLexer.split(sql).size();
    }

    /**
     * Switches the in-JVM hash memo on or off: off, a second read of a folder in the same JVM reads and hashes every
     * file again, the work drizzle-orm's second call does.
     */
    public static void hashMemo(boolean on) {
        BenchmarkSwitches.hashMemo(on);
    }
}
