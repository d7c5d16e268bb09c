package io.drizzlemigrator.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classifier agrees with the server: each statement is run inside a transaction block (then rolled back), and
 * PostgreSQL refuses it with SQLState 25001 exactly when it is classified {@link StatementKind#NON_TRANSACTIONAL}.
 * The statements are chosen so that each either runs or is refused for being in a transaction block: any other
 * failure fails the test, since it would prove nothing about the classifier.
 */
@ExtendWith(PostgresExtension.class)
class StatementClassifierServerTest {

    private static final String ACTIVE_SQL_TRANSACTION = "25001";

    private static TestDatabase db;
    private static Connection connection;

    @BeforeAll
    static void createObjects(TestDatabase database) throws SQLException {
        db = database;
        db.execute("CREATE TABLE t (a int, \"concurrently\" int)",
                "CREATE INDEX t_a ON t (a)",
                "CREATE TABLE p (k int) PARTITION BY RANGE (k)",
                "CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10)",
                "CREATE TYPE mood AS ENUM ('sad', 'happy')",
                "CREATE PROCEDURE do_work() LANGUAGE sql AS $$ SELECT 1 $$");
        connection = db.connect();
        connection.setAutoCommit(false);
    }

    @AfterAll
    static void closeConnection() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE INDEX CONCURRENTLY t_a2 ON t (a)",
        "CREATE UNIQUE INDEX CONCURRENTLY t_a3 ON t (a)",
        "CREATE INDEX t_a4 ON t (\"concurrently\")",
        "CREATE INDEX t_a5 ON t (a)",
        "DROP INDEX CONCURRENTLY t_a",
        "DROP INDEX t_a",
        "REINDEX TABLE CONCURRENTLY t",
        "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
        "REINDEX (CONCURRENTLY) TABLE t",
        "REINDEX (CONCURRENTLY false) TABLE t",
        "REINDEX TABLE t",
        "REINDEX DATABASE ${db}",
        "REINDEX SYSTEM ${db}",
        "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
        "ALTER TABLE p DETACH PARTITION p1",
        "VACUUM",
        "VACUUM (ANALYZE) t",
        "ANALYZE t",
        "CREATE DATABASE dmt_never_created",
        "DROP DATABASE IF EXISTS dmt_never_created",
        "ALTER DATABASE ${db} SET TABLESPACE pg_default",
        "ALTER DATABASE ${db} SET work_mem = '8MB'",
        "CREATE TABLESPACE never_created LOCATION '/nonexistent'",
        "DROP TABLESPACE IF EXISTS never_created",
        "ALTER SYSTEM SET work_mem = '8MB'",
        "CLUSTER",
        "CLUSTER VERBOSE",
        "CLUSTER t USING t_a",
        "DISCARD ALL",
        "DISCARD PLANS",
        "COMMIT PREPARED 'never_prepared'",
        "ROLLBACK PREPARED 'never_prepared'",
        "CREATE SUBSCRIPTION never_sub CONNECTION 'dbname=nosuch' PUBLICATION nopub",
        "CREATE SUBSCRIPTION never_sub CONNECTION 'dbname=nosuch' PUBLICATION nopub WITH (connect = false)",
        "CREATE SUBSCRIPTION never_sub CONNECTION 'dbname=nosuch' PUBLICATION nopub "
                + "WITH (connect = false, create_slot = false, enabled = false, slot_name = NONE)",
        "ALTER TYPE mood ADD VALUE 'meh'",
        "CALL do_work()",
        "SAVEPOINT s",
    })
    void refusesInATransactionBlockExactlyWhatIsClassifiedNonTransactional(String template) throws SQLException {
        String sql = template.replace("${db}", db.name());
        List<SqlStatement> statements = SqlLexer.split(sql);
        assertThat(statements).hasSize(1);
        boolean classifiedNonTransactional =
                StatementClassifier.classify(statements.get(0)).kind() == StatementKind.NON_TRANSACTIONAL;

        String refusal = null;
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            if (!ACTIVE_SQL_TRANSACTION.equals(e.getSQLState())) {
                throw new AssertionError("the statement failed for another reason than a transaction block (SQLState "
                        + e.getSQLState() + "), so it proves nothing about the classifier: " + sql, e);
            }
            refusal = e.getMessage();
        } finally {
            connection.rollback();
        }
        assertThat(refusal != null)
                .as("server refused it in a transaction block (%s) but the classifier said %s", refusal,
                        StatementClassifier.classify(statements.get(0)))
                .isEqualTo(classifiedNonTransactional);
    }
}
