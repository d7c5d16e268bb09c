package io.drizzlemigrator.spring.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link DrizzleMigrationsInitializer} beans initialize the database, so that beans that depend
 * on database initialization are created after them. Registered in {@code META-INF/spring.factories}.
 */
class DrizzleMigrationsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(DrizzleMigrationsInitializer.class);
    }

    /** After script-based initializers (order 0), like Flyway's and Liquibase's migration initializers. */
    @Override
    public int getOrder() {
        return 1;
    }

    /** For {@link DatabaseInitializerDetector}'s loader. */
    DrizzleMigrationsInitializerDatabaseInitializerDetector() {
    }
}
