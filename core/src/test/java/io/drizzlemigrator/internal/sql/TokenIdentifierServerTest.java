package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Token#identifier()} names a column as the server stores it: each name is used in a CREATE TABLE and the
 * stored attname compared. Unquoted names are folded in ASCII only (the server keeps {@code Ä}), quoted ones kept.
 */
@ExtendWith(PostgresExtension.class)
class TokenIdentifierServerTest {

    private final TestDatabase db;

    TokenIdentifierServerTest(TestDatabase db) {
        this.db = db;
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "MixedCase", "ÄPfel", "\"ÄPfel\"", "\"Quoted\"\"Quote\"", "\"with space\"",
        "\"lower\"", "snake_CASE_9"})
    void foldsAsTheServerStoresTheName(String name) {
        List<Token> tokens = SqlLexer.split("CREATE TABLE t (" + name + " int)").get(0).significantTokens();
        Token column = tokens.get(4);
        db.execute("DROP TABLE IF EXISTS t", "CREATE TABLE t (" + name + " int)");

        String stored = (String) db.queryValue("select attname::text from pg_attribute"
                + " where attrelid = 't'::regclass and attnum = 1");

        assertThat(column.identifier()).as(column.text()).isEqualTo(stored);
    }
}
