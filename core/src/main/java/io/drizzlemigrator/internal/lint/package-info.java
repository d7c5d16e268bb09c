/**
 * The lint rules and the runner behind {@link io.drizzlemigrator.lint.MigrationLinter}; the engine's startup check
 * calls {@link io.drizzlemigrator.internal.lint.FolderLinter#lintMigrations} with the pending migrations. Internal:
 * not part of the public API.
 */
package io.drizzlemigrator.internal.lint;
