package io.drizzlemigrator.spring.boot;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the dedicated migration connection goes, as Spring Boot's {@code FlywayConnectionDetails} says it for Flyway.
 * By default the {@code drizzle.migrations.url}, {@code user} and {@code password} properties; a bean of this type
 * replaces them, so that Docker Compose support (which adapts the {@code JdbcConnectionDetails} of a PostgreSQL
 * service), {@code @ServiceConnection} or the application itself can supply the connection:
 *
 * <pre>{@code
 * @Bean
 * DrizzleMigrationsConnectionDetails migrationConnection(Vault vault) {
 *     return new DrizzleMigrationsConnectionDetails() {
 *         public String getUrl() { return "jdbc:postgresql://db:5432/tasks"; }
 *         public String getUsername() { return "app_owner"; }
 *         public String getPassword() { return vault.read("app_owner"); }
 *     };
 * }
 * }</pre>
 *
 * <p>Every method may return null: with neither URL nor user, migrations use the application's DataSource; with a
 * user and no URL, they connect to the application's database as that user. A {@link DrizzleMigrationsDataSource}
 * bean still wins over details that do not come from the properties.
 */
public interface DrizzleMigrationsConnectionDetails extends ConnectionDetails {

    /**
     * The JDBC URL ({@code jdbc:postgresql://host:5432/db}) or drizzle-style URL
     * ({@code postgresql://user:password@host:5432/db}) of the dedicated connection, or null to connect through the
     * application's DataSource.
     */
    String getUrl();

    /** The user of the dedicated connection (with no URL: of a connection to the application's database), or null. */
    String getUsername();

    /** The password of the dedicated connection, or null. */
    String getPassword();
}
