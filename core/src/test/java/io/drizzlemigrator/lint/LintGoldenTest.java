package io.drizzlemigrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every finding of the linter, with its rule, place, severity, message and alternative, over every folder of
 * {@code shared/corpora} and the test folders of {@code src/test/resources}, equals a committed expectation: a change
 * to the rules' code that is meant to keep their behaviour (a refactoring) is proven to keep it.
 *
 * <p>After a change that is meant to alter findings, rewrite the expectation and review its diff:
 * {@code mvn -o -B -q -pl core test -Dtest=LintGoldenTest -Dlint.golden=write}.
 */
class LintGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/lint-findings.txt");

    /** The folders linted, by the name they carry in the expectation. */
    private static Map<String, Path> folders() {
        Map<String, Path> folders = new LinkedHashMap<>();
        for (String corpus : Corpora.names()) {
            folders.put("corpora/" + corpus, Corpora.folder(corpus));
        }
        folders.put("resources/golden/statements", Path.of("src/test/resources/golden/statements"));
        folders.put("resources/source/journal", Path.of("src/test/resources/source/journal"));
        return folders;
    }

    private static List<String> findings() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Path> folder : folders().entrySet()) {
            LintReport report = MigrationLinter.lint(folder.getValue().toString(), null, LintConfig.defaults(),
                    LintFixture.CLOCK);
            lines.add("## " + folder.getKey() + " (" + report.findings().size() + " findings)");
            for (LintFinding f : report.findings()) {
                lines.add(f.file() + ":" + f.line() + ":" + f.column() + " " + f.severity() + " " + f.ruleId() + " | "
                        + oneLine(f.message()) + " | " + oneLine(f.safeAlternative()));
            }
        }
        return lines;
    }

    private static String oneLine(String s) {
        return s == null ? "-" : s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    @Test
    void everyFindingOverTheCorporaAndTheTestFoldersIsTheCommittedOne() throws IOException {
        List<String> actual = findings();
        if ("write".equals(System.getProperty("lint.golden"))) {
            Files.createDirectories(GOLDEN.getParent());
            Files.write(GOLDEN, actual, StandardCharsets.UTF_8);
        }

        assertThat(GOLDEN).as("the expectation; write it with -Dlint.golden=write").isRegularFile();
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(GOLDEN, StandardCharsets.UTF_8));
    }
}
