package io.drizzlemigrator.internal.author;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrationPreparer;
import io.drizzlemigrator.PrepareResult;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.source.MigrationFolderReader;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.lint.LintConfig;
import io.drizzlemigrator.lint.LintFinding;
import io.drizzlemigrator.lint.MigrationLinter;
import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every migration of the seven real folders, treated as freshly generated and prepared in turn: the conventions are
 * lint-clean and no safety finding is new; the prepared folder migrates to the same schema as the original; each
 * migration's verification queries are all true after it and not all true before it; and where every inverse was
 * derived, its rollback run right after it gives back the schema from before it.
 */
class PrepareCorporaTest {

    private static final Set<String> CONVENTIONS = Set.of("missing-header", "missing-rollback", "auto-name");

    static Stream<String> corpora() {
        return Corpora.names().stream();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void preparedCorpusIsLintCleanMigratesAlikeVerifiesAndRollsBack(String corpus, @TempDir Path tmp)
            throws Exception {
        Path folder = copy(Corpora.folder(corpus), tmp.resolve(corpus));
        List<String> tags = new ArrayList<>();
        for (MigrationFile m : MigrationFolderReader.read(folder.toString(), null).migrations()) {
            tags.add(m.tag());
        }
        Map<String, PrepareResult> prepared = new HashMap<>();
        List<String> newTags = new ArrayList<>();
        for (String tag : tags) {
            PrepareResult r = MigrationPreparer.configure().folder(folder).tag(tag).name("schema_change")
                    .author("Corpus test (ci)").source("corpus " + corpus).prepare();
            prepared.put(r.newTag(), r);
            newTags.add(r.newTag());
        }
        List<String> problems = new ArrayList<>();
        lint(corpus, folder, newTags, tags, problems);

        try (TestDatabase db = TestDatabase.create("prep_" + corpus)) {
            SchemaDumps.reset(db); // the same public schema for both dumps (a re-created one has no comment)
            DrizzleMigrator.configure().dataSource(db.dataSource()).location(Corpora.folder(corpus).toString()).load()
                    .migrate();
            String original = SchemaDumps.dump(db);
            SchemaDumps.reset(db);
            DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString()).load().migrate();
            String fromPrepared = SchemaDumps.dump(db);
            if (!fromPrepared.equals(original)) {
                problems.add("pg_dump of the prepared folder differs:\n"
                        + SchemaDumps.difference(original, fromPrepared));
            }

            SchemaDumps.reset(db);
            stepByStep(db, folder, prepared, problems);
        }
        assertThat(problems).as("problems of the prepared %s", corpus).isEmpty();
    }

    private static void lint(String corpus, Path folder, List<String> newTags, List<String> tags,
            List<String> problems) {
        Map<String, List<String>> before = byFile(MigrationLinter.lint(Corpora.folder(corpus).toString(), null,
                LintConfig.defaults()).findings(), tags);
        Map<String, List<String>> after = byFile(MigrationLinter.lint(folder.toString(), null, LintConfig.defaults())
                .findings(), newTags);
        for (Map.Entry<String, List<String>> e : after.entrySet()) {
            List<String> left = new ArrayList<>(before.getOrDefault(e.getKey(), List.of()));
            for (String rule : e.getValue()) {
                if (CONVENTIONS.contains(rule) || !left.remove(rule)) {
                    problems.add("lint: " + e.getKey() + " has " + rule + (CONVENTIONS.contains(rule) ? ""
                            : " (new after prepare)"));
                }
            }
        }
    }

    /** Rule ids per migration, keyed by its position in the journal (tags change). */
    private static Map<String, List<String>> byFile(List<LintFinding> findings, List<String> tags) {
        Map<String, List<String>> out = new TreeMap<>();
        for (LintFinding f : findings) {
            int i = -1;
            for (int k = 0; k < tags.size(); k++) {
                if (f.file().startsWith(tags.get(k) + ".") || f.file().startsWith(tags.get(k) + "/")) {
                    i = k;
                }
            }
            out.computeIfAbsent(i < 0 ? f.file() : String.format("%04d", i), k -> new ArrayList<>()).add(f.ruleId());
        }
        return out;
    }

    private static void stepByStep(TestDatabase db, Path folder, Map<String, PrepareResult> prepared,
            List<String> problems) throws SQLException, IOException {
        try (Connection c = db.connect()) {
            for (MigrationFile m : MigrationFolderReader.read(folder.toString(), null).migrations()) {
                PrepareResult r = prepared.get(m.tag());
                String schemaBefore = SchemaDumps.snapshot(c);
                List<Boolean> before = run(c, r.verificationQueries());
                execute(c, m.prepare());
                boolean changed = !SchemaDumps.snapshot(c).equals(schemaBefore);
                if (changed && !r.verificationQueries().isEmpty() && !before.contains(Boolean.FALSE)
                        && !before.contains(null)) {
                    problems.add(m.tag() + ": every verification query is already true before it: "
                            + r.verificationQueries());
                }
                List<Boolean> after = run(c, r.verificationQueries());
                for (int i = 0; i < after.size(); i++) {
                    if (!Boolean.TRUE.equals(after.get(i))) {
                        problems.add(m.tag() + ": false after the migration: " + r.verificationQueries().get(i));
                    }
                }
                if (r.rollbackFile() != null && r.allInversesDerived()) {
                    execute(c, PreparedMigration.prepare(Files.readString(folder.resolve(r.rollbackFile()))));
                    String schemaRolledBack = SchemaDumps.snapshot(c);
                    if (!schemaRolledBack.equals(schemaBefore)) {
                        problems.add(m.tag() + ": the rollback does not restore the schema:\n"
                                + SchemaDumps.difference(schemaBefore, schemaRolledBack));
                    }
                    execute(c, m.prepare());
                }
            }
        }
    }

    private static void execute(Connection c, PreparedMigration migration) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (PreparedMigration.Step step : migration.statements()) {
                try {
                    s.execute(step.sql());
                } catch (SQLException e) {
                    throw new SQLException("line " + step.line() + ": " + step.excerpt() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Each query's one boolean (null for no row). */
    private static List<Boolean> run(Connection c, List<String> queries) throws SQLException {
        List<Boolean> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery(q)) {
                    out.add(rs.next() ? rs.getBoolean(1) : null);
                }
            }
        }
        return out;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
