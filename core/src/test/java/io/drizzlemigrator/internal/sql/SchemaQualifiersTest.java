package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaQualifiersTest {

    @Test
    void mapsQuotedAndUnquotedQualifiersOfStatements() {
        String sql = "ALTER TABLE \"orders\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"user_id\") REFERENCES"
                + " \"public\".\"users\"(\"id\");\nCREATE TYPE public.mood AS ENUM ('a');\nSELECT PUBLIC . t;";

        assertThat(SchemaQualifiers.map(sql, "public", "tenant_1")).isEqualTo("ALTER TABLE \"orders\" ADD CONSTRAINT"
                + " \"fk\" FOREIGN KEY (\"user_id\") REFERENCES \"tenant_1\".\"users\"(\"id\");\nCREATE TYPE"
                + " \"tenant_1\".mood AS ENUM ('a');\nSELECT \"tenant_1\" . t;");
    }

    @Test
    void leavesStringsCommentsBodiesAndNonQualifiersAlone() {
        String sql = "-- public.users in a comment\n/* \"public\".\"x\" */ COMMENT ON TABLE t IS 'public.users';\n"
                + "SET search_path TO public;\nCREATE SCHEMA IF NOT EXISTS \"public\";\nSELECT a.public.b;\n"
                + "DO $$ BEGIN ALTER TABLE x ADD FOREIGN KEY (a) REFERENCES \"public\".\"y\"(id); END $$;\n"
                + "SELECT \"Public\".t, public_x.t;";

        assertThat(SchemaQualifiers.map(sql, "public", "tenant_1")).isSameAs(sql);
    }

    @Test
    void quotesTheTenantSchemaAndKeepsEveryLineWhereItWas() {
        String sql = "CREATE TABLE \"public\".\"a\" (id int);\n--> statement-breakpoint\nCREATE INDEX i ON"
                + " public.a (id);";

        String mapped = SchemaQualifiers.map(sql, "public", "Acme-EU");

        assertThat(mapped).contains("\"Acme-EU\".\"a\"", "ON \"Acme-EU\".a");
        assertThat(mapped.lines().count()).isEqualTo(sql.lines().count());
    }

    @Test
    void findsQualifiersInStatementsAndInsideDollarQuotedBodiesWithTheirLines() {
        String sql = "CREATE TABLE \"public\".\"a\" (id int);\n--> statement-breakpoint\nDO $$ BEGIN\n ALTER TABLE b"
                + " ADD FOREIGN KEY (a) REFERENCES \"public\".\"a\"(id);\nEXCEPTION WHEN duplicate_object THEN null;\n"
                + "END $$;\nSELECT 'public.a';";

        List<SchemaQualifiers.Use> uses = SchemaQualifiers.find(sql, "public");

        assertThat(uses).containsExactly(new SchemaQualifiers.Use(1, false, "\"public\".\"a\""),
                new SchemaQualifiers.Use(4, true, "\"public\".\"a\""));
    }
}
