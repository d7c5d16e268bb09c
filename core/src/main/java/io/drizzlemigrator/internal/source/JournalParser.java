package io.drizzlemigrator.internal.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.drizzlemigrator.MigrationSourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams drizzle-kit 0.x's {@code meta/_journal.json} with jackson-core's {@link JsonParser} (no data binding).
 *
 * <p>Reads {@code dialect} and, per entry, {@code tag}, {@code when} and {@code idx}; every other key is skipped
 * whatever its value. Keys may come in any order; a repeated key keeps its last value, as {@code JSON.parse} does.
 * Mistakes in entries are reported after the whole journal has been read, so a journal of another dialect is
 * reported as such first.
 */
final class JournalParser {

    static final String FILE = "meta/_journal.json";

    /** The journal versions drizzle-kit 0.x writes; another one is read as these are, with a warning. */
    static final Set<String> KNOWN_VERSIONS = Set.of("5", "6", "7");

    /** Initialised on first use: see {@code Engine.Log}. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(MigrationFolderReader.class);
    }

    /** Created on first use: a classpath folder of the 1.0 layout has no journal. */
    private static final class Json {
        static final JsonFactory FACTORY = JsonFactory.builder().build();
    }

    private final String where;
    private final JsonParser parser;
    private final List<JournalEntry> entries = new ArrayList<>();
    private MigrationSourceException firstProblem;

    private final Header header;

    private JournalParser(String where, JsonParser parser, Header header) {
        this.where = where;
        this.parser = parser;
        this.header = header;
    }

    /**
     * The journal's entries in array order, each with a tag that is a plain file name and an integral
     * {@code when}; tags are unique.
     *
     * @param where the folder, as error messages name it
     * @throws MigrationSourceException the journal is not valid JSON, not a drizzle PostgreSQL journal, or has an
     *         entry without a usable tag or {@code when}
     */
    static List<JournalEntry> parse(byte[] json, String where) {
        Header header = new Header();
        List<JournalEntry> entries = WithJackson.parse(json, where, header);
        header.check(where);
        checkEntries(entries, where);
        return entries;
    }

    /**
     * What a journal says about itself besides its entries, as the parser found it: read as drizzle reads
     * it, but worth a warning when drizzle-kit would not have written it so.
     */
    static final class Header {

        private String version;
        private int versionLine;
        private boolean dialect;

        /**
         * @param version the top-level {@code version} ({@code <a number>} and the like when it is not a string), or
         *                null when there is none
         * @param dialect whether there is a {@code dialect} (one of PostgreSQL's: others are refused)
         */
        void read(String version, int versionLine, boolean dialect) {
            this.version = version;
            this.versionLine = versionLine;
            this.dialect = dialect;
        }

        void check(String where) {
            if (!dialect) {
                Log.LOG.warn("{}: the journal in {} has no \"dialect\"; read as a PostgreSQL journal. drizzle-kit"
                        + " writes \"dialect\": \"postgresql\": check that this is the PostgreSQL folder", FILE, where);
            }
            if (version != null && !KNOWN_VERSIONS.contains(version)) {
                Log.LOG.warn("{}:{}: the journal in {} has version {}, which this drizzle-migrator does not know (it"
                        + " reads versions {}); read as those are: check for a newer drizzle-migrator", FILE,
                        versionLine, where, version.startsWith("<") ? version : "\"" + printable(version) + "\"",
                        new TreeSet<>(KNOWN_VERSIONS));
            }
        }
    }

    /**
     * What the parser accepts but drizzle-kit never writes: a negative {@code when} is refused (it is not a time,
     * and created_at would sort the migration before every other); a repeated {@code idx} is only a warning (the
     * migrations still apply in the journal's order, as drizzle applies them).
     */
    private static void checkEntries(List<JournalEntry> entries, String where) {
        Map<Integer, JournalEntry> byIdx = new HashMap<>();
        for (JournalEntry entry : entries) {
            if (entry.when() < 0) {
                throw new MigrationSourceException(FILE, entry.line(), "journal entry " + entry.idx() + " (tag "
                        + printable(entry.tag()) + ") in " + where + " has a negative \"when\" (" + entry.when()
                        + "): \"when\" is the epoch milliseconds drizzle stores as created_at; restore it from version"
                        + " control");
            }
            JournalEntry earlier = byIdx.putIfAbsent(entry.idx(), entry);
            if (earlier != null) {
                Log.LOG.warn("{}:{}: journal entries {} and {} in {} both have idx {}; they are applied in the"
                        + " journal's order, but drizzle-kit numbers entries uniquely: check the journal after a"
                        + " merge", FILE, entry.line(), printable(earlier.tag()), printable(entry.tag()), where,
                        entry.idx());
            }
        }
    }

    /**
     * Apart from {@link JournalParser} because its exception handlers name Jackson's exceptions, which the JVM loads
     * when it verifies the class that holds them: a folder without a journal (the 1.0 layout) never loads them.
     */
    private static final class WithJackson {

        static List<JournalEntry> parse(byte[] json, String where, Header header) {
            try (JsonParser parser = Json.FACTORY.createParser(json)) {
                return new JournalParser(where, parser, header).journal();
            } catch (JsonEOFException e) {
                JsonLocation at = e.getLocation();
                throw new MigrationSourceException(FILE, line(at), "the journal in " + where + " ends in the middle"
                        + " of its JSON (line " + line(at) + ", column " + column(at) + "): it is truncated; restore it"
                        + " from version control or regenerate it with drizzle-kit", e);
            } catch (StreamConstraintsException e) {
                throw new MigrationSourceException(FILE, line(e.getLocation()), "the journal in " + where + " exceeds "
                        + "a JSON parser limit (" + e.getOriginalMessage() + "): it is not a drizzle-kit journal", e);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new MigrationSourceException(FILE, line(at), "the journal in " + where + " is not valid JSON"
                        + " at line " + line(at) + ", column " + column(at) + " (" + e.getOriginalMessage() + "): fix"
                        + " it or restore it from version control", e);
            } catch (IOException e) {
                throw FolderAccess.unreadable(FILE, where, e);
            }
        }
    }

    private List<JournalEntry> journal() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new MigrationSourceException(FILE, 1, "the journal in " + where + " is empty: restore it from "
                    + "version control or regenerate it with drizzle-kit");
        }
        if (token != JsonToken.START_OBJECT) {
            throw new MigrationSourceException(FILE, tokenLine(), "the journal in " + where + " is " + kind(token)
                    + ", not a JSON object: a drizzle-kit journal is {\"version\":\"7\",\"dialect\":\"postgresql\","
                    + "\"entries\":[...]}");
        }
        String dialect = null;
        int dialectLine = 0;
        String version = null;
        int versionLine = 0;
        boolean sawEntries = false;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            token = parser.nextToken();
            if ("version".equals(key)) {
                version = token == JsonToken.VALUE_STRING ? parser.getText() : "<" + kind(token) + ">";
                versionLine = tokenLine();
                parser.skipChildren();
            } else if ("dialect".equals(key)) {
                dialect = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                dialectLine = tokenLine();
                parser.skipChildren();
            } else if ("entries".equals(key)) {
                sawEntries = true;
                entries.clear();
                firstProblem = null;
                if (token == JsonToken.START_ARRAY) {
                    readEntries();
                } else {
                    firstProblem = problem(tokenLine(), "\"entries\" in the journal of " + where + " is "
                            + kind(token) + ", not an array: restore the journal from version control");
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new MigrationSourceException(FILE, tokenLine(), "the journal in " + where + " ends in the middle"
                    + " of its JSON: it is truncated; restore it from version control");
        }
        if (parser.nextToken() != null) {
            throw new MigrationSourceException(FILE, tokenLine(), "the journal in " + where + " has more content "
                    + "after its closing '}': remove it or restore the journal from version control");
        }
        if (dialect != null && !"postgresql".equals(dialect) && !"pg".equals(dialect)) {
            throw new MigrationSourceException(FILE, dialectLine, "this journal is for " + printable(dialect)
                    + "; drizzle-migrator applies PostgreSQL folders only (dialect \"postgresql\" or \"pg\"): check "
                    + "that " + where + " is the `out` folder of the PostgreSQL drizzle config");
        }
        if (!sawEntries) {
            throw new MigrationSourceException(FILE, 1, "the journal in " + where + " has no \"entries\" array: "
                    + "restore it from version control or regenerate it with drizzle-kit");
        }
        if (firstProblem != null) {
            throw firstProblem;
        }
        requireUniqueTags();
        header.read(version, versionLine, dialect != null);
        return List.copyOf(entries);
    }

    private void readEntries() throws IOException {
        JsonToken token;
        int position = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonEOFException(parser, null, "end of input inside \"entries\"");
            }
            readEntry(position++, token);
        }
    }

    private void readEntry(int position, JsonToken start) throws IOException {
        int line = tokenLine();
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            noteProblem(line, "journal entry at position " + position + " in " + where + " is " + kind(start)
                    + ", not an object: each entry is {\"idx\":..,\"when\":..,\"tag\":..}");
            return;
        }
        Integer idx = null;
        Long when = null;
        String whenProblem = null;
        int whenLine = line;
        String tag = null;
        String tagProblem = null;
        int tagLine = line;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            token = parser.nextToken();
            switch (key) {
                case "idx" -> idx = token == JsonToken.VALUE_NUMBER_INT
                        && parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : null;
                case "when" -> {
                    whenLine = tokenLine();
                    when = null;
                    whenProblem = null;
                    if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        when = parser.getLongValue();
                    } else if (token == JsonToken.VALUE_NUMBER_INT) {
                        whenProblem = "a \"when\" too large for epoch milliseconds";
                    } else if (token != JsonToken.VALUE_NULL) {
                        whenProblem = "a \"when\" that is " + kind(token) + ", not a whole number";
                    }
                }
                case "tag" -> {
                    tagLine = tokenLine();
                    tag = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                    tagProblem = token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL ? null
                            : "a \"tag\" that is " + kind(token) + ", not a string";
                }
                default -> {
                }
            }
            parser.skipChildren();
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonEOFException(parser, null, "end of input inside a journal entry");
        }
        int effectiveIdx = idx != null ? idx : position;
        String bad = tag == null ? null : tagProblem(tag);
        if (tagProblem == null && tag != null && bad == null && whenProblem == null && when != null) {
            entries.add(new JournalEntry(position, effectiveIdx, when, tag, line));
            return;
        }
        String label = "journal entry " + effectiveIdx + (idx != null ? "" : " (no idx; position " + position + ")");
        if (tagProblem != null) {
            noteProblem(tagLine, label + " in " + where + " has " + tagProblem + ": the tag is the migration's file"
                    + " name without .sql");
        } else if (tag == null) {
            noteProblem(line, label + " in " + where + " has no \"tag\": every entry names its file (the file name "
                    + "without .sql); restore the entry from version control");
        } else if (whenProblem != null) {
            noteProblem(whenLine, label + " (tag " + printable(tag) + ") in " + where + " has " + whenProblem
                    + ": \"when\" is the epoch milliseconds drizzle stores as created_at");
        } else if (when == null) {
            noteProblem(line, label + " (tag " + printable(tag) + ") in " + where + " has no \"when\": restore the"
                    + " entry's \"when\" (epoch milliseconds) from version control");
        } else {
            noteProblem(tagLine, label + " in " + where + " has the tag '" + printable(tag) + "', which " + bad
                    + ": a tag must be a plain file name inside the folder (drizzle-migrator never reads "
                    + "outside it); fix the tag and rename the file to match");
        }
    }

    private void requireUniqueTags() {
        Map<String, JournalEntry> seen = new HashMap<>();
        for (JournalEntry entry : entries) {
            JournalEntry earlier = seen.putIfAbsent(entry.tag(), entry);
            if (earlier != null) {
                throw new MigrationSourceException(FILE, entry.line(), "journal entries " + earlier.idx() + " (line "
                        + earlier.line() + ") and " + entry.idx() + " in " + where + " both have the tag "
                        + printable(entry.tag()) + ": each migration appears once; remove the duplicate entry");
            }
        }
    }

    /** Why {@code tag} is not a plain file name inside the folder, or null when it is one. */
    static String tagProblem(String tag) {
        if (tag.isEmpty()) {
            return "is empty";
        }
        if (tag.equals("..") || tag.equals(".")) {
            return "is a relative path element";
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '/' || c == '\\') {
                return "contains a path separator";
            }
            if (c == ':') {
                return "contains ':' (a drive or stream name on Windows)";
            }
            if (Character.isISOControl(c)) {
                return String.format("contains the control character U+%04X", (int) c);
            }
        }
        return null;
    }

    private void noteProblem(int line, String message) {
        if (firstProblem == null) {
            firstProblem = problem(line, message);
        }
    }

    private static MigrationSourceException problem(int line, String message) {
        return new MigrationSourceException(FILE, line, message);
    }

    private int tokenLine() {
        return line(parser.currentTokenLocation());
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getColumnNr(), 0);
    }

    private static String kind(JsonToken token) {
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() != null ? "'" + token.asString() + "'" : token.name();
        };
    }

    /** {@code s} with control characters escaped and cut to 120 characters, for messages. */
    static String printable(String s) {
        String cut = s.length() > 120 ? s.substring(0, 120) + "..." : s;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * One journal entry.
     *
     * @param position its position in the {@code entries} array
     * @param idx its {@code idx}, or the position when it has none
     * @param when its {@code when}
     * @param tag its tag, a plain file name
     * @param line the journal line where the entry starts
     */
    record JournalEntry(int position, int idx, long when, String tag, int line) {
    }
}
