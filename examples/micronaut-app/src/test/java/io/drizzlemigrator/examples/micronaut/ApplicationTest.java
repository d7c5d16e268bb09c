package io.drizzlemigrator.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DatabaseUrl;
import io.drizzlemigrator.examples.demo.DemoDatabase;
import org.junit.jupiter.api.Test;

class ApplicationTest {

    @Test
    void theDrizzleConfigDefaultConnectsAsPostgresWithoutAPassword() {
        assertThat(Application.dataSourceProperties("default", DatabaseUrl.parse(DemoDatabase.LOCAL_URL)))
                .containsOnlyKeys("datasources.default.url", "datasources.default.username")
                .containsEntry("datasources.default.url", "jdbc:postgresql://localhost:5432/postgres")
                .containsEntry("datasources.default.username", "postgres");
    }

    @Test
    void givesTheDataSourceTheUrlsCredentialsApart() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:s%40cret@db.internal:6432/tasks?sslmode=require");
        assertThat(Application.dataSourceProperties("default", url))
                .containsEntry("datasources.default.url", "jdbc:postgresql://db.internal:6432/tasks?sslmode=require")
                .containsEntry("datasources.default.username", "app")
                .containsEntry("datasources.default.password", "s@cret");
    }
}
