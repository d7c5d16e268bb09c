package io.drizzlemigrator;

import io.drizzlemigrator.internal.jdbc.PostgresUrl;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error reduced to what a health check, an endpoint or a JSON report may show: its type, the migration's tag, the
 * SQLState and one line of text, cut short, passwords in URLs masked. This is the one place where error text is made
 * safe to show; every face shows errors through it.
 *
 * <p>For a failed migration the line is built from the file, the line number and the first line of the server's
 * error, never from the exception's message, which quotes the statement and the server's DETAIL (DETAIL echoes row
 * values, such as a duplicate key). For a folder that cannot be read it names the file and line only (its message can
 * quote the SQL). For other errors it is the first line of the message, whose later lines are where pgjdbc puts
 * DETAIL, HINT and WHERE.
 *
 * @param type the exception's simple class name, e.g. {@code MigrationFailedException}
 * @param tag the migration that failed, or null when the error is not about one migration
 * @param sqlState the server's SQLState, or null when none is known
 * @param message one line, at most {@value #MAX_LENGTH} characters
 * @param leftBehind for a failed migration, what it left in the database (e.g. "rolled back, nothing recorded")
 */
public record ErrorSummary(String type, String tag, String sqlState, String message, String leftBehind) {

    /** Longest message kept, in characters. */
    public static final int MAX_LENGTH = 200;

    public ErrorSummary {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    /** The summary of {@code error}; {@code fallbackTag} is used when the error does not name its migration. */
    public static ErrorSummary of(DrizzleMigratorException error, String fallbackTag) {
        String type = error.getClass().getSimpleName();
        if (error instanceof MigrationFailedException failed) {
            // Its message quotes the statement and the server's DETAIL: rebuild one from the parts instead.
            String sqlState = failed.sqlState().orElseGet(() -> sqlStateOfCause(failed));
            String server = failed.getCause() == null ? null : failed.getCause().getMessage();
            String where = failed.file() + (failed.line() > 0 ? ":" + failed.line() : "");
            return new ErrorSummary(type, failed.tag(), sqlState,
                    firstLine(where + ": " + (server == null || server.isBlank() ? "failed" : server)),
                    failed.leftBehind() == null ? null : firstLine(failed.leftBehind()));
        }
        if (error instanceof MigrationSourceException source) {
            String at = source.file().map(f -> " at " + f + (source.line() > 0 ? ":" + source.line() : "")).orElse("");
            return new ErrorSummary(type, fallbackTag, null,
                    firstLine("The migration folder cannot be read" + at + "; the application log has the details"),
                    null);
        }
        return new ErrorSummary(type, fallbackTag, sqlStateOfCause(error), firstLine(error.getMessage()), null);
    }

    /** The first line of {@code message}, passwords in URLs masked, control characters dropped, cut to the limit. */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String text = message.strip();
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String line = PostgresUrl.redact(text.substring(0, end));
        StringBuilder out = new StringBuilder(Math.min(line.length(), MAX_LENGTH));
        line.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(out::appendCodePoint);
        if (out.toString().isBlank()) {
            return "(no message)";
        }
        if (out.codePointCount(0, out.length()) > MAX_LENGTH) {
            int cut = out.offsetByCodePoints(0, MAX_LENGTH - 1);
            return out.substring(0, cut) + "…";
        }
        return out.toString();
    }

    /** As JSON-ready values: {@code type}, {@code message}, then the facts that are known. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("message", message);
        Views.put(m, "migration", tag);
        Views.put(m, "sqlState", sqlState);
        Views.put(m, "leftBehind", leftBehind);
        return Collections.unmodifiableMap(m);
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
