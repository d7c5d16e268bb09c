package io.drizzlemigrator.micronaut;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.naming.NameResolver;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Migrates a configured datasource when its {@code DataSource} bean is created, so that nothing (Micronaut Data,
 * JPA, repositories, health checks) receives it before its schema is current; then, at startup, migrates the
 * configurations no DataSource creation covered (a dedicated URL).
 */
@Internal
@Singleton
final class DataSourceMigrationRunner implements BeanCreatedEventListener<DataSource>,
        ApplicationEventListener<StartupEvent> {

    private final DrizzleMigrations migrations;

    DataSourceMigrationRunner(DrizzleMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        name(event).ifPresent(name -> migrations.dataSourceCreated(name, dataSource));
        return dataSource;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        migrations.applicationStarted();
    }

    private static Optional<String> name(BeanCreatedEvent<DataSource> event) {
        if (event.getBeanDefinition() instanceof NameResolver resolver) {
            Optional<String> name = resolver.resolveName();
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.ofNullable(event.getBeanIdentifier()).map(Object::toString);
    }
}
