package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Another session's query as a log line may show it: no literal values, no comments, one line, cut. */
class LiteralMaskTest {

    @Test
    void stringsAndNumbersOfEveryKindBecomeQuestionMarks() {
        assertThat(LiteralMask.mask("UPDATE accounts SET email = 'a@x.org', balance = 12.50e3 WHERE id = 42", 200))
                .isEqualTo("UPDATE accounts SET email = ?, balance = ? WHERE id = ?");
        assertThat(LiteralMask.mask("select E'it\\'s', B'101', X'ff', N'nat', U&'d\\0061t', $$body$$, $f$x$f$", 200))
                .isEqualTo("select ?, ?, ?, ?, ?, ?, ?");
        assertThat(LiteralMask.mask("select 'it''s' || .5 || 0x1F", 200)).isEqualTo("select ? || ? || ?");
    }

    @Test
    void identifiersParametersAndQuotedNamesStayAsTheyAre() {
        assertThat(LiteralMask.mask("select t1.col2, \"Weird 'name' 7\" from t1 where x = $1", 200))
                .isEqualTo("select t1.col2, \"Weird 'name' 7\" from t1 where x = $1");
    }

    @Test
    void commentsAreDroppedAndWhitespaceCollapsedToOneLine() {
        assertThat(LiteralMask.mask("select 1 -- password=hunter2\n  from /* token 'abc' */ t\n", 200))
                .isEqualTo("select ? from t");
    }

    @Test
    void aQueryCutByTheServerInsideALiteralIsMaskedToTheEnd() {
        assertThat(LiteralMask.mask("insert into t values ('secret that goes on", 200))
                .isEqualTo("insert into t values (?");
    }

    @Test
    void aLongQueryIsCutToTheLimitWithAnEllipsis() {
        String masked = LiteralMask.mask("select " + "a, ".repeat(200) + "'x'", 50);
        assertThat(masked).hasSizeLessThanOrEqualTo(50).hasSizeGreaterThan(45).endsWith("…").doesNotContain("'");
        assertThat(LiteralMask.mask(null, 200)).isEmpty();
    }
}
