package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.LockTimeoutException;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.ValidationException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} documents, written with jackson-core's streaming generator. One JSON object per command run,
 * alone on stdout. Durations are whole milliseconds ({@code durationMs}); times are ISO-8601 UTC; messages are
 * redacted.
 */
final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes the fields of one object. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonReport() {
    }

    /** Prints one pretty-printed object whose fields {@code body} writes. */
    static void print(PrintStream out, Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON", e); // a StringWriter does not fail
        }
        out.println(text);
        out.flush();
    }

    /** The fields common to every document: which command, its exit code, whether it succeeded. */
    static void outcome(JsonGenerator json, String command, int exitCode) throws IOException {
        json.writeStringField("command", command);
        json.writeNumberField("exitCode", exitCode);
        json.writeBooleanField("success", exitCode == ExitCodes.OK);
    }

    /** A status view's fields: core's one shape ({@link StatusView#toMap()}), every text redacted. */
    static void status(JsonGenerator json, StatusView view, Redactor redactor) throws IOException {
        fields(json, view.toMap(), redactor);
    }

    /** The fields of one of core's JSON-ready maps, every text redacted. */
    static void fields(JsonGenerator json, Map<String, Object> map, Redactor redactor) throws IOException {
        for (Map.Entry<String, Object> field : map.entrySet()) {
            json.writeFieldName(field.getKey());
            value(json, field.getValue(), redactor);
        }
    }

    /** Writes a JSON-ready value of core's view: maps, lists, strings, numbers, booleans. */
    private static void value(JsonGenerator json, Object value, Redactor redactor) throws IOException {
        if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                value(json, e.getValue(), redactor);
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                value(json, item, redactor);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value == null) {
            json.writeNull();
        } else {
            json.writeString(redactor.redact(value.toString()));
        }
    }

    /** An array of applied migrations, each with its duration. */
    static void applied(JsonGenerator json, String field, List<AppliedMigration> applied) throws IOException {
        json.writeArrayFieldStart(field);
        for (AppliedMigration m : applied) {
            json.writeStartObject();
            json.writeStringField("tag", m.tag());
            json.writeNumberField("durationMs", m.duration().toMillis());
            json.writeBooleanField("transactional", m.transactional());
            json.writeNumberField("statements", m.statements());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** An {@code error} object: its type, the message as {@link Errors} tells it, and what the exception adds. */
    static void error(JsonGenerator json, Throwable error, String message, Redactor redactor) throws IOException {
        json.writeObjectFieldStart("error");
        json.writeStringField("type", type(error));
        json.writeStringField("message", redactor.redact(message));
        if (error instanceof MigrationFailedException failed) {
            json.writeStringField("tag", failed.tag());
            json.writeStringField("file", failed.file());
            json.writeNumberField("line", failed.line());
            nullableString(json, "sqlState", failed.sqlState().orElse(null));
            nullableString(json, "leftBehind", redactor.redact(failed.leftBehind()));
        } else if (error instanceof MigrationSourceException source) {
            nullableString(json, "file", source.file().orElse(null));
            json.writeNumberField("line", source.line());
        } else if (error instanceof LockTimeoutException timeout) {
            json.writeNumberField("waitedMs", timeout.waited() == null ? 0 : timeout.waited().toMillis());
            nullableString(json, "holder", redactor.redact(timeout.holder()));
        }
        json.writeEndObject();
    }

    /** An {@code error} object for what is not an exception of a command: a usage error ({@code type} usage). */
    static void error(JsonGenerator json, String type, String message) throws IOException {
        json.writeObjectFieldStart("error");
        json.writeStringField("type", type);
        json.writeStringField("message", message);
        json.writeEndObject();
    }

    private static String type(Throwable error) {
        if (error instanceof MigrationFailedException) {
            return "migration_failed";
        }
        if (error instanceof ValidationException) {
            return "validation";
        }
        if (error instanceof LockTimeoutException) {
            return "lock_timeout";
        }
        if (error instanceof MigrationSourceException) {
            return "migration_source";
        }
        if (error instanceof DatabaseConnectionException) {
            return "database_connection";
        }
        if (error instanceof ConfigurationException) {
            return "configuration";
        }
        return "unexpected";
    }

    private static void nullableString(JsonGenerator json, String field, String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }
}
