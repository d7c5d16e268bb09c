package io.drizzlemigrator.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@link javax.sql.DataSource} bean that migrations use instead of the application's, typically one that
 * connects as a role with DDL privileges:
 *
 * <pre>{@code
 * @Bean
 * @DrizzleMigrationsDataSource
 * DataSource migrationDataSource() {
 *     return new SimpleDriverDataSource(new org.postgresql.Driver(), url, "app_owner", password);
 * }
 * }</pre>
 *
 * <p>The bean stays the application's: it is not closed after migrating. Prefer a non-pooling DataSource (or the
 * {@code drizzle.migrations.url} property, which opens one connection for a run and closes it), so that no
 * privileged connection stays open. It cannot be combined with {@code drizzle.migrations.url}.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface DrizzleMigrationsDataSource {
}
