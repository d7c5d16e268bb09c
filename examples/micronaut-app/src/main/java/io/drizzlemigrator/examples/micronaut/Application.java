package io.drizzlemigrator.examples.micronaut;

import io.drizzlemigrator.DatabaseUrl;
import io.drizzlemigrator.examples.demo.DemoDatabase;
import io.drizzlemigrator.micronaut.MigrateOnly;
import io.micronaut.runtime.Micronaut;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The example service. {@code DATABASE_URL} (drizzle-style; see {@link DemoDatabase} for when it is not set)
 * becomes the {@code default} Hikari datasource; drizzle-migrator applies {@code classpath:drizzle/migrations} to it
 * before any bean receives it.
 *
 * <pre>{@code
 * DATABASE_URL=postgresql://app:secret@db:5432/app java -jar target/micronaut-app.jar
 * }</pre>
 *
 * With {@code --drizzle.migrations.exit-after-migrate=true} (or {@code DRIZZLE_MIGRATIONS_EXIT_AFTER_MIGRATE=true}) it
 * only migrates and exits, without starting its HTTP server: an init container or a Job. That mode needs
 * {@code DATABASE_URL}.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // an init container or a Job: migrate without starting the HTTP server, exit with drizzle-migrator's code
        if (MigrateOnly.requested(args)) {
            System.exit(MigrateOnly.run(() -> application(args, DemoDatabase.connect(System.getenv("DATABASE_URL"),
                    true))));
        }
        // an embedded demo server is stopped by its own shutdown hook
        application(args, DemoDatabase.connect(System.getenv("DATABASE_URL"))).start();
    }

    private static Micronaut application(String[] args, DemoDatabase database) {
        return Micronaut.build(args)
                .mainClass(Application.class)
                .properties(dataSourceProperties("default", database.url()));
    }

    /** {@code datasources.<name>.url}, {@code .username} and (if any) {@code .password}. */
    static Map<String, Object> dataSourceProperties(String name, DatabaseUrl url) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("datasources." + name + ".url", url.jdbcUrl());
        // as in the official postgres image: postgres when the URL names no user
        p.put("datasources." + name + ".username", Objects.requireNonNullElse(url.user(), "postgres"));
        if (url.password() != null) {
            p.put("datasources." + name + ".password", url.password());
        }
        return p;
    }
}
