package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrationListener;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.health.MigrationHealthTracker;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ExitCodeExceptionMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Configures a {@link DrizzleMigrator} from {@code drizzle.migrations.*} and applies pending migrations at startup,
 * before anything uses the database. Active when there is a DataSource (or {@code drizzle.migrations.url}, or a
 * {@link DrizzleMigrationsConnectionDetails} bean) and {@code drizzle.migrations.enabled} is not false; backs off when
 * the application defines its own {@link DrizzleMigrator}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(DrizzleMigrator.class)
@Conditional(DrizzleMigrationsAutoConfiguration.MigrationDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = DrizzleMigrationsProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(DrizzleMigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(DrizzleMigrationsRuntimeHints.class)
public final class DrizzleMigrationsAutoConfiguration {

    /** The migrator and its startup run, unless the application defines its own migrator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(DrizzleMigrator.class)
    static class DrizzleMigratorConfiguration {

        @Bean
        @ConditionalOnMissingBean(DrizzleMigrationsConnectionDetails.class)
        PropertiesDrizzleMigrationsConnectionDetails drizzleMigrationsConnectionDetails(
                DrizzleMigrationsProperties properties) {
            return new PropertiesDrizzleMigrationsConnectionDetails(properties);
        }

        @Bean
        @ConditionalOnMissingBean
        MigrationTarget drizzleMigrationsTarget(DrizzleMigrationsConnectionDetails connectionDetails,
                @DrizzleMigrationsDataSource ObjectProvider<DataSource> migrationDataSource,
                ObjectProvider<DataSource> dataSource, ConfigurableListableBeanFactory beanFactory) {
            return MigrationTarget.resolve(connectionDetails, migrationDataSource.getIfAvailable(),
                    dataSource.getIfUnique(), beanFactory);
        }

        @Bean
        DrizzleMigrator drizzleMigrator(DrizzleMigrationsProperties properties, MigrationTarget target,
                ResourceLoader resourceLoader, ObjectProvider<MigrationListener> listeners,
                ObjectProvider<DrizzleConfigurationCustomizer> customizers,
                ObjectProvider<DrizzleMigrationStrategy> strategy) {
            MigratorConfiguration.Builder builder = DrizzleMigrator.configure();
            target.applyTo(builder);
            builder.classLoader(resourceLoader.getClassLoader());
            applyProperties(builder, properties);
            List<MigrationListener> all = listeners.orderedStream().toList();
            if (all.stream().noneMatch(MigrationHealthTracker.class::isInstance)) {
                // the endpoint shows what this process applied even when the health indicator (and its bean) is off
                builder.listener(new MigrationHealthTracker(strategy.getIfAvailable() == null));
            }
            all.forEach(builder::listener);
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            try {
                return builder.load();
            } catch (ConfigurationException e) {
                throw new ConfigurationException("Invalid drizzle-migrator configuration (" + DrizzleMigrationsProperties
                        .PREFIX + ".* properties and DrizzleConfigurationCustomizer beans): " + e.getMessage(), e);
            }
        }

        @Bean
        @ConditionalOnMissingBean
        DrizzleMigrationsInitializer drizzleMigrationsInitializer(DrizzleMigrator drizzleMigrator,
                ObjectProvider<DrizzleMigrationStrategy> strategy, DrizzleMigrationsProperties properties) {
            // a migrate-only start exists to migrate: a strategy (validate only, skip) is for the service's own starts
            return new DrizzleMigrationsInitializer(drizzleMigrator,
                    properties.isExitAfterMigrate() ? null : strategy.getIfAvailable());
        }

        private static void applyProperties(MigratorConfiguration.Builder builder, DrizzleMigrationsProperties p) {
            builder.location(location(p.getLocation()));
            builder.schema(p.getSchema());
            builder.table(p.getTable());
            if (p.getLockTimeout() != null) {
                builder.lockTimeout(p.getLockTimeout());
            }
            if (p.getLockKey() != null) {
                builder.lockKey(p.getLockKey());
            }
            if (p.getOutOfOrder() != null) {
                builder.outOfOrder(p.getOutOfOrder());
            }
            if (p.getEditedMigrations() != null) {
                builder.editedMigrations(p.getEditedMigrations());
            }
            if (p.getTransactionMode() != null) {
                builder.transactionMode(p.getTransactionMode());
            }
            if (p.getDdlLockTimeout() != null) {
                builder.ddlLockTimeout(p.getDdlLockTimeout());
            }
            builder.ddlLockRetries(p.getDdlLockRetries());
            builder.repairInvalidIndexes(p.isRepairInvalidIndexes());
            builder.verifyAfterMigrate(p.isVerifyAfterMigrate());
            builder.largeTableRows(p.getLargeTableRows());
            builder.lintMode(p.getLintMode());
            builder.terminateBlockers(p.isTerminateBlockers());
            if (p.getProgressInterval() != null) {
                builder.progressInterval(p.getProgressInterval());
            }
            if (StringUtils.hasText(p.getSearchPath())) {
                builder.searchPath(p.getSearchPath());
            }
            if (StringUtils.hasText(p.getInitSql())) {
                builder.initSql(p.getInitSql());
            }
            if (StringUtils.hasText(p.getTenantSchemaFrom())) {
                builder.tenantSchemaFrom(p.getTenantSchemaFrom());
            }
        }

        /** Spring's {@code file:} prefix means what the migrator calls {@code filesystem:}. */
        private static String location(String location) {
            if (location != null && location.startsWith("file:")) {
                return "filesystem:" + location.substring("file:".length());
            }
            return location;
        }
    }

    /** Migrate-only mode: once started (and so migrated), the application exits with drizzle-migrator's codes. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = MigrateOnly.PROPERTY)
    static class MigrateOnlyConfiguration {

        @Bean
        MigrateOnly drizzleMigrateOnly() {
            return new MigrateOnly(System::exit);
        }

        @Bean
        @ConditionalOnMissingBean
        ExitCodeExceptionMapper drizzleExitCodeExceptionMapper() {
            return MigrateOnly.exceptionMapper();
        }
    }

    /** A DataSource bean, a dedicated migration URL, or connection details that may hold one. */
    static final class MigrationDataSourceCondition extends AnyNestedCondition {

        MigrationDataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBeanCondition {
        }

        @ConditionalOnProperty(prefix = DrizzleMigrationsProperties.PREFIX, name = "url")
        private static final class MigrationUrlCondition {
        }

        @ConditionalOnBean(DrizzleMigrationsConnectionDetails.class)
        private static final class ConnectionDetailsCondition {
        }
    }
}
