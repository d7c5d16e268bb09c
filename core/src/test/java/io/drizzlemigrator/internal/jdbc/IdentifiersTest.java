package io.drizzlemigrator.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"drizzle", "__drizzle_migrations", "Ops", "a$1", "_", "Acme-EU", "1abc", "société"})
    void acceptsNamesThatAreSafeToQuote(String name) {
        assertThat(Identifiers.requireValid("table", name)).isEqualTo(name);
        assertThat(Identifiers.quote(name)).isEqualTo('"' + name + '"');
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "x; drop table y", "a\"b", "a.b", "tab\tle",
            "a_very_long_name_that_goes_on_and_on_and_on_beyond_sixty_three_bytes_x"})
    void refusesAnythingThatCouldInjectSql(String name) {
        assertThatThrownBy(() -> Identifiers.requireValid("schema", name))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("schema");
    }
}
