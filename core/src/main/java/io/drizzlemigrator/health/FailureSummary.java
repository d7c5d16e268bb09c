package io.drizzlemigrator.health;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.internal.jdbc.PostgresUrl;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Reduces an error to what a health endpoint may show: its type, the migration's tag, the SQLState and one line of
 * text, cut short. For a failed migration that line is built from the file, the line number and the first line of the
 * server's error, never from the exception's message, which quotes the statement and the server's DETAIL (DETAIL
 * echoes row values, such as a duplicate key). For other errors it is the first line of the message, whose later
 * lines are where pgjdbc puts DETAIL, HINT and WHERE.
 */
final class FailureSummary {

    private FailureSummary() {
    }

    static MigrationHealth.Failure of(DrizzleMigratorException error, String fallbackTag, Instant at) {
        if (error instanceof MigrationFailedException failed) {
            // Its message quotes the statement and the server's DETAIL: rebuild one from the parts instead.
            String sqlState = failed.sqlState().orElseGet(() -> sqlStateOfCause(failed));
            String server = failed.getCause() == null ? null : failed.getCause().getMessage();
            String where = failed.file() + (failed.line() > 0 ? ":" + failed.line() : "");
            return new MigrationHealth.Failure(error.getClass().getSimpleName(), failed.tag(), sqlState,
                    firstLine(where + ": " + (server == null || server.isBlank() ? "failed" : server)),
                    failed.leftBehind() == null ? null : firstLine(failed.leftBehind()), at);
        }
        return new MigrationHealth.Failure(error.getClass().getSimpleName(), fallbackTag, sqlStateOfCause(error),
                firstLine(error.getMessage()), null, at);
    }

    /** The first line of {@code message}, passwords in URLs masked, control characters dropped, cut to the limit. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String text = message.strip();
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String line = PostgresUrl.redact(text.substring(0, end));
        StringBuilder out = new StringBuilder(Math.min(line.length(), MigrationHealth.MAX_MESSAGE_LENGTH));
        line.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(out::appendCodePoint);
        if (out.toString().isBlank()) {
            return "(no message)";
        }
        if (out.codePointCount(0, out.length()) > MigrationHealth.MAX_MESSAGE_LENGTH) {
            int cut = out.offsetByCodePoints(0, MigrationHealth.MAX_MESSAGE_LENGTH - 1);
            return out.substring(0, cut) + "…";
        }
        return out.toString();
    }

    private static String sqlStateOfCause(Throwable error) {
        Throwable t = error.getCause();
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
