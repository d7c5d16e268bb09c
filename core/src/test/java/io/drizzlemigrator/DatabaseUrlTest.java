package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void theDrizzleConfigDefaultBecomesAJdbcUrlAndAUser() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres@localhost:5432/postgres");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isNull();
    }

    @Test
    void keepsConnectionParametersAndTakesCredentialsOut() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:p%40ss%3Aword@db.internal:6432/tasks?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/tasks?sslmode=require");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss:word");
        assertThat(url).hasToString("DatabaseUrl[jdbc:postgresql://db.internal:6432/tasks?sslmode=require, user=app,"
                + " password=***]");
    }

    @Test
    void takesTheCredentialsOutOfAJdbcUrlToo() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:6543/d?user=app&password=s%26cret&ssl=true");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:6543/d?ssl=true");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s&cret");
    }

    @Test
    void leavesTheUserToTheDriverWhenTheUrlNamesNone() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db.internal/tasks");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal/tasks");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void refusesOtherDatabasesAndEmptyUrlsWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/d"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse(null)).isInstanceOf(ConfigurationException.class);
    }

    @Property(tries = 200)
    void anyPercentEncodedCredentialsSurviveAndNeverReachTheJdbcUrlOrToString(@ForAll("users") String user,
            @ForAll("passwords") String password, @ForAll("hosts") String host,
            @ForAll @IntRange(min = 1, max = 65535) int port, @ForAll("databases") String database) {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://" + encode(user) + ":" + encode(password) + "@" + host + ":" + port + "/" + database);

        assertThat(url.user()).isEqualTo(user);
        assertThat(url.password()).isEqualTo(password);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://" + host + ":" + port + "/" + database);
        assertThat(url.toString()).doesNotContain(password).doesNotContain(encode(password));
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_', '.', '-', '@').ofMinLength(1)
                .ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> passwords() {
        // printable ASCII and some non-ASCII, as people put in passwords; long enough not to occur by chance
        return Arbitraries.strings().withCharRange('!', '~').withChars('é', 'ß', ' ').ofMinLength(8).ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("localhost", "127.0.0.1", "db.internal", "pg-0.pg.svc.cluster.local", "[::1]");
    }

    @Provide
    Arbitrary<String> databases() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(20);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
