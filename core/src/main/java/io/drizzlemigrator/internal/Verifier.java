package io.drizzlemigrator.internal;

import io.drizzlemigrator.VerificationReport;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.VerificationSection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the VERIFICATION QUERIES sections of migrations: each query in a read-only transaction of its own with a
 * statement timeout, so that a query with side effects fails instead of changing anything, a slow one cannot hold the
 * database, and one failure does not hide the others' results.
 */
final class Verifier {

    /** How long one verification query may run. */
    static final String STATEMENT_TIMEOUT = "30s";

    private Verifier() {
    }

    static VerificationReport run(Connection c, List<MigrationFile> applied) throws SQLException {
        List<VerificationReport.Query> out = new ArrayList<>();
        for (MigrationFile m : applied) {
            String sql = m.sql();
            if (VerificationSection.line(sql) == 0) {
                continue;
            }
            for (PreparedMigration.Step step : VerificationSection.statements(m.prepare(), sql)) {
                out.add(query(c, m.file(), step));
            }
        }
        return new VerificationReport(out);
    }

    private static VerificationReport.Query query(Connection c, String file, PreparedMigration.Step step)
            throws SQLException {
        String sql = step.sql().strip();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN READ ONLY");
            try {
                s.execute("SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT + "'");
                Boolean result = null;
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        result = rs.next() && rs.getObject(1) instanceof Boolean b ? b : null;
                    }
                }
                return new VerificationReport.Query(file, step.line(), sql, result, null);
            } catch (SQLException e) {
                return new VerificationReport.Query(file, step.line(), sql, null, e.getMessage());
            } finally {
                s.execute("ROLLBACK");
            }
        }
    }
}
