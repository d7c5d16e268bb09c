package io.drizzlemigrator.internal;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.internal.jdbc.Connections;
import io.drizzlemigrator.internal.jdbc.PostgresUrl;
import io.drizzlemigrator.internal.plan.Plan;
import io.drizzlemigrator.internal.review.Traced;
import io.drizzlemigrator.internal.review.Tracer;
import io.drizzlemigrator.internal.source.MigrationFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch database of {@code plan --trace}: created on the target's server under a unique name (or given by its
 * URL), handed to the {@link Tracer}, and dropped in any case. The target itself only sees {@code CREATE DATABASE}
 * and {@code DROP DATABASE} of another database.
 */
final class ScratchTrace {

    private static final Logger LOG = LoggerFactory.getLogger("io.drizzlemigrator.DrizzleMigrator");
    private static final Pattern JDBC_DATABASE = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

    private final MigratorConfiguration config;
    private final String password;
    private final Session session;
    /** The URL of the scratch database the caller gave, or null to create one. */
    private final String scratchUrl;

    ScratchTrace(MigratorConfiguration config, String password, Session session, String scratchUrl) {
        this.config = config;
        this.password = password;
        this.session = session;
        this.scratchUrl = scratchUrl;
    }

    /** Replays the applied migrations, traces {@code toRun}; by tag and statement number. */
    Map<String, Map<Integer, Traced>> run(Plan plan, PreparedCache prepared, List<MigrationFile> toRun)
            throws SQLException {
        List<Tracer.Replay> applied = new ArrayList<>();
        for (Plan.Entry e : plan.entries()) {
            if (e.state() == MigrationState.APPLIED || e.state() == MigrationState.EDITED) {
                applied.add(new Tracer.Replay(e.migration().tag(), e.migration().file(),
                        prepared.apply(e.migration())));
            }
        }
        List<Tracer.Replay> pending = new ArrayList<>();
        for (MigrationFile m : toRun) {
            pending.add(new Tracer.Replay(m.tag(), m.file(), prepared.apply(m)));
        }
        if (scratchUrl != null) {
            PostgresUrl url = PostgresUrl.parse(scratchUrl);
            String user = url.user() != null ? url.user() : config.user().orElse(null);
            String pw = url.password() != null ? url.password() : password;
            return new Tracer(() -> open(url.jdbcUrl(), user, pw)).trace(applied, pending);
        }
        String target = config.url().orElse(null);
        Matcher m = target == null ? null : JDBC_DATABASE.matcher(target);
        if (m == null || !m.matches()) {
            throw new ConfigurationException("A traced plan creates its scratch database beside the target, from the"
                    + " target's URL, but " + (target == null ? "the migrator was given a DataSource"
                    : "the database of " + PostgresUrl.redact(target) + " cannot be told apart") + ": give the URL"
                    + " of an empty scratch database (CLI: --scratch-url; library: MigrationPlan.Trace.scratchUrl)."
                    + " The target was not touched.");
        }
        String name = "drizzle_plan_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        String url = m.group(1) + name + m.group(3);
        session.activity = "creating the scratch database " + name + " (CREATE DATABASE; needs CREATEDB)";
        try (Statement s = session.connection.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        }
        LOG.info("plan --trace: scratch database {} created on the target's server", name);
        Throwable primary = null;
        try {
            return new Tracer(() -> open(url, config.user().orElse(null), password)).trace(applied, pending);
        } catch (RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            drop(name, primary);
        }
    }

    private Connection open(String url, String user, String pw) throws SQLException {
        Connection c = Connections.open(null, url, user, pw);
        if (config.searchPath().isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("select set_config('search_path', ?, false)")) {
                ps.setString(1, config.searchPath().get());
                ps.execute();
            }
        }
        return c;
    }

    /** Drops the scratch database; a failure is logged, and never hides the trace's own error. */
    private void drop(String name, Throwable primary) {
        try (Statement s = session.connection.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            LOG.info("plan --trace: scratch database {} dropped", name);
        } catch (SQLException e) {
            String message = "Could not drop the scratch database " + name + ": " + e.getMessage() + "; drop it with"
                    + " DROP DATABASE \"" + name + "\"";
            if (primary != null) {
                LOG.warn(message);
            } else {
                throw new DrizzleMigratorException(message, e);
            }
        }
    }
}
