package io.drizzlemigrator.internal.jdbc;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.Setting;
import java.nio.charset.StandardCharsets;

/** Validation and quoting of the identifiers drizzle-migrator puts into SQL (schema and table names). */
public final class Identifiers {

    private static final int MAX_BYTES = 63;

    private Identifiers() {
    }

    /**
     * Accepts a name that is plain or safe to double-quote ({@link #isQuotable}), at most 63 bytes; refuses anything
     * else, so no setting can inject SQL.
     */
    public static String requireValid(String setting, String name) {
        if (name == null || name.isEmpty()) {
            throw new ConfigurationException(setting + " is empty: give a plain SQL name such as "
                    + ("schema".equals(setting) ? "drizzle" : "__drizzle_migrations"), Setting.ofBuilderName(setting),
                    null);
        }
        if (!isQuotable(name) || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ConfigurationException(setting + " '" + printable(name) + "' is not a plain SQL name: use"
                    + " letters, digits, '_', '$' or '-' (names that need it are double-quoted), at most 63 bytes;"
                    + " quotes, spaces, ';' and other punctuation are refused, so no name can carry SQL",
                    Setting.ofBuilderName(setting), null);
        }
        return name;
    }

    /**
     * A name that is safe to double-quote and needs no more: letters (any script), digits, {@code _}, {@code $} and
     * {@code -} (tenant schemas such as {@code Acme-EU} exist; they are always quoted). Anything else (a quote, a
     * space, {@code ;}) only appears in a name that tries to carry SQL.
     */
    private static boolean isQuotable(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '$' && c != '-') {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** {@code [A-Za-z_][A-Za-z0-9_$]*}, checked without a regular expression (this runs on every start). */
    private static boolean isPlain(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '$'))) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** Double-quotes a validated name, as drizzle does. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A name as psql would write it: plain when it is lower case and plain, else double-quoted. */
    public static String quoteIfNeeded(String name) {
        return isPlain(name) && name.equals(name.toLowerCase(java.util.Locale.ROOT)) ? name : quote(name);
    }

    /** {@code "schema"."table"}. */
    public static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
