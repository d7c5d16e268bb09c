package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementClassifierTest {

    private static Classification classify(String sql) {
        List<SqlStatement> statements = SqlLexer.split(sql);
        assertThat(statements).as("statements of %s", sql).hasSize(1);
        return StatementClassifier.classify(statements.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "  \n", "-- just a comment\n", "/* c */ ;", "\uFEFF", "\r\n--\r\n"})
    void classifiesNothingButWhitespaceCommentsAndSemicolonsAsEmpty(String sql) {
        assertThat(classify(sql)).isEqualTo(new Classification(StatementKind.EMPTY, "empty statement"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            BEGIN;                                              | BEGIN    | BEGIN
            begin work;                                         | BEGIN    | BEGIN
            BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE;     | BEGIN    | BEGIN
            /* why */ Begin;                                    | BEGIN    | BEGIN
            START TRANSACTION READ ONLY;                        | BEGIN    | START TRANSACTION
            COMMIT;                                             | COMMIT   | COMMIT
            COMMIT WORK;                                        | COMMIT   | COMMIT
            commit transaction and no chain;                    | COMMIT   | COMMIT
            COMMIT AND CHAIN;                                   | COMMIT   | COMMIT
            END;                                                | COMMIT   | END
            end transaction                                     | COMMIT   | END
            ROLLBACK;                                           | ROLLBACK | ROLLBACK
            ROLLBACK WORK AND CHAIN;                            | ROLLBACK | ROLLBACK
            ABORT;                                              | ROLLBACK | ABORT
            ROLLBACK TO SAVEPOINT s;                            | OTHER    | ROLLBACK TO SAVEPOINT
            ROLLBACK TO s;                                      | OTHER    | ROLLBACK TO
            rollback transaction to savepoint s;                | OTHER    | ROLLBACK TO SAVEPOINT
            SAVEPOINT s;                                        | OTHER    | SAVEPOINT
            """)
    void recognisesTransactionControl(String sql, StatementKind kind, String description) {
        assertThat(classify(sql)).isEqualTo(new Classification(kind, description));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            CREATE INDEX CONCURRENTLY i ON t (a);                           | CREATE INDEX CONCURRENTLY
            create index concurrently if not exists "i" on "t" using btree ("a"); | CREATE INDEX CONCURRENTLY
            CREATE UNIQUE INDEX CONCURRENTLY i ON t (a);                    | CREATE UNIQUE INDEX CONCURRENTLY
            CREATE INDEX CONCURRENTLY ON t (a);                             | CREATE INDEX CONCURRENTLY
            DROP INDEX CONCURRENTLY i;                                      | DROP INDEX CONCURRENTLY
            DROP INDEX CONCURRENTLY IF EXISTS "s"."i";                      | DROP INDEX CONCURRENTLY
            REINDEX TABLE CONCURRENTLY t;                                   | REINDEX CONCURRENTLY
            REINDEX INDEX CONCURRENTLY i;                                   | REINDEX CONCURRENTLY
            REINDEX (VERBOSE) TABLE CONCURRENTLY x;                         | REINDEX CONCURRENTLY
            REINDEX (CONCURRENTLY) TABLE t;                                 | REINDEX CONCURRENTLY
            REINDEX (VERBOSE, CONCURRENTLY true) SCHEMA s;                  | REINDEX CONCURRENTLY
            REINDEX (TABLESPACE ts, CONCURRENTLY on) TABLE t;               | REINDEX CONCURRENTLY
            REINDEX DATABASE app;                                           | REINDEX DATABASE
            reindex system app;                                             | REINDEX SYSTEM
            REINDEX (VERBOSE) DATABASE;                                     | REINDEX DATABASE
            ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;                 | DETACH PARTITION CONCURRENTLY
            ALTER TABLE IF EXISTS "s"."p" DETACH PARTITION "s"."p1" CONCURRENTLY; | DETACH PARTITION CONCURRENTLY
            VACUUM;                                                         | VACUUM
            VACUUM (ANALYZE, VERBOSE) t;                                    | VACUUM
            vacuum full t                                                   | VACUUM
            CREATE DATABASE app;                                            | CREATE DATABASE
            DROP DATABASE IF EXISTS app WITH (FORCE);                       | DROP DATABASE
            ALTER DATABASE app SET TABLESPACE fast;                         | ALTER DATABASE SET TABLESPACE
            CREATE TABLESPACE fast LOCATION '/ssd';                         | CREATE TABLESPACE
            DROP TABLESPACE fast;                                           | DROP TABLESPACE
            ALTER SYSTEM SET work_mem = '64MB';                             | ALTER SYSTEM
            CLUSTER;                                                        | CLUSTER
            CLUSTER VERBOSE;                                                | CLUSTER
            CLUSTER (VERBOSE);                                              | CLUSTER
            DISCARD ALL;                                                    | DISCARD ALL
            COMMIT PREPARED 'tx1';                                          | COMMIT PREPARED
            ROLLBACK PREPARED 'tx1';                                        | ROLLBACK PREPARED
            CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p;        | CREATE SUBSCRIPTION
            CREATE SUBSCRIPTION s CONNECTION 'dbname=a' PUBLICATION p WITH (create_slot = true); | CREATE SUBSCRIPTION
            CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p WITH (enabled = false, copy_data = false); | CREATE SUBSCRIPTION
            DROP SUBSCRIPTION s;                                            | DROP SUBSCRIPTION
            DROP SUBSCRIPTION IF EXISTS s CASCADE;                          | DROP SUBSCRIPTION
            ALTER SUBSCRIPTION s REFRESH PUBLICATION;                       | ALTER SUBSCRIPTION REFRESH PUBLICATION
            ALTER SUBSCRIPTION s SET PUBLICATION p2;                        | ALTER SUBSCRIPTION SET PUBLICATION
            ALTER SUBSCRIPTION s ADD PUBLICATION p2 WITH (refresh = true);  | ALTER SUBSCRIPTION ADD PUBLICATION
            """)
    void recognisesStatementsPostgresRefusesInATransactionBlock(String sql, String description) {
        assertThat(classify(sql)).isEqualTo(new Classification(StatementKind.NON_TRANSACTIONAL, description));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            CREATE INDEX i ON t (a);                                        | CREATE INDEX
            CREATE UNIQUE INDEX i ON t (a);                                 | CREATE UNIQUE INDEX
            CREATE INDEX foo ON t (concurrently);                           | CREATE INDEX
            CREATE INDEX concurrently_idx ON t (a);                         | CREATE INDEX
            CREATE INDEX "concurrently" ON t (a);                           | CREATE INDEX
            DROP INDEX i;                                                   | DROP INDEX
            DROP INDEX IF EXISTS concurrently_idx;                          | DROP INDEX
            REINDEX TABLE t;                                                | REINDEX
            REINDEX (CONCURRENTLY false) TABLE t;                           | REINDEX
            REINDEX (VERBOSE) INDEX i;                                      | REINDEX
            ALTER TABLE p DETACH PARTITION p1;                              | ALTER TABLE
            ALTER TABLE p DETACH PARTITION p1 FINALIZE;                     | ALTER TABLE
            ALTER TABLE t ADD CONSTRAINT c CHECK (concurrently > 0);        | ALTER TABLE
            ALTER TYPE mood ADD VALUE 'meh';                                | ALTER TYPE
            ALTER DATABASE app SET default_tablespace = fast;               | ALTER DATABASE
            CLUSTER t;                                                      | CLUSTER
            CLUSTER VERBOSE t USING i;                                      | CLUSTER
            CLUSTER (VERBOSE) t;                                            | CLUSTER
            DISCARD PLANS;                                                  | DISCARD
            CALL do_work();                                                 | CALL
            ANALYZE t;                                                      | ANALYZE
            CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p WITH (create_slot = false); | CREATE SUBSCRIPTION
            CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p WITH (slot_name = NONE, create_slot = 'off', enabled = false); | CREATE SUBSCRIPTION
            CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p WITH ("create_slot" = 0); | CREATE SUBSCRIPTION
            CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p WITH (connect = false); | CREATE SUBSCRIPTION
            ALTER SUBSCRIPTION s SET PUBLICATION p2 WITH (refresh = false); | ALTER SUBSCRIPTION SET PUBLICATION
            ALTER SUBSCRIPTION s DISABLE;                                   | ALTER SUBSCRIPTION
            CREATE TABLE "users" ("id" serial PRIMARY KEY);                 | CREATE TABLE
            CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql; | CREATE OR REPLACE FUNCTION
            CREATE UNLOGGED TABLE t (a int);                                | CREATE UNLOGGED TABLE
            CREATE MATERIALIZED VIEW v AS SELECT 1;                         | CREATE MATERIALIZED VIEW
            CREATE SCHEMA "app";                                            | CREATE SCHEMA
            DROP TABLE t CASCADE;                                           | DROP TABLE
            DO $$ BEGIN VACUUM; END $$;                                     | DO
            INSERT INTO t VALUES (1);                                       | INSERT
            WITH x AS (SELECT 1) SELECT * FROM x;                           | WITH
            BEGIN ATOMIC;                                                   | BEGIN ATOMIC
            START;                                                          | START
            (SELECT 1);                                                     | (
            """)
    void classifiesEverythingElseAsOtherWithItsLeadingKeywords(String sql, String description) {
        assertThat(classify(sql)).isEqualTo(new Classification(StatementKind.OTHER, description));
    }

    @Test
    void decidesOnTheStatementNotOnCommentsBeforeIt() {
        assertThat(classify("-- VACUUM\n/* CREATE INDEX CONCURRENTLY */ CREATE INDEX i ON t (a);").kind())
                .isEqualTo(StatementKind.OTHER);
        assertThat(classify("-- note\nCREATE /* unique? */ INDEX -- yes\n CONCURRENTLY i ON t (a);").description())
                .isEqualTo("CREATE INDEX CONCURRENTLY");
    }

    @Test
    void classifiesASqlStandardFunctionBodyAsOneOtherStatement() {
        Classification c = classify("CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC COMMIT; VACUUM; END;");
        assertThat(c).isEqualTo(new Classification(StatementKind.OTHER, "CREATE PROCEDURE"));
    }

    @Test
    void keepsOtherDescriptionsShort() {
        String sql = "'" + "x".repeat(100) + "';";
        assertThat(classify(sql).description()).hasSizeLessThanOrEqualTo(43);
    }
}
