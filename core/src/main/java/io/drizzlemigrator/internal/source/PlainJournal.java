package io.drizzlemigrator.internal.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fast path for the journal as drizzle-kit writes it: ASCII JSON whose strings have no escapes, whose numbers are
 * plain integers, and whose entries are flat objects, each with an int {@code idx}, a {@code when} and a tag that
 * names a file of the folder, all tags distinct, dialect {@code postgresql} or {@code pg} when given.
 *
 * <p>On a service's first start the JVM has not compiled anything yet, and jackson-core's first parse of a
 * 1000-entry journal costs about 100 ms of class loading and interpreted code; this scan costs about 15. It accepts
 * only what it fully understands and returns null for anything else (including every journal that has a mistake),
 * and {@link JournalParser} then parses with Jackson, which stays the reference: where this returns entries, they are
 * exactly Jackson's (a property test holds the two together).
 */
final class PlainJournal {

    private static final int MAX_STRING = 10_000;
    private static final int OTHER = 0;
    private static final int IDX = 1;
    private static final int WHEN = 2;
    private static final int TAG = 3;
    private static final int ENTRIES = 4;
    private static final int DIALECT = 5;
    private static final int VERSION = 6;

    private final byte[] b;
    private int i;
    private int line = 1;
    private String version;
    private int versionLine;
    private boolean sawDialect;

    private PlainJournal(byte[] json) {
        this.b = json;
    }

    /** The journal's entries in array order, or null when this scan is not sure and Jackson must decide. */
    static List<JournalParser.JournalEntry> tryParse(byte[] json) {
        return tryParse(json, new JournalParser.Header());
    }

    /** {@link #tryParse(byte[])}, filling {@code header} when it accepts the journal. */
    static List<JournalParser.JournalEntry> tryParse(byte[] json, JournalParser.Header header) {
        try {
            PlainJournal scan = new PlainJournal(json);
            List<JournalParser.JournalEntry> entries = scan.journal();
            header.read(scan.version, scan.versionLine, scan.sawDialect);
            return entries;
        } catch (NotPlain e) {
            return null;
        }
    }

    private List<JournalParser.JournalEntry> journal() {
        whitespace();
        expect('{');
        whitespace();
        List<JournalParser.JournalEntry> entries = null;
        String dialect = null;
        if (!peekIs('}')) {
            do {
                int key = memberKey();
                if (key == ENTRIES) {
                    entries = entries();
                } else if (key == DIALECT) {
                    sawDialect = true;
                    dialect = peekIs('"') ? string() : null;
                    if (dialect == null) {
                        throw NotPlain.INSTANCE;
                    }
                } else if (key == VERSION) {
                    if (!peekIs('"')) {
                        throw NotPlain.INSTANCE;
                    }
                    version = string();
                    versionLine = line;
                } else {
                    scalar();
                }
                whitespace();
            } while (comma());
        }
        expect('}');
        whitespace();
        if (i != b.length || entries == null
                || (sawDialect && !dialect.equals("postgresql") && !dialect.equals("pg"))) {
            throw NotPlain.INSTANCE;
        }
        return entries;
    }

    private List<JournalParser.JournalEntry> entries() {
        expect('[');
        whitespace();
        List<JournalParser.JournalEntry> entries = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        if (!peekIs(']')) {
            do {
                JournalParser.JournalEntry entry = entry(entries.size());
                if (!tags.add(entry.tag())) {
                    throw NotPlain.INSTANCE;
                }
                entries.add(entry);
                whitespace();
            } while (comma());
        }
        expect(']');
        return entries;
    }

    private JournalParser.JournalEntry entry(int position) {
        whitespace();
        int entryLine = line;
        expect('{');
        whitespace();
        long idx = Long.MIN_VALUE;
        long when = Long.MIN_VALUE;
        boolean sawWhen = false;
        String tag = null;
        if (!peekIs('}')) {
            do {
                int key = memberKey();
                if (key == IDX) {
                    idx = integer();
                } else if (key == WHEN) {
                    when = integer();
                    sawWhen = true;
                } else if (key == TAG) {
                    tag = string();
                } else {
                    scalar();
                }
                whitespace();
            } while (comma());
        }
        expect('}');
        if (!sawWhen || tag == null || JournalParser.tagProblem(tag) != null
                || (idx != Long.MIN_VALUE && (idx < Integer.MIN_VALUE || idx > Integer.MAX_VALUE))) {
            throw NotPlain.INSTANCE;
        }
        return new JournalParser.JournalEntry(position, idx == Long.MIN_VALUE ? position : (int) idx, when, tag,
                entryLine);
    }

    /** A value that is not an object or array: skipped. */
    private void scalar() {
        if (peekIs('"')) {
            skipString();
        } else if (peekIs('-') || (i < b.length && b[i] >= '0' && b[i] <= '9')) {
            integer();
        } else if (!word("true") && !word("false") && !word("null")) {
            throw NotPlain.INSTANCE;
        }
    }

    /** A string of printable ASCII without escapes, of a length no parser limit comes near. */
    private String string() {
        int start = i + 1;
        skipString();
        return new String(b, start, i - 1 - start, StandardCharsets.US_ASCII);
    }

    /** A member's key and the {@code :} after it, with the whitespace around: see {@link #key()}. */
    private int memberKey() {
        int key = key();
        whitespace();
        expect(':');
        whitespace();
        return key;
    }

    /**
     * A key, as one of {@link #IDX}, {@link #WHEN}, {@link #TAG}, {@link #ENTRIES}, {@link #DIALECT},
     * {@link #VERSION} or {@link #OTHER}: compared in place, as a journal has thousands of keys and only these matter.
     */
    private int key() {
        int start = i + 1;
        skipString();
        int length = i - 1 - start;
        if (is(start, length, "idx")) {
            return IDX;
        } else if (is(start, length, "when")) {
            return WHEN;
        } else if (is(start, length, "tag")) {
            return TAG;
        } else if (is(start, length, "entries")) {
            return ENTRIES;
        } else if (is(start, length, "dialect")) {
            return DIALECT;
        } else if (is(start, length, "version")) {
            return VERSION;
        }
        return OTHER;
    }

    private boolean is(int start, int length, String word) {
        if (length != word.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (b[start + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Past a string as {@link #string()} accepts it, without making one. */
    private void skipString() {
        expect('"');
        int start = i;
        while (i < b.length && i - start <= MAX_STRING) {
            byte c = b[i];
            if (c == '"') {
                i++;
                return;
            }
            if (c == '\\' || c < 0x20 || c == 0x7f) { // escapes, control characters, and any non-ASCII byte
                throw NotPlain.INSTANCE;
            }
            i++;
        }
        throw NotPlain.INSTANCE;
    }

    /** An integer as JSON writes it (no leading zeros, no fraction or exponent) that fits a long. */
    private long integer() {
        boolean negative = peekIs('-');
        if (negative) {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            if (i - start >= 18) { // 18 digits always fit; longer numbers are Jackson's to judge
                throw NotPlain.INSTANCE;
            }
            value = value * 10 + (b[i] - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || (digits > 1 && b[start] == '0')
                || (i < b.length && (b[i] == '.' || b[i] == 'e' || b[i] == 'E'))) {
            throw NotPlain.INSTANCE;
        }
        return negative ? -value : value;
    }

    private boolean word(String w) {
        if (i + w.length() > b.length) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (b[i + k] != w.charAt(k)) {
                return false;
            }
        }
        i += w.length();
        return true;
    }

    private boolean comma() {
        if (peekIs(',')) {
            i++;
            whitespace();
            return true;
        }
        return false;
    }

    private void whitespace() {
        while (i < b.length) {
            byte c = b[i];
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                if (i + 1 >= b.length || b[i + 1] != '\n') {
                    throw NotPlain.INSTANCE; // Jackson counts a lone CR as a line end; let it
                }
            } else if (c != ' ' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private boolean peekIs(char c) {
        return i < b.length && b[i] == c;
    }

    private void expect(char c) {
        if (!peekIs(c)) {
            throw NotPlain.INSTANCE;
        }
        i++;
    }

    /** This scan cannot decide; no stack trace, as it is routine for unusual journals. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }
}
