package io.drizzlemigrator.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code -- drizzle-migrator:ignore <rule-id>[,<rule-id>...] <reason>} (or {@code ignore-file}) comment, read
 * from its line comment token. The linter decides what a comment suppresses (and reports malformed ones); the run's
 * large-table guard reads the same comments, so the reading is here, beside the lexer both use.
 *
 * @param wholeFile whether it is {@code ignore-file}
 * @param ids the rule ids as written ({@code a,b}), empty when none
 * @param reason the text after the ids, stripped; empty when none
 * @param malformed why the comment is not a suppression at all (no separator after the marker, nothing after it), or
 *                  null when it is well formed so far (ids and reason are still to be checked by the reader)
 */
public record SuppressionComment(boolean wholeFile, String ids, String reason, String malformed) {

    public static final String MARKER = "drizzle-migrator:ignore";
    public static final String FILE_MARKER = "drizzle-migrator:ignore-file";

    /** The marker as written: {@code drizzle-migrator:ignore} or {@code drizzle-migrator:ignore-file}. */
    public String marker() {
        return wholeFile ? FILE_MARKER : MARKER;
    }

    /** The rule ids, in order, empty ones (a doubled comma) left out. */
    public List<String> ruleIds() {
        List<String> out = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (!id.isEmpty()) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Reads a line comment token's text ({@code -- ...}); null when it is not a suppression comment (the marker in
     * prose, or no marker).
     */
    public static SuppressionComment read(String lineComment) {
        if (!lineComment.contains(MARKER)) {
            return null;
        }
        String text = lineComment.substring(2).strip();
        if (text.endsWith(PreparedMigration.BREAKPOINT)) {
            text = text.substring(0, text.length() - PreparedMigration.BREAKPOINT.length()).strip();
        }
        boolean wholeFile;
        String rest;
        if (text.startsWith(FILE_MARKER)) {
            wholeFile = true;
            rest = text.substring(FILE_MARKER.length());
        } else if (text.startsWith(MARKER)) {
            wholeFile = false;
            rest = text.substring(MARKER.length());
        } else {
            return null;
        }
        if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
            return new SuppressionComment(wholeFile, "", "", "'" + text + "' is not a suppression comment: write -- "
                    + MARKER + " <rule-id> <reason> or -- " + FILE_MARKER + " <rule-id> <reason>");
        }
        rest = rest.strip();
        if (rest.isEmpty()) {
            return new SuppressionComment(wholeFile, "", "", "'-- " + (wholeFile ? FILE_MARKER : MARKER)
                    + "' names no rule and gives no reason, so it suppresses nothing");
        }
        int space = 0;
        while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
            space++;
        }
        return new SuppressionComment(wholeFile, rest.substring(0, space), rest.substring(space).strip(), null);
    }

    /**
     * The reason a statement's suppression comment gives for {@code ruleId}, the comment before it (after the previous
     * statement), inside it, or at the end of its last line, as the linter reads them; null when there is none.
     *
     * @param sql the whole file, read only when the statement's own tokens hold no such comment
     */
    public static String reasonFor(SqlStatement statement, String sql, String ruleId) {
        String reason = reasonFor(statement.tokens(), -1, ruleId);
        if (reason != null || !sql.contains(MARKER)) {
            return reason;
        }
        int lastLine = statement.line();
        for (Token t : statement.tokens()) {
            if (t.isSignificant()) {
                lastLine = t.line();
            }
        }
        try {
            return reasonFor(SqlLexer.tokenize(sql), lastLine, ruleId);
        } catch (SqlSyntaxException e) {
            return null;
        }
    }

    /** The reason of the first well-formed statement comment for {@code ruleId} (on {@code line} when not -1). */
    private static String reasonFor(List<Token> tokens, int line, String ruleId) {
        for (Token t : tokens) {
            if (t.type() != TokenType.LINE_COMMENT || line != -1 && t.line() != line) {
                continue;
            }
            SuppressionComment c = read(t.text());
            if (c != null && c.malformed() == null && !c.wholeFile() && !c.reason().isEmpty()
                    && c.ruleIds().contains(ruleId)) {
                return c.reason();
            }
        }
        return null;
    }
}
