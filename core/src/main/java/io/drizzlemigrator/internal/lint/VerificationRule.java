package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import io.drizzlemigrator.internal.sql.VerificationSection;
import java.util.List;
import java.util.Set;

/**
 * {@code verification-side-effect}: drizzle's migrator runs the VERIFICATION QUERIES section as part of the file, and
 * {@code verify} runs it again, so each statement there must only read: a {@code SELECT}, {@code VALUES},
 * {@code TABLE} or {@code SHOW} that writes nothing, locks nothing and calls no sequence function.
 */
final class VerificationRule {

    private static final Set<String> READING = Set.of("select", "values", "table", "show", "with");
    /** Words that make a reading statement write, lock or advance something. */
    private static final Set<String> WRITING = Set.of("insert", "update", "delete", "merge", "into", "nextval",
            "setval", "pg_advisory_lock", "pg_advisory_xact_lock", "pg_terminate_backend", "pg_cancel_backend",
            "set_config", "lo_unlink", "pg_notify", "for");

    private VerificationRule() {
    }

    static void check(String file, PreparedMigration prepared, String sql, Sink sink) {
        if (!sink.wants(Rule.VERIFICATION_SIDE_EFFECT)) {
            return;
        }
        for (PreparedMigration.Step step : VerificationSection.statements(prepared, sql)) {
            List<Token> t = step.statement().significantTokens();
            String first = Words.lower(t.get(0).text());
            Token writing = READING.contains(first) ? writingWord(t) : t.get(0);
            if (writing != null) {
                sink.add(new Draft(Rule.VERIFICATION_SIDE_EFFECT, file, writing.line(), writing.column(),
                        "'" + step.excerpt() + "' in the VERIFICATION QUERIES section "
                                + (writing == t.get(0) ? "is not a query" : "has a side effect ("
                                        + writing.text() + ")")
                                + ": drizzle's migrator runs the section with the migration, and verify runs it "
                                + "again",
                        "Keep only read-only queries that return one boolean there, e.g. SELECT to_regclass('"
                                + "\"public\".\"users\"') IS NOT NULL; and move the statement above the section.",
                        new Draft.Scope(step.line(), step.line(), 0)));
            }
        }
    }

    private static Token writingWord(List<Token> t) {
        for (Token token : t) {
            if (token.type() == TokenType.WORD && WRITING.contains(Words.lower(token.text()))) {
                return token;
            }
        }
        return null;
    }
}
