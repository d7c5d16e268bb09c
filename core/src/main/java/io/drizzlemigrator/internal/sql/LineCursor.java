package io.drizzlemigrator.internal.sql;

/**
 * Line and column of positions in a text, computed only where asked for ({@link #moveTo(int)}), by a cursor that
 * only moves forward, so each character is looked at a bounded number of times whether every token's position is
 * wanted or only a few. A line ends at {@code \r\n}, {@code \n} or {@code \r}; columns count code points; a byte order
 * mark at the start of a file takes no column.
 */
final class LineCursor {

    private static final int UNKNOWN = -2;

    private final String s;
    private final boolean bomAtStart;

    /** The char index up to which {@link #line} and {@link #column} have been computed. */
    private int cursor;
    private int line;
    private int column;
    /**
     * The first {@code \n} and {@code \r} at or after the cursor (an index past it), or -1 if there is none, or
     * {@link #UNKNOWN} before the first look: where the cursor's next line breaks are, found by
     * {@link String#indexOf(int, int)} instead of looking at every character.
     */
    private int nextLf = UNKNOWN;
    private int nextCr = UNKNOWN;

    /**
     * A cursor at the start of {@code text}, which is at line {@code line}, column {@code column} of its file;
     * {@code bomAtStart}: whether a byte order mark at index 0 takes no column (only at the start of a file).
     */
    LineCursor(String text, int line, int column, boolean bomAtStart) {
        this.s = text;
        this.line = line;
        this.column = column;
        this.bomAtStart = bomAtStart;
    }

    /**
     * Advances the cursor to {@code target} (never behind it: a target behind it is ignored): afterwards
     * {@link #line()} and {@link #column()} are those of {@code target}. Only the line breaks are looked at one by
     * one: the column after the last one is a code point count.
     */
    void moveTo(int target) {
        int from = cursor;
        if (target <= from) {
            return;
        }
        int lf = nextLf;
        if (lf != -1 && lf < from) {
            lf = s.indexOf('\n', from);
        }
        int cr = nextCr;
        if (cr != -1 && cr < from) {
            cr = s.indexOf('\r', from);
        }
        int l = line;
        int lastBreak = -1;
        while (true) {
            if (lf >= 0 && lf < target && (cr < 0 || lf < cr)) {
                if (lf == 0 || s.charAt(lf - 1) != '\r') {
                    l++;
                }
                lastBreak = lf;
                lf = s.indexOf('\n', lf + 1);
            } else if (cr >= 0 && cr < target) {
                l++;
                lastBreak = cr;
                cr = s.indexOf('\r', cr + 1);
            } else {
                break;
            }
        }
        nextLf = lf;
        nextCr = cr;
        if (lastBreak >= 0) {
            column = 1 + columnsIn(lastBreak + 1, target);
        } else {
            column += columnsIn(from, target) - (from == 0 && bomAtStart ? 1 : 0);
        }
        line = l;
        cursor = target;
    }

    /**
     * The columns {@code from} to {@code to} take: code points, a low surrogate at {@code from} that ends a pair
     * (its high surrogate already counted) taking none.
     */
    private int columnsIn(int from, int to) {
        int count = s.codePointCount(from, to);
        if (from > 0 && from < to && Character.isLowSurrogate(s.charAt(from))
                && Character.isHighSurrogate(s.charAt(from - 1))) {
            count--;
        }
        return count;
    }

    /** The line of the cursor. */
    int line() {
        return line;
    }

    /** The column of the cursor. */
    int column() {
        return column;
    }
}
