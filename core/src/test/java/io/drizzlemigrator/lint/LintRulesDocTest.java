package io.drizzlemigrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/lint-rules.md documents every rule, in the code's order, with the code's default severity. */
class LintRulesDocTest {

    private static String doc() throws IOException {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isRegularFile(d.resolve("docs/lint-rules.md"))) {
            d = d.getParent();
        }
        assertThat(d).as("docs/lint-rules.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return Files.readString(d.resolve("docs/lint-rules.md"));
    }

    @Test
    void everyRuleHasASectionInOrderWithItsDefaultSeverityAndHowToSuppressIt() throws IOException {
        String doc = doc();
        Matcher m = Pattern.compile("(?m)^## ([a-z-]+)\\n\\*\\*(Error|Warning|Info)\\.\\*\\*").matcher(doc);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
            assertThat(m.group(2).toUpperCase()).as(m.group(1))
                    .isEqualTo(LintConfig.defaultSeverity(m.group(1)).name());
            int next = doc.indexOf("\n## ", m.end());
            String section = doc.substring(m.end(), next < 0 ? doc.length() : next);
            assertThat(section).as(m.group(1)).contains("**Why.**").contains("**Suppress.**");
        }

        assertThat(ids).containsExactlyElementsOf(LintConfig.ruleIds());
    }

    @Test
    void theDocSaysRollbackFilesAreNeverExecuted() throws IOException {
        assertThat(doc()).contains("Rollback files are never executed by anything in this project");
    }
}
