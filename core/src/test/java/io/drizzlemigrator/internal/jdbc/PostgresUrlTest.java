package io.drizzlemigrator.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.ConfigurationException;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void convertsDrizzleStyleUrlAndTakesCredentialsOut() {
        PostgresUrl url = PostgresUrl.parse("postgresql://app:s%40cret@db.internal:6543/orders?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/orders?sslmode=require");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.toString()).doesNotContain("s@cret");
    }

    @Test
    void acceptsPostgresSchemeWithoutPortOrCredentials() {
        PostgresUrl url = PostgresUrl.parse("postgres://localhost/postgres");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/postgres");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void takesUserAndPasswordOutOfJdbcUrlParameters() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://h:5432/db?user=u&password=p%26w&ssl=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?ssl=true");
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.password()).isEqualTo("p&w");
    }

    @Test
    void redactsPasswordsInBothForms() {
        assertThat(PostgresUrl.redact("postgresql://u:hunter2@h/db")).isEqualTo("postgresql://u:***@h/db")
                .doesNotContain("hunter2");
        assertThat(PostgresUrl.redact("jdbc:postgresql://h/db?user=u&password=hunter2&x=1"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&x=1");
    }

    @Test
    void redactsInEveryCaseAndLeavesAUrlWithoutCredentialsAsItIs() {
        // a URL with neither '@' nor "password=" is returned without running the patterns: the cases at the edge
        assertThat(PostgresUrl.redact("jdbc:postgresql://h/db?PassWord=hunter2")).isEqualTo(
                "jdbc:postgresql://h/db?PassWord=***");
        assertThat(PostgresUrl.redact("jdbc:postgresql://h/db;PASSWORD=hunter2")).isEqualTo(
                "jdbc:postgresql://h/db;PASSWORD=***");
        assertThat(PostgresUrl.redact("POSTGRES://u:hunter2@h/db")).isEqualTo("POSTGRES://u:***@h/db");
        assertThat(PostgresUrl.redact("jdbc:postgresql://h:5432/db?sslmode=require&passwordless=1")).isEqualTo(
                "jdbc:postgresql://h:5432/db?sslmode=require&passwordless=1");
        String plain = "jdbc:postgresql://h:5432/db?sslmode=require";
        assertThat(PostgresUrl.redact(plain)).isSameAs(plain);
    }

    @Test
    void refusesOtherSchemesWithoutEchoingThePassword() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://u:hunter2@h/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("hunter2");
    }
}
