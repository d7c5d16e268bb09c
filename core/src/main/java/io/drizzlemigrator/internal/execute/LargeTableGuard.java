package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The large-table rule, checked for every migration of the run before any is applied: a plain {@code CREATE INDEX}
 * on an existing table with more estimated rows than the threshold blocks writes for the whole build, so it is
 * refused before it takes a lock.
 */
public final class LargeTableGuard {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final long largeTableRows;

    /** @param largeTableRows the threshold in estimated rows ({@code reltuples}); 0 turns the rule off */
    public LargeTableGuard(long largeTableRows) {
        this.largeTableRows = largeTableRows;
    }

    /** A plain index build of the run, where it is. */
    private record PlainBuild(ToApply migration, int line, IndexStatement index) {
    }

    /**
     * Refuses the run when one of its plain index builds is on a table bigger than the threshold.
     *
     * @throws MigrationFailedException naming the file and line, the table and its size, and the ways out
     */
    public void check(Connection connection, List<ToApply> migrations) {
        if (largeTableRows <= 0) {
            return;
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        List<PlainBuild> plain = new ArrayList<>();
        for (ToApply m : migrations) {
            for (PreparedMigration.Step step : m.statements()) {
                IndexStatement index = step.isIndexBuild() ? IndexStatement.parse(step.statement()) : null;
                if (index != null && !index.concurrent()) {
                    rows.put(index.table(), -1L);
                    plain.add(new PlainBuild(m, step.line(), index));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // one round trip for every table of the run (a thousand-migration history has thousands of index builds)
        try {
            IndexGuards.estimatedRows(connection, rows, largeTableRows);
        } catch (SQLException e) {
            LOG.warn("Could not estimate table sizes for the large-table rule, so it was not checked for this run: {}"
                    + " [SQLState {}]", e.getMessage(), e.getSQLState());
            return;
        }
        for (PlainBuild build : plain) {
            IndexStatement index = build.index();
            long estimate = rows.getOrDefault(index.table(), -1L);
            if (estimate > largeTableRows) {
                ToApply m = build.migration();
                String msg = "Migration " + m.tag() + " refused at " + m.fileName() + ":" + build.line()
                        + ": CREATE INDEX without CONCURRENTLY on " + index.table() + ", which has about "
                        + estimate + " rows (more than largeTableRows " + largeTableRows + "), would"
                        + " block writes to it for the whole build. Build it with CREATE INDEX CONCURRENTLY IF NOT"
                        + " EXISTS in a migration of its own (it then runs outside a transaction), or raise"
                        + " largeTableRows. State left behind: nothing of this run was applied.";
                throw new MigrationFailedException(msg, m.tag(), m.fileName(), build.line(), null,
                        "nothing of this run was applied", List.of(), null);
            }
        }
    }
}
