package io.drizzlemigrator.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.internal.source.Layout;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFinding;
import io.drizzlemigrator.lint.LintReport;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the linter over generated SQL text (in memory: the folder location does not exist). */
class LintPropertiesTest {

    private static final LintConfig STATEMENTS = LintConfig.builder().disable("missing-header")
            .disable("missing-rollback").disable("auto-name").build();

    private static LintReport lint(String sql) {
        MigrationFile m = new MigrationFile("0000_change", 1_732_000_000_000L, "20241119071320_change",
                "0000_change.sql", sql, "0".repeat(64), 0);
        LoadedFolder folder = new LoadedFolder("filesystem:/nonexistent/drizzle-lint-properties", Layout.JOURNAL,
                List.of(m), List.of());
        return FolderLinter.lintMigrations(folder, null, x -> true, STATEMENTS);
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("ALTER", "TABLE", "ADD", "DROP", "COLUMN", "CONSTRAINT", "CREATE", "INDEX", "UNIQUE",
                        "CONCURRENTLY", "IF", "NOT", "EXISTS", "ON", "TYPE", "VALUE", "RENAME", "TO", "SET", "NULL",
                        "DEFAULT", "CHECK", "FOREIGN", "KEY", "REFERENCES", "VALID", "VALIDATE", "DO", "BEGIN", "END",
                        "USING", "DATA", "REINDEX", "PRIMARY", "GENERATED", "AS", "IDENTITY", "random()", "now()"),
                Arbitraries.of("\"users\"", "users", "\"a\"\"b\"", "public.t", "x", "'v'", "'it''s'", "$$", "$t$",
                        "(", ")", ",", ".", ";", "::", "--", "-- drizzle-migrator:ignore drop-column why",
                        "/*", "*/", "\n", "\r\n", " ", "\t", "--> statement-breakpoint", "E'\\''", "1", "[]"),
                Arbitraries.strings().ofMaxLength(6));
        return fragment.list().ofMaxSize(40).map(parts -> String.join(" ", parts));
    }

    @Property(tries = 150)
    void anyTextLintsWithoutThrowingAndEveryFindingPointsIntoTheFile(@ForAll("sqlish") String sql) {
        LintReport report = lint(sql);

        long lines = sql.lines().count() + 1;
        for (LintFinding f : report.findings()) {
            assertThat((long) f.line()).as(f.toString()).isBetween(0L, lines);
            assertThat(f.column()).isNotNegative();
            assertThat(f.message()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String[]> spellings() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        return name.flatMap(n -> Arbitraries.of(0, 1, 2).map(style -> switch (style) {
            case 0 -> new String[] {n, n.toUpperCase(), "\"" + n + "\""};
            case 1 -> new String[] {"\"" + n.toUpperCase() + "\"", "\"" + n.toUpperCase() + "\"", "\"" + n.toUpperCase() + "\""};
            default -> new String[] {"public." + n, "\"public\".\"" + n + "\"", n};
        }));
    }

    @Provide
    Arbitrary<String> gap() {
        return Arbitraries.of(" ", "\n", "  ", "\t", " /* c */ ", " -- c\n", "\r\n ");
    }

    @Property(tries = 100)
    void aDroppedColumnIsFoundAtItsDropKeywordWhateverTheSpellingOfItsTable(@ForAll("spellings") String[] table,
            @ForAll("gap") String gap) {
        String prefix = "ALTER" + gap + "TABLE" + gap + table[0] + gap;
        String sql = prefix + "DROP COLUMN c;";

        List<LintFinding> found = lint(sql).findings("drop-column");

        assertThat(found).hasSize(1);
        String before = sql.substring(0, prefix.length());
        int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
        int lastBreak = Math.max(before.lastIndexOf('\n'), -1);
        assertThat(found.get(0).line()).isEqualTo(line);
        assertThat(found.get(0).column()).isEqualTo(prefix.length() - lastBreak);
    }

    @Property(tries = 100)
    void dropsFromATableCreatedInTheSameMigrationAreFineWhicheverEquivalentSpellingIsUsed(
            @ForAll("spellings") String[] table) {
        String sql = "CREATE TABLE " + table[1] + " (c int, d int);\nALTER TABLE " + table[2] + " DROP COLUMN c;";

        assertThat(lint(sql).findings()).isEmpty();
    }

    @Provide
    Arbitrary<String> reasons() {
        return Combinators.combine(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars(' ', 'a', 'é', '1').ofMaxLength(20)).as((a, b) -> a + b);
    }

    @Property(tries = 100)
    void aSuppressionWithAnyReasonSuppressesAndOneWithoutDoesNot(@ForAll("reasons") String reason) {
        LintReport withReason = lint("-- drizzle-migrator:ignore drop-column " + reason + "\nALTER TABLE t DROP COLUMN c;");
        LintReport without = lint("-- drizzle-migrator:ignore drop-column   \nALTER TABLE t DROP COLUMN c;");

        assertThat(withReason.findings()).isEmpty();
        assertThat(without.findings()).extracting(LintFinding::ruleId)
                .containsExactlyInAnyOrder("drop-column", "invalid-suppression");
    }
}
