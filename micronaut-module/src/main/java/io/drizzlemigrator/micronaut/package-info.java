/**
 * Micronaut 4 integration of drizzle-migrator: each datasource configured under
 * {@code drizzle.migrations.datasources.<name>} is migrated when its {@code DataSource} bean is created, before any
 * other bean receives it. {@link io.drizzlemigrator.micronaut.DrizzleMigrations} runs or inspects migrations on
 * demand; a health indicator, the {@code drizzle} management endpoint and meters appear when micronaut-management and
 * micronaut-micrometer are on the classpath. {@code drizzle.migrations.enabled=false} turns everything off.
 */
@Configuration
@Requires(property = DrizzleMigrationsConfiguration.ENABLED_PROPERTY, notEquals = StringUtils.FALSE)
package io.drizzlemigrator.micronaut;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
