package io.drizzlemigrator.lint;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the linter found, in folder order: findings about the folder itself ({@code meta/_journal.json}, stray files)
 * first, then each migration's findings in journal order, by line and column.
 *
 * @param findings every finding; suppressed and disabled ones are not in it
 */
public record LintReport(List<LintFinding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    /** Whether a rule of severity {@link Severity#ERROR} fired: the CLI exits with 5, the startup check fails. */
    public boolean hasErrors() {
        for (LintFinding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }

    /** How many findings have this severity. */
    public int count(Severity severity) {
        int n = 0;
        for (LintFinding f : findings) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /** How many findings each rule produced, by rule id (sorted); rules that did not fire are absent. */
    public Map<String, Integer> countsByRule() {
        Map<String, Integer> counts = new TreeMap<>();
        for (LintFinding f : findings) {
            counts.merge(f.ruleId(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** The findings of one rule. */
    public List<LintFinding> findings(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** "2 errors, 1 warning, 0 infos". */
    public String summary() {
        return plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + ", "
                + plural(count(Severity.INFO), "info");
    }

    /**
     * Every finding on its line ({@link LintFinding#toString()}), its safe alternative indented below it, then the
     * {@link #summary()}.
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        for (LintFinding f : findings) {
            out.append(f).append('\n');
            if (!f.safeAlternative().isEmpty()) {
                for (String line : f.safeAlternative().split("\n", -1)) {
                    out.append("    ").append(line).append('\n');
                }
            }
        }
        return out.append(summary()).append('\n').toString();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
