package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class RedactorTest {

    @Property(tries = 300)
    void aPasswordGivenWithTheOptionIsMaskedWherePrinted(
            @ForAll @StringLength(min = 3, max = 40) String password, @ForAll String before, @ForAll String after) {
        Redactor redactor = Redactor.of(new String[] {"migrate", "--password", password}, Map.of());

        assertThat(redactor.redact(before + password + after)).doesNotContain(password);
    }

    @Property(tries = 300)
    void aPasswordOfAUrlIsMaskedInThatUrlAndElsewhere(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 3, max = 30) String password,
            @ForAll("schemes") String scheme) {
        String url = scheme + "://app:" + password + "@db.internal:5432/app";
        Redactor redactor = Redactor.of(new String[] {"status", "--url", url}, Map.of());

        String message = "Cannot connect to " + url + " (password " + password + ")";

        assertThat(redactor.redact(message)).doesNotContain(password)
                .contains(scheme + "://app:" + Redactor.MASK + "@db.internal:5432/app");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> schemes() {
        return net.jqwik.api.Arbitraries.of("postgresql", "postgres", "mysql", "jdbc:postgresql", "redis");
    }

    @Property(tries = 300)
    void passwordsFromTheEnvironmentAreMaskedInTheirEncodedAndDecodedForms(
            @ForAll @StringLength(min = 3, max = 30) String password) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
        Redactor redactor = Redactor.of(new String[] {"migrate"}, Map.of("PGPASSWORD", password,
                "DATABASE_URL", "postgresql://u:" + encoded + "@h/db"));

        assertThat(redactor.redact("a " + password + " b " + encoded + " c")).doesNotContain(password)
                .doesNotContain(encoded);
    }

    @Example
    void textWithoutSecretsIsUnchanged() {
        Redactor redactor = Redactor.of(new String[] {"status", "--url", "jdbc:postgresql://h:5432/db"}, Map.of());
        String message = "0001_add.sql:3: ERROR: relation \"users\" does not exist (jdbc:postgresql://h:5432/db)";

        assertThat(redactor.redact(message)).isEqualTo(message);
    }

    @Example
    void jdbcPasswordParametersAreMasked() {
        Redactor redactor = Redactor.of(new String[0], Map.of());

        assertThat(redactor.redact("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    }
}
