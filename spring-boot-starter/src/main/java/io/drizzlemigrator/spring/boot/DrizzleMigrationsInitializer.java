package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;
import java.util.Objects;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Applies the migrations when the application context creates this bean, which Spring Boot's database-initializer
 * detection places before every bean that uses the database (JPA's EntityManagerFactory, JdbcTemplate, JdbcClient,
 * jOOQ, beans marked {@code @DependsOnDatabaseInitialization}). Runs {@link DrizzleMigrator#migrate()}, or the
 * {@link DrizzleMigrationStrategy} when one is given.
 */
public class DrizzleMigrationsInitializer implements InitializingBean, Ordered {

    private final DrizzleMigrator migrator;
    private final DrizzleMigrationStrategy strategy;
    private int order;

    /** Migrates with {@link DrizzleMigrator#migrate()}. */
    public DrizzleMigrationsInitializer(DrizzleMigrator migrator) {
        this(migrator, null);
    }

    /**
     * @param strategy what to do instead of {@link DrizzleMigrator#migrate()}, or null to migrate
     */
    public DrizzleMigrationsInitializer(DrizzleMigrator migrator, DrizzleMigrationStrategy strategy) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        if (strategy != null) {
            strategy.migrate(migrator);
        } else {
            migrator.migrate();
        }
    }

    /** The migrator this initializer runs. */
    public DrizzleMigrator getMigrator() {
        return migrator;
    }

    @Override
    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }
}
