package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.SqlLexer;
import io.drizzlemigrator.internal.sql.SqlStatement;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code DO [LANGUAGE plpgsql] $$ ... $$}: drizzle-kit wraps foreign keys and enum creation in
 * {@code DO $$ BEGIN ... EXCEPTION WHEN duplicate_object THEN null; END $$;}. The body is lexed and each statement in
 * it that starts a DDL command gets the rules, at its line in the file.
 */
final class DoBlocks {

    private static final Set<String> DDL_VERBS = Set.of("alter", "create", "drop", "reindex");

    private final RuleContext m;
    /** The rules for one DDL command found in a body. */
    private final Consumer<Words> rules;

    DoBlocks(RuleContext m, Consumer<Words> rules) {
        this.m = m;
        this.rules = rules;
    }

    void doBlock(Words w) {
        Token body = null;
        boolean plpgsql = true;
        for (int i = 1; i < w.end; i++) {
            Token t = w.at(i);
            if (t.type() == TokenType.DOLLAR_STRING && body == null) {
                body = t;
            } else if (w.is(i, "LANGUAGE") && w.has(i + 1)) {
                plpgsql = Words.identifier(w.at(i + 1)).equals("plpgsql");
            }
        }
        if (body == null || !plpgsql) {
            return;
        }
        String text = body.text();
        int tagLength = text.indexOf('$', 1) + 1;
        if (tagLength <= 0 || text.length() < 2 * tagLength) {
            return;
        }
        List<SqlStatement> inner;
        try {
            inner = SqlLexer.split(text.substring(tagLength, text.length() - tagLength), body.line(),
                    body.column() + tagLength);
        } catch (SqlSyntaxException e) {
            return; // plpgsql the SQL lexer cannot follow: no finding rather than a wrong one
        }
        SqlStatement outer = m.statement();
        for (SqlStatement st : inner) {
            List<Token> tokens = st.significantTokens();
            int start = ddlStart(tokens);
            if (start >= 0) {
                m.reading(st);
                rules.accept(new Words(tokens.subList(start, tokens.size())));
            }
        }
        m.reading(outer);
    }

    /** Where a DDL command starts in a plpgsql statement: at the start or after BEGIN/THEN/ELSE/LOOP; or -1. */
    private static int ddlStart(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() != TokenType.WORD) {
                return -1;
            }
            if (DDL_VERBS.contains(Words.lower(t.text()))) {
                return i;
            }
            String word = Words.lower(t.text());
            if (!(word.equals("begin") || word.equals("then") || word.equals("else") || word.equals("loop"))) {
                return -1;
            }
        }
        return -1;
    }
}
