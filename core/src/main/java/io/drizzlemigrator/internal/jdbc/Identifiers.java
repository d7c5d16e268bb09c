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
     * Accepts a plain SQL name (letters, digits, {@code _}, {@code $}, not starting with a digit, at most 63 bytes);
     * refuses anything else, so no setting can inject SQL.
     */
    public static String requireValid(String setting, String name) {
        if (name == null || name.isEmpty()) {
            throw new ConfigurationException(setting + " is empty: give a plain SQL name such as "
                    + ("schema".equals(setting) ? "drizzle" : "__drizzle_migrations"), Setting.ofBuilderName(setting),
                    null);
        }
        if (!isPlain(name) || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ConfigurationException(setting + " '" + printable(name) + "' is not a plain SQL name: use"
                    + " letters, digits, '_' or '$' (not starting with a digit), at most 63 characters",
                    Setting.ofBuilderName(setting), null);
        }
        return name;
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
