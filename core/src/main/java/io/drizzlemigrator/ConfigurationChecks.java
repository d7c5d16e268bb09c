package io.drizzlemigrator;

import io.drizzlemigrator.internal.jdbc.PostgresUrl;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What {@link MigratorConfiguration.Builder#build()} checks and derives from the settings, apart from the settings
 * themselves. Every method reads its arguments and returns new values: the builder is never written to, so it can
 * be changed and built again.
 */
final class ConfigurationChecks {

    /** Where connections come from when a URL was given: a JDBC URL without credentials, and the credentials. */
    record Target(String url, String user, String password) {
    }

    private ConfigurationChecks() {
    }

    /**
     * Exactly one of a DataSource and a URL; a URL (JDBC or drizzle-style) normalised to JDBC with its credentials
     * taken out, the explicit {@code user}/{@code password} winning over the URL's.
     */
    static Target target(DataSource dataSource, String url, String user, String password) {
        if (dataSource == null && (url == null || url.isBlank())) {
            throw new ConfigurationException(
                    "No database: give a DataSource or a URL (for example postgresql://user@host:5432/db)",
                    Setting.URL, null);
        }
        if (dataSource != null && url != null) {
            throw new ConfigurationException("Both a DataSource and a URL were given: choose one", Setting.URL, null);
        }
        if (url == null) {
            return new Target(null, user, password);
        }
        PostgresUrl parsed = PostgresUrl.parse(url);
        return new Target(parsed.jdbcUrl(), user != null ? user : parsed.user(),
                password != null ? password : parsed.password());
    }

    static void requireLocation(String location) {
        if (location == null || location.isBlank()) {
            throw new ConfigurationException("location is empty: set it to the drizzle migrations folder, "
                    + "for example " + MigratorDefaults.LOCATION, Setting.LOCATION, null);
        }
    }

    static void requireNotNegative(Setting setting, Duration value) {
        Objects.requireNonNull(value, setting.builderName());
        if (value.isNegative()) {
            throw new ConfigurationException(setting.builderName() + " must not be negative, was " + value, setting,
                    null);
        }
    }

    static void requirePositive(Setting setting, Duration value) {
        Objects.requireNonNull(value, setting.builderName());
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException(setting.builderName() + " must be positive, was " + value, setting,
                    null);
        }
    }

    /** @param note said after "must not be negative", e.g. what 0 means; empty for nothing */
    static void requireNotNegative(Setting setting, long value, String note) {
        if (value < 0) {
            throw new ConfigurationException(setting.builderName() + " must not be negative" + note + ", was " + value,
                    setting, null);
        }
    }

    /** The class loader given, else the thread's context class loader, else the one that loaded the migrator. */
    static ClassLoader classLoaderOrDefault(ClassLoader given) {
        if (given != null) {
            return given;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MigratorConfiguration.class.getClassLoader();
    }
}
