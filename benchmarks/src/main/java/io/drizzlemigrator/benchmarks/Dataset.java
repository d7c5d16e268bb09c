package io.drizzlemigrator.benchmarks;

import java.nio.file.Path;

/**
 * A migration history measured: a generated one ({@code n100}, {@code n1000}: drizzle folder, the same SQL as a
 * Flyway folder and as one file) or a real corpus (drizzle folder and one file; Flyway does not read it).
 */
record Dataset(String id, String label, Path drizzleFolder, Path flywayFolder, Path allSql, int migrations) {

    boolean generated() {
        return flywayFolder != null;
    }
}
