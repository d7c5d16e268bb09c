package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.MigratorDefaults;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * At build time ({@code process-aot}), keeps the migration folder that {@code drizzle.migrations.location} names on the
 * classpath as a resource of the AOT-processed application, when the starter is active. The default location is
 * covered by {@link DrizzleMigrationsRuntimeHints}. Registered in {@code META-INF/spring/aot.factories}.
 */
class DrizzleMigrationsLocationAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory.getBeanNamesForType(DrizzleMigrationsProperties.class, false, false).length == 0
                || beanFactory.getBeanNamesForType(Environment.class, false, false).length == 0) {
            return null;
        }
        String location = Binder.get(beanFactory.getBean(Environment.class))
                .bind(DrizzleMigrationsProperties.PREFIX + ".location", String.class).orElse(MigratorDefaults.LOCATION);
        String pattern = DrizzleMigrationsRuntimeHints.classpathPattern(location);
        if (pattern == null) {
            return null;
        }
        return (context, code) -> context.getRuntimeHints().resources().registerPattern(pattern);
    }
}
