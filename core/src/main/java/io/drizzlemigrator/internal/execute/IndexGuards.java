package io.drizzlemigrator.internal.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalog look-ups behind the index guards: INVALID indexes left by failed concurrent builds, and estimated table
 * sizes for the large-table rule.
 */
final class IndexGuards {

    private static final Logger LOG = LoggerFactory.getLogger(IndexGuards.class);

    private IndexGuards() {
    }

    /** An existing index of that name on that table: its qualified name, validity, and whether it is being built. */
    record ExistingIndex(String qualifiedName, boolean valid, boolean building) {
    }

    static ExistingIndex find(Connection c, IndexStatement index) throws SQLException {
        if (index.indexName() == null) {
            return null;
        }
        String sql = "select i.indexrelid::regclass::text, i.indisvalid, exists (select 1 from"
                + " pg_stat_progress_create_index p where p.index_relid = i.indexrelid)"
                + " from pg_index i join pg_class ic on ic.oid = i.indexrelid"
                + " where i.indrelid = to_regclass(?) and ic.relname = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, index.table());
            ps.setString(2, index.indexName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ExistingIndex(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)) : null;
            }
        }
    }

    /**
     * Drops an INVALID index left by an earlier failed concurrent build, so that the build (with or without
     * {@code IF NOT EXISTS}) really runs again. Only called under the migration lock; an index still being built
     * by someone else is left alone.
     *
     * @return the dropped index's name, or null
     */
    static String dropIfInvalid(Connection c, IndexStatement index) throws SQLException {
        ExistingIndex existing = find(c, index);
        if (existing == null || existing.valid()) {
            return null;
        }
        if (existing.building()) {
            LOG.warn("Index {} is INVALID but a build of it is in progress in another session; leaving it",
                    existing.qualifiedName());
            return null;
        }
        LOG.warn("Dropping INVALID index {} left by an earlier failed concurrent build, to build it again",
                existing.qualifiedName());
        try (Statement s = c.createStatement()) {
            s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + existing.qualifiedName());
        }
        return existing.qualifiedName();
    }

    /**
     * Fills {@code rows} (table reference as written → estimated rows, -1 when the table does not exist yet) in one
     * query, falling back to one query per table when a reference is one {@code to_regclass} cannot parse.
     */
    static void estimatedRows(Connection c, java.util.Map<String, Long> rows, long limit) throws SQLException {
        java.util.Map<String, String> neverAnalysed = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select t.ref, c.oid::regclass::text, c.reltuples::bigint"
                + " from unnest(?::text[]) as t(ref) join pg_class c on c.oid = to_regclass(t.ref)")) {
            ps.setArray(1, c.createArrayOf("text", rows.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long reltuples = rs.getLong(3);
                    if (reltuples >= 0) {
                        rows.put(rs.getString(1), reltuples);
                    } else {
                        neverAnalysed.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        } catch (SQLException unparsable) {
            for (java.util.Map.Entry<String, Long> e : rows.entrySet()) {
                e.setValue(estimatedRows(c, e.getKey(), limit));
            }
            return;
        }
        for (java.util.Map.Entry<String, String> e : neverAnalysed.entrySet()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from (select 1 from " + e.getValue() + " limit "
                            + (limit + 1) + ") s")) {
                rs.next();
                rows.put(e.getKey(), rs.getLong(1));
            }
        }
    }

    /**
     * The table's row count as far as it matters for the large-table rule: the planner's estimate
     * ({@code reltuples}), or for a never-analysed table an exact count bounded by {@code limit + 1}. -1 when the
     * table does not exist (yet).
     */
    static long estimatedRows(Connection c, String table, long limit) throws SQLException {
        String qualified;
        long reltuples;
        try (PreparedStatement ps = c.prepareStatement(
                "select oid::regclass::text, reltuples::bigint from pg_class where oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                qualified = rs.getString(1);
                reltuples = rs.getLong(2);
            }
        } catch (SQLException e) {
            return -1; // a reference to_regclass cannot parse: leave the statement to PostgreSQL
        }
        if (reltuples >= 0) {
            return reltuples;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from (select 1 from " + qualified + " limit "
                        + (limit + 1) + ") s")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
