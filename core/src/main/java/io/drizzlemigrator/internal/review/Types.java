package io.drizzlemigrator.internal.review;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Column types as {@code format_type} spells them, and which type changes PostgreSQL makes without a rewrite. */
final class Types {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("varchar", "character varying"), Map.entry("char", "character"),
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("bool", "boolean"), Map.entry("decimal", "numeric"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("serial", "integer"), Map.entry("bigserial", "bigint"), Map.entry("smallserial", "smallint"));

    /** {@code name(modifiers)} then optional {@code []}. */
    private static final Pattern SHAPE = Pattern.compile("^(.*?)\\s*(\\(([^)]*)\\))?\\s*((\\[\\])*)$");

    private Types() {
    }

    /**
     * A type spelled the way {@code format_type} spells it, whatever the migration wrote: lower case, aliases
     * expanded, {@code public.} and quotes dropped, modifiers kept ({@code varchar(255)} is
     * {@code character varying(255)}).
     */
    static String normalize(String type) {
        String t = type.strip().replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*\\)", ")").replaceAll("\\s*,\\s*", ",");
        if (t.startsWith("public.")) {
            t = t.substring("public.".length());
        }
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            return t;
        }
        String base = m.group(1);
        String mods = m.group(3);
        String array = m.group(4);
        if (base.startsWith("timestamp") || base.startsWith("time")) {
            // "timestamp(3) with time zone": the modifier sits inside the name
            String zone = base.endsWith("with time zone") && !base.endsWith("without time zone") ? " with time zone"
                    : base.contains(" ") ? " without time zone" : null;
            String head = base.startsWith("timestamp") ? "timestamp" : "time";
            if (base.equals("timestamptz") || base.equals("timetz")) {
                zone = " with time zone";
            } else if (zone == null) {
                zone = " without time zone";
            }
            return head + (mods == null ? "" : "(" + mods + ")") + zone + array;
        }
        base = ALIASES.getOrDefault(base, base);
        return base + (mods == null ? "" : "(" + mods + ")") + array;
    }

    /**
     * Whether changing a column from {@code from} to {@code to} (both normalized) keeps the table's files: the same
     * type, a longer or unlimited {@code varchar}, {@code varchar} to {@code text}, a wider {@code numeric}, and
     * (PostgreSQL 12+) {@code timestamp} to {@code timestamptz} or back while the session's TimeZone is UTC.
     */
    static boolean keepsFiles(String from, String to, boolean utcSession) {
        if (from == null || to == null) {
            return false;
        }
        if (from.equals(to)) {
            return true;
        }
        if (utcSession && from.startsWith("timestamp") && to.startsWith("timestamp")
                && from.replace(" without time zone", "").replace(" with time zone", "")
                        .equals(to.replace(" without time zone", "").replace(" with time zone", ""))) {
            return true;
        }
        String fromBase = base(from);
        String toBase = base(to);
        boolean fromText = fromBase.equals("character varying") || fromBase.equals("text");
        if (fromText && (to.equals("text") || to.equals("character varying"))) {
            return true;
        }
        if (fromBase.equals("character varying") && toBase.equals("character varying")) {
            return length(from, 0) >= 0 && length(to, 0) >= length(from, 0);
        }
        if (fromBase.equals("numeric") && toBase.equals("numeric")) {
            if (to.equals("numeric")) {
                return true;
            }
            return from.contains("(") && length(to, 1) == length(from, 1) && length(to, 0) >= length(from, 0);
        }
        return false;
    }

    private static String base(String type) {
        int p = type.indexOf('(');
        return p < 0 ? type : type.substring(0, p);
    }

    /** The {@code i}-th modifier ({@code varchar(255)}: 255), or -1. */
    private static int length(String type, int i) {
        int open = type.indexOf('(');
        int close = type.indexOf(')');
        if (open < 0 || close < open) {
            return -1;
        }
        String[] mods = type.substring(open + 1, close).split(",");
        try {
            return i < mods.length ? Integer.parseInt(mods[i].strip()) : 0;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
