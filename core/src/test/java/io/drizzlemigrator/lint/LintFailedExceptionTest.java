package io.drizzlemigrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintFailedExceptionTest {

    private static LintFinding error(int line) {
        return new LintFinding("drop-column", Severity.ERROR, "Dropping column t.c breaks things", "do it later",
                "0001_x.sql", line, 1);
    }

    @Test
    void theMessageListsTheErrorsAndHowToResolveThem() {
        LintReport report = new LintReport(List.of(error(3), new LintFinding("auto-name", Severity.INFO, "name",
                "", "0001_x.sql", 0, 0)));

        LintFailedException e = new LintFailedException(report, null);

        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(e.report()).isSameAs(report);
        assertThat(e.getMessage()).startsWith("The migration linter found 1 error in the pending migrations; nothing "
                + "was applied:\n  0001_x.sql:3:1: error [drop-column] Dropping column t.c breaks things\n")
                .doesNotContain("auto-name").contains("drizzle-migrator:ignore <rule-id> <reason>");
    }

    @Test
    void aLongListIsCut() {
        List<LintFinding> findings = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            findings.add(error(i));
        }

        assertThat(new LintFailedException(new LintReport(findings), null).getMessage())
                .contains("0001_x.sql:10:1").doesNotContain("0001_x.sql:11:1").contains("... and 4 more");
    }
}
