package io.drizzlemigrator.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void defaultsToTheLocalServerAsPostgres() {
        DatabaseUrl url = DatabaseUrl.parse(DatabaseUrl.fromEnvironment(Map.of()));
        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost:5432/postgres", "postgres", null));
        assertThat(url.dataSourceProperties("default")).containsOnlyKeys("datasources.default.url",
                "datasources.default.username");
    }

    @Test
    void keepsQueryParametersAndTakesCredentialsOut() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:s%40cret@db.internal:6432/tasks?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/tasks?sslmode=require");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.toString()).doesNotContain("s@cret");
        assertThat(url.dataSourceProperties("default")).containsEntry("datasources.default.password", "s@cret");
    }

    @Test
    void refusesOtherSchemesWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://app:hunter2@db/app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("hunter2");
    }

    @Property(tries = 200)
    void recoversAnyPercentEncodedUserAndPassword(@ForAll("credentials") String user,
            @ForAll("credentials") String password, @ForAll("hosts") String host,
            @ForAll @IntRange(min = 1, max = 65535) int port, @ForAll("databases") String database) {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://" + encode(user) + ":" + encode(password) + "@" + host + ":" + port + "/" + database);

        assertThat(url.user()).isEqualTo(user);
        assertThat(url.password()).isEqualTo(password);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://" + host + ":" + port + "/" + database)
                .doesNotContain(encode(password) + "@");
    }

    @Property(tries = 200)
    void usesPostgresWhenTheUrlNamesNoUser(@ForAll("hosts") String host, @ForAll("databases") String database) {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://" + host + "/" + database);
        assertThat(url.user()).isEqualTo(DatabaseUrl.DEFAULT_USER);
        assertThat(url.password()).isNull();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://" + host + ":5432/" + database);
    }

    @Provide
    Arbitrary<String> credentials() {
        return Arbitraries.strings().all().excludeChars('\u0000').ofMinLength(1).ofMaxLength(30)
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1)
                .ofMaxLength(12).filter(s -> Character.isLetter(s.charAt(0)));
        return label.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
    }

    @Provide
    Arbitrary<String> databases() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_').numeric().ofMinLength(1).ofMaxLength(20);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
