package io.drizzlemigrator.internal;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DatabaseConnectionException;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.Setting;
import io.drizzlemigrator.internal.history.HistoryTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A database error of the run's own statements (reading or creating the history, taking the lock), not of a
 * migration's: the server refusing what the settings ask of it is a configuration to fix (a missing privilege, with
 * the GRANT to give; a read-only server or session), anything else is reported as it came. A migration's own
 * statements fail as {@code MigrationFailedException}, never through here.
 */
final class DatabaseRefusal {

    private static final String READ_ONLY = "25006";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private DatabaseRefusal() {
    }

    /**
     * @param connection the session's connection, still open: the catalog is asked which privileges are missing
     * @param activity what the run was doing, naming the statement ("creating drizzle.__drizzle_migrations (CREATE
     *                 SCHEMA ...)")
     * @param write whether the command writes (migrate) or only reads (status, validate)
     */
    static DrizzleMigratorException describe(SQLException e, Connection connection, HistoryTable history,
            String activity, boolean write) {
        String state = e.getSQLState();
        String doing = Character.toUpperCase(activity.charAt(0)) + activity.substring(1);
        String refused = doing + " was refused: " + e.getMessage() + " [SQLState " + state + "]. ";
        String outcome = write ? " Nothing was applied." : " Nothing was changed.";
        if (READ_ONLY.equals(state)) {
            boolean standby = inRecovery(connection, e);
            return new ConfigurationException(refused + (standby
                    ? "This server is read-only (a standby?): point the URL at the primary."
                    : "The session is read-only: default_transaction_read_only is on (for the role, the database or"
                    + " the server, e.g. ALTER ROLE ... SET default_transaction_read_only = on), or initSql makes it"
                    + " read-only; migrations need a read-write session.") + outcome,
                    standby ? Setting.URL : null, e);
        }
        if (INSUFFICIENT_PRIVILEGE.equals(state)) {
            List<String> grants = List.of();
            try {
                grants = history.missingGrants(connection, write);
            } catch (SQLException lookup) {
                e.addSuppressed(lookup);
            }
            String needs = write ? "read, create and write " : "read ";
            return new ConfigurationException(refused + "The role needs the privileges to " + needs
                    + history.displayName() + (grants.isEmpty() ? "." : "; as the database's owner, run: "
                    + String.join("; ", grants) + ";") + outcome, null, e);
        }
        if (state != null && state.startsWith("08")) {
            return new DatabaseConnectionException("Lost the connection to the database: " + e.getMessage()
                    + " [SQLState " + state + "]. If a migration was running, the error above says what it left.", e);
        }
        String text = "Database error while " + activity + ": " + e.getMessage()
                + (state == null ? "" : " [SQLState " + state + "]") + "." + outcome;
        // reading is never a failed migration: status and validate report the database as unusable, not a failure
        return write ? new DrizzleMigratorException(text, e) : new DatabaseConnectionException(text, e);
    }

    private static boolean inRecovery(Connection connection, SQLException e) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException lookup) {
            e.addSuppressed(lookup);
            return false;
        }
    }
}
