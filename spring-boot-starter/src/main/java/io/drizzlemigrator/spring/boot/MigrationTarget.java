package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigratorConfiguration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Where migrations connect, chosen as Spring Boot chooses Flyway's: a {@link DrizzleMigrationsDataSource} bean, else
 * the URL of the {@link DrizzleMigrationsConnectionDetails} ({@code drizzle.migrations.url} unless a bean supplies
 * them; one connection per run, opened and closed by the migrator), else the application's DataSource (as their user
 * when they name one). {@link #name()} identifies it in metrics and the endpoint without credentials.
 */
final class MigrationTarget {

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final String name;

    private MigrationTarget(DataSource dataSource, String url, String user, String password, String name) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /**
     * @param details the dedicated connection ({@link PropertiesDrizzleMigrationsConnectionDetails} by default)
     * @param qualified the {@link DrizzleMigrationsDataSource} bean, or null
     * @param application the application's unique (or primary) DataSource, or null
     */
    static MigrationTarget resolve(DrizzleMigrationsConnectionDetails details, DataSource qualified,
            DataSource application, ConfigurableListableBeanFactory beanFactory) {
        String url = details.getUrl();
        boolean hasUrl = StringUtils.hasText(url);
        if (qualified != null) {
            // a URL the user typed conflicts; one that Docker Compose derived from a service gives way, as for Flyway
            if (hasUrl && details instanceof PropertiesDrizzleMigrationsConnectionDetails) {
                throw new ConfigurationException("Both " + DrizzleMigrationsProperties.PREFIX + ".url and a "
                        + "@DrizzleMigrationsDataSource bean (" + beanName(beanFactory, qualified) + ") are set: "
                        + "remove one of them");
            }
            return new MigrationTarget(qualified, null, null, null, beanName(beanFactory, qualified));
        }
        String user = details.getUsername();
        String password = details.getPassword();
        if (hasUrl) {
            // validates the URL now and gives its JDBC form without credentials
            MigratorConfiguration parsed = DrizzleMigrator.configure().dataSource(url, user, password).build();
            return new MigrationTarget(null, url, user, password, parsed.url().orElseThrow());
        }
        if (application == null) {
            throw new ConfigurationException("No DataSource to migrate: the application has several DataSource beans"
                    + " and none is @Primary. Mark the one migrations use with @DrizzleMigrationsDataSource, or set "
                    + DrizzleMigrationsProperties.PREFIX + ".url");
        }
        String name = beanName(beanFactory, application);
        if (user != null || password != null) {
            // a connection per run, as the given role, to the application's database; nothing pooled stays open
            DataSourceBuilder<?> derived = DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class);
            if (user != null) {
                derived.username(user);
            }
            if (password != null) {
                derived.password(password);
            }
            return new MigrationTarget(derived.build(), null, null, null, name);
        }
        return new MigrationTarget(application, null, null, null, name);
    }

    /** Sets the connection on the builder. */
    void applyTo(MigratorConfiguration.Builder builder) {
        if (dataSource != null) {
            builder.dataSource(dataSource);
        } else {
            builder.dataSource(url, user, password);
        }
    }

    /** The DataSource bean's name, or the JDBC URL without credentials. */
    String name() {
        return name;
    }

    /** Whether migrations connect through {@code drizzle.migrations.url} rather than a DataSource. */
    boolean isDedicatedUrl() {
        return dataSource == null;
    }

    /** The name of the singleton bean that is {@code dataSource}, else {@code "dataSource"}. */
    static String beanName(ConfigurableListableBeanFactory beanFactory, DataSource dataSource) {
        for (String name : beanFactory.getBeanNamesForType(DataSource.class, false, false)) {
            if (beanFactory.containsSingleton(name) && beanFactory.getSingleton(name) == dataSource) {
                return name;
            }
        }
        return "dataSource";
    }

    @Override
    public String toString() {
        return "MigrationTarget[" + name + "]";
    }
}
