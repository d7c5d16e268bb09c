package io.drizzlemigrator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Something in a {@link StatusReport} a person should know or act on, with what to do about it. {@link Problems}
 * finds them and decides, from the configured policies, which ones block.
 *
 * @param kind the state it is about: {@code OUT_OF_ORDER}, {@code EDITED}, {@code UNKNOWN} or (for validation)
 *             {@code PENDING}
 * @param tag the migration it is about ({@code <unknown>} for a row that matches no file and has no name)
 * @param severity whether it refuses the operation, is worth a warning, or is only information
 * @param message the explanation and the way out, naming the setting to change
 */
public record Problem(MigrationState kind, String tag, Severity severity, String message) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** How much a problem weighs. */
    public enum Severity {
        /** The policies refuse it: {@code migrate} and {@code validate} fail, the CLI's status exits 3. */
        BLOCKING,
        /** Allowed, but a person should know (logged as a warning, listed in {@link MigrateResult#warnings()}). */
        WARNING,
        /** Visible in reports only: the configuration says to stay quiet about it. */
        INFO
    }

    /** Whether the configured policies refuse it. */
    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }

    /** As JSON-ready values: {@code kind}, {@code tag}, {@code severity}, {@code blocking}, {@code message}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name().toLowerCase(Locale.ROOT));
        m.put("tag", tag);
        m.put("severity", severity.name().toLowerCase(Locale.ROOT));
        m.put("blocking", blocking());
        m.put("message", message);
        return Collections.unmodifiableMap(m);
    }
}
