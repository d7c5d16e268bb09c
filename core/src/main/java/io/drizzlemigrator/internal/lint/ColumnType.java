package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;

/**
 * A column type as written in DDL, reduced to what decides whether {@code ALTER COLUMN ... TYPE} rewrites the table:
 * the base type (canonical lower-case name, schema dropped), up to two modifiers ({@code varchar(255)},
 * {@code numeric(10,2)}; -1 when absent) and whether it is an array.
 */
record ColumnType(String base, int modifier1, int modifier2, boolean array) {

    /** Reads the type in {@code w} from {@code from} (inclusive) to {@code to} (exclusive); null if there is none. */
    static ColumnType parse(Words w, int from, int to) {
        StringBuilder base = new StringBuilder();
        int m1 = -1;
        int m2 = -1;
        boolean array = false;
        int i = from;
        while (i < to) {
            Token t = w.tokens.get(i);
            if (t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER) {
                if (w.op(i + 1, ".")) {
                    i += 2; // a schema: "public"."status" is status
                    base.setLength(0);
                    continue;
                }
                if (base.length() > 0) {
                    base.append(' ');
                }
                base.append(Words.identifier(t));
                i++;
            } else if (w.op(i, "(")) {
                int close = w.close(i);
                if (close > i + 1 && w.tokens.get(i + 1).type() == TokenType.NUMBER) {
                    m1 = number(w.tokens.get(i + 1).text());
                    if (w.op(i + 2, ",") && i + 3 < close && w.tokens.get(i + 3).type() == TokenType.NUMBER) {
                        m2 = number(w.tokens.get(i + 3).text());
                    }
                }
                i = close + 1;
            } else if (w.op(i, "[") || w.op(i, "]") || w.op(i, "[]")) {
                array = true;
                i++;
            } else {
                i++;
            }
        }
        if (base.length() == 0) {
            return null;
        }
        String b = base.toString();
        if (b.endsWith(" array")) {
            array = true;
            b = b.substring(0, b.length() - " array".length());
        }
        return new ColumnType(canonical(b), m1, m2, array);
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.replace("_", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String canonical(String b) {
        return switch (b) {
            case "character varying", "varchar" -> "varchar";
            case "character", "char", "bpchar" -> "char";
            case "decimal", "numeric" -> "numeric";
            case "int", "integer", "int4" -> "integer";
            case "int8", "bigint" -> "bigint";
            case "int2", "smallint" -> "smallint";
            case "timestamp", "timestamp without time zone" -> "timestamp";
            case "timestamptz", "timestamp with time zone" -> "timestamptz";
            case "bool", "boolean" -> "boolean";
            default -> b;
        };
    }

    /** {@code serial}, {@code bigserial}, {@code smallserial}: an implicit {@code nextval()} default. */
    boolean isSerial() {
        return !array && (base.equals("serial") || base.equals("bigserial") || base.equals("smallserial")
                || base.equals("serial4") || base.equals("serial8") || base.equals("serial2"));
    }

    /**
     * Whether changing a column from {@code from} to {@code to} (without {@code USING}) keeps every stored value as it
     * is, so PostgreSQL neither rewrites nor scans the table: varchar → text, varchar(n) → varchar(m ≥ n) or unbounded,
     * text → unbounded varchar, numeric(p,s) → numeric(q ≥ p, s) or unconstrained, cidr → inet, and no change.
     * With {@code from} unknown (defined outside the linted migrations), only a change to text or unbounded varchar
     * is assumed safe (it is, from any text type).
     */
    static boolean keepsStorage(ColumnType from, ColumnType to) {
        if (from == null) {
            return !to.array && isUnboundedText(to);
        }
        if (from.array != to.array) {
            return false;
        }
        if (from.equals(to)) {
            return true;
        }
        switch (from.base) {
            case "varchar":
                if (isUnboundedText(to)) {
                    return true;
                }
                return to.base.equals("varchar") && from.modifier1 >= 0 && to.modifier1 >= from.modifier1;
            case "text":
                return to.base.equals("varchar") && to.modifier1 < 0;
            case "numeric":
                if (!to.base.equals("numeric")) {
                    return false;
                }
                if (to.modifier1 < 0) {
                    return true;
                }
                return from.modifier1 >= 0 && to.modifier1 >= from.modifier1
                        && Math.max(to.modifier2, 0) == Math.max(from.modifier2, 0);
            case "cidr":
                return to.base.equals("inet");
            default:
                return false;
        }
    }

    private static boolean isUnboundedText(ColumnType t) {
        return t.base.equals("text") || (t.base.equals("varchar") && t.modifier1 < 0);
    }

    @Override
    public String toString() {
        String s = base;
        if (modifier1 >= 0) {
            s += "(" + modifier1 + (modifier2 >= 0 ? "," + modifier2 : "") + ")";
        }
        return array ? s + "[]" : s;
    }
}
