package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.StatementKind;
import io.drizzlemigrator.internal.sql.Token;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a failed attempt into the error users read: the file and line (the server's error position mapped into the
 * file), the statement, the SQLState and the server's message, and what was left behind: rolled back, committed by
 * the file's own {@code COMMIT;}, statements that ran outside a transaction, an INVALID index of a failed concurrent
 * build.
 */
final class FailureDescription {

    private final Connection connection;
    private final String historyTable;
    private final boolean repairInvalidIndexes;

    /**
     * @param historyTable the bookkeeping table as users know it, for "not recorded in ..."
     * @param repairInvalidIndexes whether the next run drops an INVALID index before building it again
     */
    FailureDescription(Connection connection, String historyTable, boolean repairInvalidIndexes) {
        this.connection = connection;
        this.historyTable = historyTable;
        this.repairInvalidIndexes = repairInvalidIndexes;
    }

    /**
     * Rolls back what the attempt left open (unless the connection is gone) and describes the failure.
     *
     * @param allInOneNote set when the whole run was one transaction: said in place of the per-migration state
     * @param appliedBefore what this run applied before the failing migration
     */
    MigrationFailedException describe(SQLException e, Attempt attempt, String allInOneNote,
            List<AppliedMigration> appliedBefore) {
        ToApply m = attempt.current;
        PreparedMigration.Step step = attempt.step();
        String tag = m == null ? "<none>" : m.tag();
        String file = m == null ? "<none>" : m.fileName();
        boolean connectionLost = isConnectionLost(e);
        boolean rolledBack = false;
        if (!connectionLost) {
            try {
                rolledBack = attempt.rollback();
            } catch (SQLException rollbackError) {
                e.addSuppressed(rollbackError);
            }
        }
        int line = 0;
        String where;
        if (step != null) {
            line = lineOfError(e, step);
            where = file + ":" + line + " (statement " + step.number() + " of " + m.statements().size() + ": "
                    + step.excerpt() + ")";
        } else {
            where = file + " (while recording it in " + historyTable + ")";
        }
        String state = leftBehind(attempt, connectionLost, rolledBack, allInOneNote);
        if (step != null && !connectionLost && step.kind() == StatementKind.NON_TRANSACTIONAL) {
            state += invalidIndexLeft(e, step);
        }
        String sqlState = e.getSQLState();
        StringBuilder msg = new StringBuilder("Migration ").append(tag).append(" failed at ").append(where)
                .append(": ").append(sqlState != null ? "[" + sqlState + "] " : "").append(serverMessage(e))
                .append(". State left behind: ").append(state).append('.');
        if (m != null && step != null && allInOneNote == null && !attempt.transactional() && attempt.executed() > 0) {
            msg.append(' ').append(rerun(m, attempt.executed()));
        }
        if (!appliedBefore.isEmpty()) {
            msg.append(' ').append(appliedBefore.size()).append(appliedBefore.size() == 1 ? " earlier migration"
                    : " earlier migrations").append(" of this run applied and recorded.");
        }
        msg.append(" Fix the migration (or the database) and run again.");
        return new MigrationFailedException(msg.toString(), tag, file, line, sqlState, state, appliedBefore, e);
    }

    /**
     * What the next run repeats of a migration that ran outside a transaction: it is not recorded, so it runs whole
     * again, and the statements that completed this time must then be harmless the second time.
     */
    private static String rerun(ToApply m, int executed) {
        StringBuilder lines = new StringBuilder();
        List<String> notIdempotent = new ArrayList<>();
        for (PreparedMigration.Step s : m.statements().subList(0, executed)) {
            lines.append(lines.length() == 0 ? "" : ", ").append(s.line());
            if (!rerunnable(s)) {
                notIdempotent.add("statement " + s.number() + " (line " + s.line() + ": " + s.excerpt() + ")");
            }
        }
        String text = "Nothing of " + m.fileName() + " is recorded, so the next run runs "
                + (executed == 1 ? "statement 1 (line " : "statements 1-" + executed + " (lines ") + lines
                + ") again: each must be idempotent (CREATE ... IF NOT EXISTS, DROP ... IF EXISTS, CREATE OR REPLACE)"
                + " or be undone by hand before the next run";
        return text + (notIdempotent.isEmpty() ? "." : "; not idempotent: " + String.join(", ", notIdempotent)
                + ".");
    }

    /**
     * Whether running a completed statement again is harmless: it says IF [NOT] EXISTS or OR REPLACE, or is a
     * command that leaves nothing a second run collides with.
     */
    static boolean rerunnable(PreparedMigration.Step step) {
        List<Token> words = step.statement().significantTokens();
        if (words.isEmpty()) {
            return true;
        }
        Token first = words.get(0);
        for (String harmless : RERUNNABLE_COMMANDS) {
            if (first.isWord(harmless)) {
                return true;
            }
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            Token t = words.get(i);
            if (t.isWord("IF") && (words.get(i + 1).isWord("EXISTS") || words.get(i + 1).isWord("NOT")
                    && i + 2 < words.size() && words.get(i + 2).isWord("EXISTS"))
                    || t.isWord("OR") && words.get(i + 1).isWord("REPLACE")) {
                return true;
            }
        }
        return false;
    }

    /** Commands whose second run does no harm: they leave nothing that a second run would collide with. */
    private static final List<String> RERUNNABLE_COMMANDS = List.of("SELECT", "VACUUM", "ANALYZE", "REINDEX",
            "REFRESH", "COMMENT", "GRANT", "REVOKE", "SET", "RESET", "CLUSTER");

    /** What a failed concurrent index build left, looked up on the server; empty when nothing. */
    private String invalidIndexLeft(SQLException e, PreparedMigration.Step step) {
        IndexStatement index = IndexStatement.parse(step.statement());
        if (index == null || !index.concurrent()) {
            return "";
        }
        try {
            IndexGuards.ExistingIndex left = IndexGuards.find(connection, index);
            if (left != null && !left.valid()) {
                return "; the failed concurrent build left the INVALID index " + left.qualifiedName()
                        + " (ignored by queries but maintained on every write"
                        + (repairInvalidIndexes ? "; the next run drops and rebuilds it)"
                        : "; drop it with DROP INDEX CONCURRENTLY before retrying)");
            }
        } catch (SQLException lookup) {
            e.addSuppressed(lookup);
        }
        return "";
    }

    private String leftBehind(Attempt attempt, boolean connectionLost, boolean rolledBack, String note) {
        String notRecorded = "not recorded in " + historyTable + ", so the next run retries it";
        if (note != null) {
            return (connectionLost ? "connection lost, PostgreSQL rolls the transaction back" : "rolled back")
                    + ": nothing of this run is applied or recorded (" + note + ")";
        }
        int lastCommitted = attempt.lastCommitted();
        if (attempt.transactional()) {
            String base = connectionLost
                    ? "the connection was lost; PostgreSQL rolls back the open transaction"
                    : rolledBack || lastCommitted == 0 ? "rolled back" : "the file's own transaction state was kept";
            if (lastCommitted > 0) {
                return base + "; but statements 1-" + lastCommitted + " were committed by the file's own COMMIT"
                        + " and are not undone; " + notRecorded;
            }
            return base + ", nothing recorded";
        }
        PreparedMigration.Step step = attempt.step();
        String failing = "";
        if (step != null && connectionLost && step.kind() == StatementKind.NON_TRANSACTIONAL) {
            IndexStatement index = IndexStatement.parse(step.statement());
            if (index != null && index.concurrent()) {
                failing = "; the interrupted " + step.classification().description() + " may have left an"
                        + " INVALID index" + (index.indexName() == null ? "" : " " + index.indexName())
                        + (repairInvalidIndexes ? ", which the next run drops and rebuilds"
                        : "; drop it with DROP INDEX CONCURRENTLY before retrying");
            }
        }
        String lost = connectionLost ? "the connection was lost; " : "";
        if (attempt.executed() == 0) {
            return lost + "none of its statements completed" + failing + "; " + notRecorded;
        }
        return lost + "statements 1-" + attempt.executed() + " ran outside a transaction and are not undone" + failing
                + "; " + notRecorded;
    }

    /** The line of the file the server's error position points at, else the statement's first line. */
    static int lineOfError(SQLException e, PreparedMigration.Step step) {
        if (e instanceof PSQLException pe) {
            ServerErrorMessage sem = pe.getServerErrorMessage();
            if (sem != null && sem.getPosition() > 0) {
                String sql = step.sql();
                int end = Math.min(sem.getPosition() - 1, sql.length());
                int extra = 0;
                for (int i = 0; i < end; i++) {
                    if (sql.charAt(i) == '\n') {
                        extra++;
                    }
                }
                return step.line() + extra;
            }
        }
        return step.line();
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            ServerErrorMessage sem = pe.getServerErrorMessage();
            String text = sem.getMessage();
            if (sem.getDetail() != null) {
                text += " (" + sem.getDetail() + ")";
            }
            if (sem.getHint() != null) {
                text += " Hint: " + sem.getHint();
            }
            return text;
        }
        return String.valueOf(e.getMessage());
    }

    /** Whether the error means the session is gone (connection failure, or the server terminated the backend). */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
