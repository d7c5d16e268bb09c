package io.drizzlemigrator.spring.boot.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.spring.boot.DrizzleMigrationsAutoConfiguration;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration runs before anything uses the database: each user bean below reads the table the first migration
 * creates while the context starts, and is registered before the auto-configuration, so only the database-initializer
 * ordering makes it see the table.
 */
@ExtendWith(PostgresExtension.class)
class MigrationOrderingTests {

    private final TestDatabase db;
    private final ApplicationContextRunner runner;

    MigrationOrderingTests(TestDatabase db) {
        this.db = db;
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, DrizzleMigrationsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                        "spring.datasource.hikari.maximum-pool-size=2", "spring.jpa.hibernate.ddl-auto=validate",
                        "spring.jpa.open-in-view=false");
    }

    @BeforeEach
    void emptyDatabase() {
        db.execute("DROP TABLE IF EXISTS notes", "DROP SCHEMA IF EXISTS drizzle CASCADE");
    }

    @Test
    void aJpaEntityOverAMigratedTableWorksAtStartup() {
        runner.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class))
                .withUserConfiguration(JpaApplication.class).run(context -> {
            assertThat(context).hasNotFailed();
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            var em = emf.createEntityManager();
            em.getTransaction().begin();
            em.persist(new Note("persisted through JPA"));
            em.getTransaction().commit();
            List<String> bodies = em.createQuery("select n.body from Note n", String.class).getResultList();
            em.close();
            assertThat(bodies).containsExactly("persisted through JPA");
        });
    }

    @Test
    void aBeanUsingJdbcTemplateAtStartupSeesTheMigratedSchema() {
        runner.withUserConfiguration(JdbcTemplateUser.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("notesAtStartup")).isEqualTo(List.of(0));
        });
    }

    @Test
    void aBeanMarkedDependsOnDatabaseInitializationSeesTheMigratedSchema() {
        runner.withUserConfiguration(DataSourceUser.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DataSourceUser.class).notesAtStartup).containsExactly(0);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage
    static class JpaApplication {
    }

    @Configuration(proxyBeanMethods = false)
    static class JdbcTemplateUser {

        @Bean
        List<Integer> notesAtStartup(JdbcTemplate jdbc) {
            return List.of(jdbc.queryForObject("select count(*) from notes", Integer.class));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DataSourceUser {

        final List<Integer> notesAtStartup = new ArrayList<>();

        @Bean
        @DependsOnDatabaseInitialization
        Object notesReader(DataSource dataSource) throws Exception {
            try (var c = dataSource.getConnection(); var s = c.createStatement();
                    var rs = s.executeQuery("select count(*) from notes")) {
                rs.next();
                notesAtStartup.add(rs.getInt(1));
            }
            return new Object();
        }
    }
}
