package io.drizzlemigrator.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A migration's text ready to run: split as drizzle splits it (literally, at {@code --> statement-breakpoint}), each
 * piece split by the lexer into statements that carry their line in the file and their kind. Which file it is stays
 * with the caller (the source room pairs the two: {@code MigrationFile.prepare()}).
 *
 * @param statements the statements to send, empty and comment-only ones left out (they do nothing)
 * @param firstNonTransactional the first statement PostgreSQL refuses in a transaction block, or null
 */
public record PreparedMigration(List<Step> statements, Step firstNonTransactional) {

    /** drizzle's separator between statements. */
    public static final String BREAKPOINT = "--> statement-breakpoint";

    /** One statement and where it is. */
    public record Step(SqlStatement statement, Classification classification, int number) {

        /**
         * The text sent to the server: the statement from its first significant token (comments and blank lines
         * before it are dropped, so that the server's error position maps to a line of the file).
         */
        public String sql() {
            List<Token> tokens = statement.tokens();
            if (tokens.isEmpty()) {
                return statement.text();
            }
            int base = tokens.get(0).offset();
            for (Token t : tokens) {
                if (t.isSignificant()) {
                    return statement.text().substring(t.offset() - base);
                }
            }
            return statement.text();
        }

        /** The first line of the statement, cut to 160 characters, for messages. */
        public String excerpt() {
            String s = sql().strip();
            int nl = s.indexOf('\n');
            String first = nl < 0 ? s : s.substring(0, nl).stripTrailing() + " ...";
            return first.length() > 160 ? first.substring(0, 160) + " ..." : first;
        }

        public StatementKind kind() {
            return classification.kind();
        }

        /**
         * Whether it is a {@code CREATE [UNIQUE] INDEX}, as the classifier read its leading words: only those are
         * worth parsing as an index build (the executor's {@code IndexStatement}), which tokenizes the whole statement.
         */
        public boolean isIndexBuild() {
            String d = classification.description();
            return d.startsWith("CREATE INDEX") || d.startsWith("CREATE UNIQUE INDEX");
        }

        public int line() {
            return statement.line();
        }
    }

    /**
     * A stretch of the migration that runs as one unit: in a transaction (its locks held until its commit), or outside
     * one, each statement committing on its own.
     */
    public record Segment(boolean transactional, List<Step> statements) {

        public Segment {
            statements = List.copyOf(statements);
        }
    }

    /**
     * The segments as the executor runs them: a transactional migration is one transaction (the executor opens it);
     * one that is not runs statement by statement in autocommit, except between a {@code BEGIN} of the file and its
     * {@code COMMIT}/{@code ROLLBACK}, which are one transaction (the file's own transaction statements are the
     * boundaries, not statements of a segment).
     */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        boolean inTransaction = transactional();
        List<Step> current = new ArrayList<>();
        for (Step step : statements) {
            StatementKind kind = step.kind();
            boolean opens = kind == StatementKind.BEGIN && !inTransaction;
            boolean closes = (kind == StatementKind.COMMIT || kind == StatementKind.ROLLBACK) && inTransaction;
            if (opens || closes) {
                if (!current.isEmpty()) {
                    out.add(new Segment(inTransaction, current));
                    current = new ArrayList<>();
                }
                inTransaction = opens;
            } else if (kind != StatementKind.BEGIN && kind != StatementKind.COMMIT && kind != StatementKind.ROLLBACK) {
                current.add(step);
            }
        }
        if (!current.isEmpty()) {
            out.add(new Segment(inTransaction, current));
        }
        return out;
    }

    /** Whether it runs in one transaction with its bookkeeping row. */
    public boolean transactional() {
        return firstNonTransactional == null;
    }

    /**
     * Splits and classifies a migration's text.
     *
     * @throws SqlSyntaxException an unterminated quote or comment, with its line in the text
     */
    public static PreparedMigration prepare(String sql) throws SqlSyntaxException {
        List<Step> steps = new ArrayList<>();
        Step firstNonTx = null;
        int pieceStart = 0;
        int line = 1;
        int column = 1;
        while (pieceStart <= sql.length()) {
            int end = sql.indexOf(BREAKPOINT, pieceStart);
            int pieceEnd = end < 0 ? sql.length() : end;
            String piece = sql.substring(pieceStart, pieceEnd);
            List<SqlStatement> split = SqlLexer.split(piece, line, column);
            for (SqlStatement statement : split) {
                if (statement.isEmpty()) {
                    continue;
                }
                Classification c = StatementClassifier.classify(statement);
                Step step = new Step(statement, c, steps.size() + 1);
                steps.add(step);
                if (firstNonTx == null && c.kind() == StatementKind.NON_TRANSACTIONAL) {
                    firstNonTx = step;
                }
            }
            if (end < 0) {
                break;
            }
            // advance line/column over the piece and the marker
            for (int i = pieceStart; i < end + BREAKPOINT.length(); i++) {
                char ch = sql.charAt(i);
                if (ch == '\n') {
                    line++;
                    column = 1;
                } else if (ch == '\r') {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == '\n') {
                        continue;
                    }
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            pieceStart = end + BREAKPOINT.length();
        }
        return new PreparedMigration(List.copyOf(steps), firstNonTx);
    }
}
