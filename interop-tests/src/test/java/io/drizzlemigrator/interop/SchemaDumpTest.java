package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.TestDatabase;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schema comparison the interop tests rely on: equal when it should be, different when it should be. */
class SchemaDumpTest {

    @RegisterExtension
    final ScratchDatabases databases = new ScratchDatabases();

    @Test
    void twoDatabasesWithTheSameSchemaDumpEquallyAlthoughPgDumpWritesRandomRestrictKeys() {
        TestDatabase a = databases.create("dump_a");
        TestDatabase b = databases.create("dump_b");
        a.execute("create table t (id int primary key, note text)");
        b.execute("create table t (id int primary key, note text)");

        assertThat(SchemaDump.of(a)).isEqualTo(SchemaDump.of(b)).contains("CREATE TABLE public.t (");
    }

    @Test
    void oneDifferentColumnDefaultMakesTheDumpsDiffer() {
        TestDatabase a = databases.create("dump_c");
        TestDatabase b = databases.create("dump_d");
        a.execute("create table t (id int primary key, note text default 'x')");
        b.execute("create table t (id int primary key, note text default 'y')");

        assertThat(SchemaDump.of(a)).isNotEqualTo(SchemaDump.of(b));
    }

    @Property(tries = 300)
    void normalisingLeavesNoCommentsNoRestrictLinesNoBlankRunsAndIsIdempotent(@ForAll("dumpLines") List<String> lines) {
        String normalised = SchemaDump.normalise(String.join("\n", lines));

        assertThat(normalised.split("\n", -1)).noneMatch(l -> l.startsWith("--") || l.startsWith("\\restrict ")
                || l.startsWith("\\unrestrict "));
        assertThat(normalised).doesNotContain("\n\n\n").endsWith("\n");
        assertThat(SchemaDump.normalise(normalised)).isEqualTo(normalised);
    }

    @Property(tries = 300)
    void normalisingKeepsEveryStatementLineInOrder(@ForAll("dumpLines") List<String> lines) {
        List<String> statements = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("--")
                && !l.startsWith("\\restrict ") && !l.startsWith("\\unrestrict ")).toList();

        List<String> kept = List.of(SchemaDump.normalise(String.join("\n", lines)).split("\n")).stream()
                .filter(l -> !l.isBlank()).toList();

        assertThat(kept).containsExactlyElementsOf(statements.isEmpty() ? List.of() : strippedEnds(statements));
    }

    /** The dump as a whole is stripped, so the first line loses its indentation and the last its trailing blanks. */
    private static List<String> strippedEnds(List<String> statements) {
        List<String> copy = new java.util.ArrayList<>(statements);
        copy.set(0, copy.get(0).stripLeading());
        copy.set(copy.size() - 1, copy.get(copy.size() - 1).stripTrailing());
        return copy;
    }

    @Provide
    Arbitrary<List<String>> dumpLines() {
        Arbitrary<String> statement = Arbitraries.of("CREATE TABLE public.t (", "    id integer NOT NULL", ");",
                "SET client_encoding = 'UTF8';", "ALTER TABLE ONLY public.t", "CREATE INDEX i ON public.t (id);",
                "$$ -- not a comment at line start $$;");
        Arbitrary<String> noise = Arbitraries.of("", "", "   ", "--", "-- Name: t; Type: TABLE",
                "-- PostgreSQL database dump", "\\restrict abc123XYZ", "\\unrestrict abc123XYZ");
        return Arbitraries.oneOf(statement, noise).list().ofMaxSize(40);
    }
}
