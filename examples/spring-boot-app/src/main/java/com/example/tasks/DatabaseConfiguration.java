package com.example.tasks;

import com.zaxxer.hikari.HikariDataSource;
import io.drizzlemigrator.DatabaseUrl;
import io.drizzlemigrator.examples.demo.DemoDatabase;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service connects where drizzle-kit does: {@code DATABASE_URL} (see {@link DemoDatabase} for when it is not
 * set). Pool settings stay under {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /**
     * Closed after the pool: an embedded server outlives the connections to it. A migrate-only start
     * ({@code drizzle.migrations.exit-after-migrate=true}, an init container or a Job) needs {@code DATABASE_URL} and
     * exits with 2 without it.
     */
    @Bean
    DemoDatabase demoDatabase(@Value("${DATABASE_URL:}") String databaseUrl,
            @Value("${drizzle.migrations.exit-after-migrate:false}") boolean migrateOnly) {
        return DemoDatabase.connect(databaseUrl, migrateOnly);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DemoDatabase database) {
        DatabaseUrl url = database.url();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url.jdbcUrl());
        // as in the official postgres image: postgres when the URL names no user
        dataSource.setUsername(Objects.requireNonNullElse(url.user(), "postgres"));
        dataSource.setPassword(url.password());
        return dataSource;
    }
}
