package io.drizzlemigrator.spring.boot;

/**
 * The default {@link DrizzleMigrationsConnectionDetails}: {@code drizzle.migrations.url}, {@code user} and
 * {@code password}.
 */
final class PropertiesDrizzleMigrationsConnectionDetails implements DrizzleMigrationsConnectionDetails {

    private final DrizzleMigrationsProperties properties;

    PropertiesDrizzleMigrationsConnectionDetails(DrizzleMigrationsProperties properties) {
        this.properties = properties;
    }

    @Override
    public String getUrl() {
        return properties.getUrl();
    }

    @Override
    public String getUsername() {
        return properties.getUser();
    }

    @Override
    public String getPassword() {
        return properties.getPassword();
    }
}
