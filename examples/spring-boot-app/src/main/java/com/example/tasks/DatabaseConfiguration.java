package com.example.tasks;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service connects where drizzle-kit does: {@code DATABASE_URL}, with the same default as drizzle.config.ts.
 * Pool settings stay under {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(@Value("${DATABASE_URL:postgresql://localhost:5432/postgres}") String databaseUrl) {
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url.jdbcUrl());
        dataSource.setUsername(url.user());
        dataSource.setPassword(url.password());
        return dataSource;
    }
}
