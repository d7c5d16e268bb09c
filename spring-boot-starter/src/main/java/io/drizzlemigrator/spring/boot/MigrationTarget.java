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
 * {@code drizzle.migrations.url} (one connection per run, opened and closed by the migrator), else the application's
 * DataSource (as {@code drizzle.migrations.user} when that is set). {@link #name()} identifies it in metrics and the
 * endpoint without credentials.
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
     * @param qualified the {@link DrizzleMigrationsDataSource} bean, or null
     * @param application the application's unique (or primary) DataSource, or null
     */
    static MigrationTarget resolve(DrizzleMigrationsProperties properties, DataSource qualified,
            DataSource application, ConfigurableListableBeanFactory beanFactory) {
        boolean hasUrl = StringUtils.hasText(properties.getUrl());
        if (qualified != null) {
            if (hasUrl) {
                throw new ConfigurationException("Both " + DrizzleMigrationsProperties.PREFIX + ".url and a "
                        + "@DrizzleMigrationsDataSource bean (" + beanName(beanFactory, qualified) + ") are set: "
                        + "remove one of them");
            }
            return new MigrationTarget(qualified, null, null, null, beanName(beanFactory, qualified));
        }
        if (hasUrl) {
            // validates the URL now and gives its JDBC form without credentials
            MigratorConfiguration parsed = DrizzleMigrator.configure()
                    .dataSource(properties.getUrl(), properties.getUser(), properties.getPassword()).build();
            return new MigrationTarget(null, properties.getUrl(), properties.getUser(), properties.getPassword(),
                    parsed.url().orElseThrow());
        }
        if (application == null) {
            throw new ConfigurationException("No DataSource to migrate: the application has several DataSource beans"
                    + " and none is @Primary. Mark the one migrations use with @DrizzleMigrationsDataSource, or set "
                    + DrizzleMigrationsProperties.PREFIX + ".url");
        }
        String name = beanName(beanFactory, application);
        if (properties.getUser() != null || properties.getPassword() != null) {
            // a connection per run, as the given role, to the application's database; nothing pooled stays open
            DataSourceBuilder<?> derived = DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class);
            if (properties.getUser() != null) {
                derived.username(properties.getUser());
            }
            if (properties.getPassword() != null) {
                derived.password(properties.getPassword());
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
