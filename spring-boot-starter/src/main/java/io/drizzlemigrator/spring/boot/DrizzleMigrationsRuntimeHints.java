package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.MigratorDefaults;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * For an AOT-processed application (a native image, or the JVM with {@code -Dspring.aot.enabled=true}): the migration
 * folder at the default location ({@code drizzle/migrations/**}: the SQL files, {@code meta/_journal.json},
 * {@code drizzle-lint.json}) is a resource the image keeps. A folder configured elsewhere on the classpath is added
 * by {@link DrizzleMigrationsLocationAotProcessor}. Nothing else of the starter or of core is read reflectively: core
 * streams JSON with jackson-core (no data binding), and the endpoint and health indicator return maps.
 */
class DrizzleMigrationsRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.resources().registerPattern(classpathPattern(MigratorDefaults.LOCATION));
    }

    /**
     * The resource pattern of everything under a {@code classpath:} location ({@code classpath:db/drizzle} gives
     * {@code db/drizzle/**}), or null for a location on the file system.
     */
    static String classpathPattern(String location) {
        if (location == null || !location.startsWith("classpath:")) {
            return null;
        }
        String path = location.substring("classpath:".length());
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "**" : path + "/**";
    }
}
