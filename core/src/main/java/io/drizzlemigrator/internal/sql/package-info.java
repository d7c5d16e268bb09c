/**
 * A PostgreSQL-aware SQL lexer: tokens with positions ({@link io.drizzlemigrator.internal.sql.SqlLexer#tokenize}),
 * statement splitting as psql does it ({@link io.drizzlemigrator.internal.sql.SqlLexer#split}) and classification
 * of the statements a migration runner must treat specially
 * ({@link io.drizzlemigrator.internal.sql.StatementClassifier}).
 *
 * <p>The rules follow PostgreSQL's own scanner ({@code src/backend/parser/scan.l}) and psql's statement splitter
 * ({@code src/fe_utils/psqlscan.l}) with {@code standard_conforming_strings} on. Internal: not part of the public
 * API.
 */
package io.drizzlemigrator.internal.sql;
