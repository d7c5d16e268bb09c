/**
 * The migration linter: {@link io.drizzlemigrator.lint.MigrationLinter} lints a drizzle-kit folder into a
 * {@link io.drizzlemigrator.lint.LintReport} of {@link io.drizzlemigrator.lint.LintFinding}s, configured by a
 * {@link io.drizzlemigrator.lint.LintConfig} (or the folder's {@code drizzle-lint.json}). The rules are described in
 * {@code docs/lint-rules.md}.
 */
package io.drizzlemigrator.lint;
