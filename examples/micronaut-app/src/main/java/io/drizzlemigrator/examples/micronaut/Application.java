package io.drizzlemigrator.examples.micronaut;

import io.drizzlemigrator.DatabaseUrl;
import io.drizzlemigrator.examples.demo.DemoDatabase;
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
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // an embedded demo server is stopped by its own shutdown hook
        DemoDatabase database = DemoDatabase.connect(System.getenv("DATABASE_URL"));
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(dataSourceProperties("default", database.url()))
                .start();
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
