package io.drizzlemigrator.internal.execute;

import io.drizzlemigrator.Setting;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.ValidationException;
import io.drizzlemigrator.internal.sql.PreparedMigration;
import io.drizzlemigrator.internal.sql.SuppressionComment;
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
 * refused before it takes a lock, and before anything of the run is created (the bookkeeping schema and table
 * included). A statement with {@code -- drizzle-migrator:ignore index-not-concurrent <reason>} (the linter's
 * suppression comment, on a line before it, inside it or at the end of its last line) is let through, and the reason
 * logged.
 */
public final class LargeTableGuard {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final long largeTableRows;

    /** @param largeTableRows the threshold in estimated rows ({@code reltuples}); 0 turns the rule off */
    public LargeTableGuard(long largeTableRows) {
        this.largeTableRows = largeTableRows;
    }

    /** The linter's rule id for a plain index build, which the suppression comment names. */
    private static final String RULE = "index-not-concurrent";

    /** A plain index build of the run, where it is, and the reason given to allow it (null when none). */
    private record PlainBuild(ToApply migration, int line, IndexStatement index, String allowedBecause) {
    }

    /**
     * Refuses the run when one of its plain index builds is on a table bigger than the threshold.
     *
     * @param before the state read before the run, for the refusal
     * @throws ValidationException naming the file and line, the table and its size, the setting and the ways out
     */
    public void check(Connection connection, List<ToApply> migrations, StatusReport before) {
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
                    plain.add(new PlainBuild(m, step.line(), index,
                            SuppressionComment.reasonFor(step.statement(), m.file().sql(), RULE)));
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
            if (estimate <= largeTableRows) {
                continue;
            }
            ToApply m = build.migration();
            String where = m.fileName() + ":" + build.line();
            if (build.allowedBecause() != null) {
                LOG.warn("{}: CREATE INDEX without CONCURRENTLY on {} (about {} rows, more than largeTableRows {})"
                        + " is allowed by its suppression comment: {}; writes to the table wait for the build",
                        where, index.table(), estimate, largeTableRows, build.allowedBecause());
                continue;
            }
            throw new ValidationException("Migration " + m.tag() + " refused at " + where + ": CREATE INDEX"
                    + " without CONCURRENTLY on " + index.table() + ", which has about " + estimate + " rows (more"
                    + " than largeTableRows, now " + largeTableRows + "), would block writes to it for the whole"
                    + " build. Build it with CREATE INDEX CONCURRENTLY IF NOT EXISTS in a migration of its own (it"
                    + " then runs outside a transaction), or, when blocking writes is acceptable, put the comment"
                    + " -- " + SuppressionComment.MARKER + " " + RULE + " <reason> on the line before the"
                    + " statement; or raise largeTableRows. Nothing was applied or created.", before,
                    Setting.LARGE_TABLE_ROWS);
        }
    }
}
