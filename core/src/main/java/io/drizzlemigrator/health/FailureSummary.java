package io.drizzlemigrator.health;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.internal.jdbc.PostgresUrl;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Reduces an error to what a health endpoint may show: its type, the migration's tag, the SQLState and the first line
 * of its message, cut short. Later lines are dropped because that is where statement text and the server's DETAIL
 * (which echoes row values, such as the duplicate key) go.
 */
final class FailureSummary {

    private FailureSummary() {
    }

    static MigrationHealth.Failure of(DrizzleMigratorException error, String fallbackTag, Instant at) {
        String tag = fallbackTag;
        String sqlState = null;
        if (error instanceof MigrationFailedException failed) {
            tag = failed.tag();
            sqlState = failed.sqlState().orElse(null);
        }
        if (sqlState == null) {
            sqlState = sqlStateOfCause(error);
        }
        return new MigrationHealth.Failure(error.getClass().getSimpleName(), tag, sqlState,
                firstLine(error.getMessage()), at);
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
