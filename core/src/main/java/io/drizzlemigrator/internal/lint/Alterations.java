package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.lint.LintConfig;
import java.util.HashMap;

/**
 * Whether a migration alters or drops objects it did not create, as the {@code missing-rollback} rule decides it: the
 * author room writes a rollback file exactly when the linter would ask for one.
 */
public final class Alterations {

    private Alterations() {
    }

    /** What the first altering statement does ("drops column user.email"), or null when the migration only adds. */
    public static String of(PreparedMigration prepared) {
        StatementRules rules = new StatementRules("", new Sink(LintConfig.defaults()), new HashMap<>(),
                prepared.transactional());
        for (PreparedMigration.Step step : prepared.statements()) {
            rules.statement(step.statement(), new Draft.Scope(step.line(), step.line(), 0));
        }
        return rules.alteringAt() == null ? null : rules.alteringWhat();
    }
}
