package io.drizzlemigrator.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.LockTimeoutException;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.ValidationException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

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

    /** A status report's fields: folder, table, counts, every migration, the problems. */
    static void status(JsonGenerator json, StatusReport report, List<Problem> problems, Redactor redactor)
            throws IOException {
        json.writeStringField("location", report.location());
        json.writeStringField("table", report.table());
        json.writeBooleanField("upToDate", report.isUpToDate());
        json.writeObjectFieldStart("counts");
        json.writeNumberField("total", report.migrations().size());
        json.writeNumberField("applied", report.withState(MigrationState.APPLIED).size());
        json.writeNumberField("edited", report.edited().size());
        json.writeNumberField("pending", report.pending().size());
        json.writeNumberField("outOfOrder", report.outOfOrder().size());
        json.writeNumberField("unknown", report.unknown().size());
        json.writeEndObject();
        json.writeArrayFieldStart("migrations");
        for (MigrationInfo m : report.migrations()) {
            json.writeStartObject();
            json.writeStringField("tag", m.tag());
            json.writeStringField("state", Problem.stateName(m.state(), true));
            json.writeNumberField("when", m.folderMillis());
            nullableString(json, "hash", m.hash());
            nullableString(json, "storedHash", m.storedHash());
            nullableString(json, "appliedAt", m.appliedTime().map(Object::toString).orElse(null));
            json.writeBooleanField("transactional", m.transactional());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("problems");
        for (Problem p : problems) {
            json.writeStartObject();
            json.writeStringField("kind", p.kind());
            json.writeStringField("tag", p.tag());
            json.writeStringField("message", redactor.redact(p.message()));
            json.writeBooleanField("blocking", p.blocking());
            json.writeEndObject();
        }
        json.writeEndArray();
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

    /** An {@code error} object: its type, the message, and what the exception says beyond the message. */
    static void error(JsonGenerator json, Throwable error, Redactor redactor) throws IOException {
        json.writeObjectFieldStart("error");
        json.writeStringField("type", type(error));
        json.writeStringField("message", redactor.redact(Errors.message(error)));
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
