package io.drizzlemigrator.health;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.StatusReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as the engine sends them, built by hand for the tests that check a listener's reaction to one sequence
 * exactly (the real-PostgreSQL tests check that the engine sends such sequences).
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** A status with the given states, one migration each, tags {@code 0000_m}, {@code 0001_m}, ... */
    public static StatusReport status(MigrationState... states) {
        List<MigrationInfo> infos = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            MigrationState s = states[i];
            boolean applied = s == MigrationState.APPLIED || s == MigrationState.EDITED || s == MigrationState.UNKNOWN;
            infos.add(new MigrationInfo(tag(i), s == MigrationState.UNKNOWN ? null : tag(i) + ".sql", s, 1732000000000L + i * 1000L, s == MigrationState.UNKNOWN ? null
                    : "h" + i, applied ? "h" + i : null, null, true));
        }
        return new StatusReport("filesystem:/migrations", "\"drizzle\".\"__drizzle_migrations\"", infos);
    }

    public static String tag(int i) {
        return String.format("%04d_m", i);
    }

    public static MigrationEvent.MigrationApplied applied(String tag, long millis, boolean transactional) {
        return new MigrationEvent.MigrationApplied(new AppliedMigration(tag, Duration.ofMillis(millis), transactional,
                1));
    }

    public static MigrationEvent.RunFinished finished(long millis, StatusReport after, AppliedMigration... applied) {
        return new MigrationEvent.RunFinished(new MigrateResult(List.of(applied), List.of(), Duration.ofMillis(millis),
                Duration.ZERO, after));
    }

    /**
     * A failure as the engine reports a unique violation: its message quotes the statement and the server's DETAIL
     * (which echoes the row's value); the cause is pgjdbc-shaped (ERROR line, then DETAIL on the next line).
     */
    public static MigrationFailedException uniqueViolation(String tag, String secretValue) {
        SQLException cause = new SQLException("ERROR: duplicate key value violates unique constraint \"users_email_key\""
                + "\n  Detail: Key (email)=(" + secretValue + ") already exists.", "23505");
        String message = "Migration " + tag + " failed at " + tag + ".sql:3 (statement 2 of 2: insert into users"
                + " (email) values ('" + secretValue + "')): [23505] duplicate key value violates unique constraint"
                + " \"users_email_key\" (Key (email)=(" + secretValue + ") already exists.). State left behind:"
                + " rolled back, nothing recorded. Fix the migration (or the database) and run again.";
        return new MigrationFailedException(message, tag, tag + ".sql", 3, "23505", "rolled back, nothing recorded",
                List.of(), cause);
    }
}
