package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.SqlLexer;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import io.drizzlemigrator.internal.sql.SuppressionComment;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * The suppression comments of one file.
 *
 * <ul>
 * <li>{@code -- drizzle-migrator:ignore <rule-id>[,<rule-id>...] <reason>} on its own line(s) before a statement (after
 * the previous statement), on a line inside it, or after it on its last line: that statement's findings of those
 * rules are dropped.</li>
 * <li>{@code -- drizzle-migrator:ignore-file <rule-id>[,<rule-id>...] <reason>} in the header (the comment lines at
 * the top of the file): the file's findings of those rules are dropped.</li>
 * </ul>
 * A comment without a rule id, with an unknown rule id or without a reason suppresses nothing and is reported
 * ({@code invalid-suppression}); one that suppresses nothing is reported as {@code unused-suppression}.
 */
final class Suppressions {

    static final String MARKER = SuppressionComment.MARKER;
    private static final String FILE_MARKER = SuppressionComment.FILE_MARKER;

    private static final Suppressions NONE = new Suppressions(List.of());

    private final List<Directive> directives;

    private Suppressions(List<Directive> directives) {
        this.directives = directives;
    }

    /** One valid comment. */
    private static final class Directive {
        final boolean wholeFile;
        final List<Rule> rules;
        final int line;
        final int column;
        /** Whether code precedes the comment on its line. */
        final boolean trailing;
        final boolean[] used;

        Directive(boolean wholeFile, List<Rule> rules, int line, int column, boolean trailing) {
            this.wholeFile = wholeFile;
            this.rules = rules;
            this.line = line;
            this.column = column;
            this.trailing = trailing;
            this.used = new boolean[rules.size()];
        }
    }

    /**
     * Reads the suppression comments of {@code sql}; malformed ones go to {@code sink} as
     * {@code invalid-suppression}.
     *
     * @param headerEnd the last line of the file's header (its leading comment block), 0 when there is none
     */
    static Suppressions parse(String sql, String file, int headerEnd, Sink sink) {
        if (!sql.contains(MARKER)) {
            return NONE;
        }
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(sql);
        } catch (SqlSyntaxException e) {
            return NONE; // reported as invalid-file
        }
        List<Directive> directives = new ArrayList<>();
        for (Token t : tokens) {
            if (t.type() == TokenType.LINE_COMMENT && t.text().contains(MARKER)) {
                Directive d = directive(sql, file, t, headerEnd, sink);
                if (d != null) {
                    directives.add(d);
                }
            }
        }
        return directives.isEmpty() ? NONE : new Suppressions(directives);
    }

    private static Directive directive(String sql, String file, Token t, int headerEnd, Sink sink) {
        SuppressionComment c = SuppressionComment.read(t.text());
        if (c == null) {
            return null; // the marker inside prose: not a directive
        }
        if (c.malformed() != null) {
            invalid(sink, file, t, c.malformed());
            return null;
        }
        boolean wholeFile = c.wholeFile();
        String kind = c.marker();
        String ids = c.ids();
        List<Rule> rules = new ArrayList<>();
        for (String id : c.ruleIds()) {
            Rule rule = Rule.byId(id);
            if (rule == null) {
                invalid(sink, file, t, "'-- " + kind + " " + ids + "' names the unknown rule '" + id + "', so it "
                        + "suppresses nothing; the rule ids are listed in docs/lint-rules.md");
                return null;
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            invalid(sink, file, t, "'-- " + kind + "' names no rule, so it suppresses nothing");
            return null;
        }
        if (c.reason().isEmpty()) {
            invalid(sink, file, t, "'-- " + kind + " " + ids + "' gives no reason, so it suppresses nothing: "
                    + "say why the finding is safe here");
            return null;
        }
        if (wholeFile && t.line() > headerEnd) {
            invalid(sink, file, t, "'-- " + FILE_MARKER + " " + ids + "' is below the file's header, so it "
                    + "suppresses nothing: move it into the comment block at the top of the file");
            return null;
        }
        return new Directive(wholeFile, List.copyOf(rules), t.line(), t.column(), codeBefore(sql, t.offset()));
    }

    private static boolean codeBefore(String sql, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = sql.charAt(i);
            if (c == '\n' || c == '\r') {
                return false;
            }
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    private static void invalid(Sink sink, String file, Token t, String message) {
        sink.add(new Draft(Rule.INVALID_SUPPRESSION, file, t.line(), t.column(), message,
                "-- " + MARKER + " <rule-id> <reason> on the line before the statement or at its end; -- "
                        + FILE_MARKER + " <rule-id> <reason> in the header for the whole file.", null));
    }

    /** Whether a comment suppresses {@code draft} (and marks that comment used). */
    boolean suppresses(Draft draft) {
        boolean suppressed = false;
        for (Directive d : directives) {
            int r = d.rules.indexOf(draft.rule());
            if (r < 0) {
                continue;
            }
            boolean applies;
            if (d.wholeFile) {
                applies = true;
            } else if (draft.scope() == null) {
                applies = false;
            } else {
                Draft.Scope s = draft.scope();
                applies = d.trailing ? d.line >= s.firstLine() && d.line <= s.lastLine()
                        : d.line > s.previousEnd() && d.line <= s.lastLine();
            }
            if (applies) {
                d.used[r] = true;
                suppressed = true;
            }
        }
        return suppressed;
    }

    /** Reports comments that suppressed nothing, for rules that are on. */
    void reportUnused(String file, Sink sink) {
        for (Directive d : directives) {
            for (int r = 0; r < d.rules.size(); r++) {
                Rule rule = d.rules.get(r);
                if (!d.used[r] && sink.wants(rule)) {
                    sink.add(new Draft(Rule.UNUSED_SUPPRESSION, file, d.line, d.column,
                            "'" + (d.wholeFile ? FILE_MARKER : MARKER) + " " + rule.id() + "' suppresses nothing"
                                    + (d.wholeFile ? " in this file" : ": no finding of that rule on the statement it"
                                    + " belongs to (the next one, or the one it ends)"),
                            "Remove it, or move it next to the statement it is meant for.", null));
                }
            }
        }
    }
}
