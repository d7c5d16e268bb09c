package io.drizzlemigrator.internal.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.drizzlemigrator.internal.source.FolderFiles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code meta/_journal.json} leniently, for linting: where the folder reader stops at the first problem, this
 * reports every problem it can see as a finding and keeps every entry that names a file, so the files can still be
 * linted. Streams the JSON with jackson-core.
 */
final class JournalLint {

    static final String FILE = "meta/_journal.json";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * A usable entry: one that names a file.
     *
     * @param when its {@code when}, or null when it has none that is a whole number
     */
    record Entry(int position, Integer idx, Long when, String tag, int line) {

        int effectiveIdx() {
            return idx != null ? idx : position;
        }
    }

    private final Sink sink;
    private final List<Entry> entries = new ArrayList<>();
    private boolean usable = true;

    private JournalLint(Sink sink) {
        this.sink = sink;
    }

    /**
     * The entries that name a file, in array order (each tag once); the journal's problems go to {@code sink}. Null,
     * with an {@code invalid-journal} finding, when the JSON cannot be read at all or is not a PostgreSQL journal.
     *
     * @param nowMillis the current time, for {@code journal-when-in-future}
     */
    static List<Entry> read(byte[] json, long nowMillis, Sink sink) {
        JournalLint lint = new JournalLint(sink);
        try (JsonParser p = JSON.createParser(json)) {
            lint.journal(p);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            lint.problem(Rule.INVALID_JOURNAL, at == null ? 1 : Math.max(at.getLineNr(), 1), "The journal is not valid "
                    + "JSON (" + e.getOriginalMessage() + "): no migrator can read it",
                    "Restore meta/_journal.json from version control, or fix it by hand: {\"version\":\"7\","
                            + "\"dialect\":\"postgresql\",\"entries\":[{\"idx\":0,\"version\":\"7\","
                            + "\"when\":<epoch ms>,"
                            + "\"tag\":\"0000_name\",\"breakpoints\":true}, ...]}");
            return null;
        } catch (IOException e) {
            lint.problem(Rule.INVALID_JOURNAL, 0, "The journal cannot be read (" + e.getMessage() + ")", "");
            return null;
        }
        if (!lint.usable) {
            return null;
        }
        lint.order(nowMillis);
        return lint.entries;
    }

    private void journal(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            problem(Rule.INVALID_JOURNAL, line(p), "The journal is not a JSON object", "A drizzle-kit journal is "
                    + "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[...]}");
            usable = false;
            return;
        }
        boolean sawEntries = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            t = p.nextToken();
            if (key.equals("dialect")) {
                String dialect = t == JsonToken.VALUE_STRING ? p.getText() : null;
                if (dialect != null && !dialect.equals("postgresql") && !dialect.equals("pg")) {
                    problem(Rule.INVALID_JOURNAL, line(p), "The journal is for the dialect \"" + dialect
                            + "\": drizzle-migrator lints and applies PostgreSQL folders only",
                            "Point the linter at the out folder of the PostgreSQL drizzle config.");
                    usable = false;
                }
                p.skipChildren();
            } else if (key.equals("entries")) {
                sawEntries = true;
                entries.clear();
                if (t == JsonToken.START_ARRAY) {
                    int position = 0;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                        entry(p, t, position++);
                    }
                } else {
                    problem(Rule.INVALID_JOURNAL, line(p), "\"entries\" in the journal is not an array",
                            "Restore meta/_journal.json from version control.");
                    usable = false;
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        if (!sawEntries) {
            problem(Rule.INVALID_JOURNAL, 1, "The journal has no \"entries\" array",
                    "Restore meta/_journal.json from version control or regenerate it with drizzle-kit.");
            usable = false;
        }
    }

    private void entry(JsonParser p, JsonToken start, int position) throws IOException {
        int line = line(p);
        if (start != JsonToken.START_OBJECT) {
            p.skipChildren();
            problem(Rule.INVALID_JOURNAL, line, "Journal entry at position " + position + " is not an object",
                    "Each entry is {\"idx\":..,\"version\":\"7\",\"when\":..,\"tag\":..,\"breakpoints\":true}.");
            return;
        }
        Integer idx = null;
        Long when = null;
        boolean whenBad = false;
        String tag = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            t = p.nextToken();
            switch (key) {
                case "idx" -> idx = t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                        ? p.getIntValue() : null;
                case "when" -> {
                    boolean integral = t == JsonToken.VALUE_NUMBER_INT
                            && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
                    when = integral ? p.getLongValue() : null;
                    whenBad = !integral;
                }
                case "tag" -> tag = t == JsonToken.VALUE_STRING ? p.getText() : null;
                default -> {
                }
            }
            p.skipChildren();
        }
        String label = "Journal entry " + (idx != null ? idx : "at position " + position);
        if (tag == null) {
            problem(Rule.INVALID_JOURNAL, line, label + " has no \"tag\" string: it names no file",
                    "Restore the entry from version control; the tag is the file name without .sql.");
            return;
        }
        String bad = FolderFiles.nameProblem(tag);
        if (bad != null) {
            problem(Rule.INVALID_JOURNAL, line, label + " has the tag '" + tag + "', which " + bad,
                    "A tag is a plain file name in the folder: fix it and rename the file to match.");
            return;
        }
        if (whenBad) {
            problem(Rule.INVALID_JOURNAL, line, label + " (" + tag + ") has no \"when\" that is a whole number",
                    "\"when\" is the epoch milliseconds at generation time; drizzle stores it as created_at. "
                            + "Restore it from version control.");
        }
        entries.add(new Entry(position, idx, when, tag, line));
    }

    /** Duplicate tags and idx, {@code when} going backwards or into the future. */
    private void order(long nowMillis) {
        Map<String, Entry> tags = new HashMap<>();
        Map<Integer, Entry> idxs = new HashMap<>();
        List<Entry> unique = new ArrayList<>(entries.size());
        Entry newest = null;
        for (Entry e : entries) {
            Entry sameTag = tags.putIfAbsent(e.tag(), e);
            if (sameTag != null) {
                problem(Rule.JOURNAL_DUPLICATE_TAG, e.line(), "Journal entries " + sameTag.effectiveIdx() + " (line "
                        + sameTag.line() + ") and " + e.effectiveIdx() + " both have the tag " + e.tag()
                        + ": drizzle's migrator runs the file twice, drizzle-migrator refuses the folder",
                        "Remove the duplicate entry (keep the one in the position the file belongs to).");
                continue;
            }
            unique.add(e);
            if (e.idx() != null) {
                Entry sameIdx = idxs.putIfAbsent(e.idx(), e);
                if (sameIdx != null) {
                    problem(Rule.JOURNAL_DUPLICATE_IDX, e.line(), "Journal entries " + sameIdx.tag() + " and "
                            + e.tag() + " both have idx " + e.idx() + ": usually two branches generated a migration "
                            + "with the same number",
                            "Regenerate the later migration on top of the merged branch (drizzle-kit generate), or "
                                    + "renumber it: a new idx, file name and tag, and a \"when\" newer than every "
                                    + "other entry's.");
                }
            }
            if (e.when() != null) {
                if (newest != null && e.when() <= newest.when()) {
                    problem(Rule.JOURNAL_WHEN_NOT_MONOTONIC, e.line(), "Journal entry " + e.tag() + " has \"when\" "
                            + e.when() + " (" + Instant.ofEpochMilli(e.when()) + "), not after " + newest.tag()
                            + "'s " + newest.when() + " (" + Instant.ofEpochMilli(newest.when()) + "): drizzle's "
                            + "migrator silently skips it, forever, on every database that already has "
                            + newest.tag(),
                            "If no database has applied " + newest.tag() + " yet, set this entry's \"when\" to a "
                                    + "value greater than " + newest.when() + ". Otherwise drizzle-migrator reports "
                                    + "the entry as out of order; apply it with outOfOrder = APPLY once it is "
                                    + "checked.");
                }
                if (e.when() > nowMillis) {
                    problem(Rule.JOURNAL_WHEN_IN_FUTURE, e.line(), "Journal entry " + e.tag() + " has \"when\" "
                            + e.when() + " (" + Instant.ofEpochMilli(e.when()) + "), in the future: every "
                            + "migration generated before that time sorts before it, and drizzle's migrator skips "
                            + "them on databases that have this one",
                            "Set \"when\" to the time the migration was generated (epoch milliseconds); check the "
                                    + "clock of the machine that ran drizzle-kit generate.");
                }
                if (newest == null || e.when() > newest.when()) {
                    newest = e;
                }
            }
        }
        entries.clear();
        entries.addAll(unique);
    }

    private void problem(Rule rule, int line, String message, String alternative) {
        sink.add(new Draft(rule, FILE, line, 0, message, alternative, null));
    }

    private static int line(JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }
}
