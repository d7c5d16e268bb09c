package io.drizzlemigrator.examples.micronaut;

import io.micronaut.runtime.Micronaut;

/**
 * The example service. {@code DATABASE_URL} (drizzle-style, default {@value DatabaseUrl#DEFAULT}) becomes the
 * {@code default} Hikari datasource; drizzle-migrator applies {@code classpath:drizzle/migrations} to it before any
 * bean receives it.
 *
 * <pre>{@code
 * DATABASE_URL=postgresql://app:secret@db:5432/app java -jar target/micronaut-app.jar
 * }</pre>
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        DatabaseUrl database = DatabaseUrl.parse(DatabaseUrl.fromEnvironment(System.getenv()));
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(database.dataSourceProperties("default"))
                .start();
    }
}
