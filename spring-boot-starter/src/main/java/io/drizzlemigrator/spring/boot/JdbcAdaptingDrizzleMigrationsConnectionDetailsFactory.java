package io.drizzlemigrator.spring.boot;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Docker Compose support: for each PostgreSQL service it starts, Spring Boot adapts the service's
 * {@link JdbcConnectionDetails} with the factories registered for them, as it does for Flyway, and so supplies the
 * migration connection too. Registered in {@code META-INF/spring.factories}. The one class of the starter that names
 * {@code JdbcConnectionDetails}, whose package differs between Spring Boot lines.
 */
class JdbcAdaptingDrizzleMigrationsConnectionDetailsFactory
        implements ConnectionDetailsFactory<JdbcConnectionDetails, DrizzleMigrationsConnectionDetails> {

    @Override
    public DrizzleMigrationsConnectionDetails getConnectionDetails(JdbcConnectionDetails input) {
        return new Adapted(input);
    }

    /** The JDBC details, read when the migrator is configured. */
    private record Adapted(JdbcConnectionDetails jdbc) implements DrizzleMigrationsConnectionDetails {

        @Override
        public String getUrl() {
            return jdbc.getJdbcUrl();
        }

        @Override
        public String getUsername() {
            return jdbc.getUsername();
        }

        @Override
        public String getPassword() {
            return jdbc.getPassword();
        }

        @Override
        public String toString() {
            return "DrizzleMigrationsConnectionDetails[from " + jdbc.getClass().getSimpleName() + "]";
        }
    }
}
