package io.drizzlemigrator.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.internal.BenchmarkAccess;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * What runs in each fresh JVM the harness starts: one tool, timed in-process, twice (the first call pays class
 * loading as a service's start does; the second is warm). Prints one line {@code RESULT key=value ...}; the
 * password, if any, comes from {@code BENCH_DB_PASSWORD}, never from the command line.
 *
 * <p>Nothing is loaded before the first timed call beyond what {@code main} itself needs and the logging a service
 * has initialised before it migrates (SLF4J), so the cold figure includes the JDBC driver and the tool.
 */
public final class Probe {

    static final String BREAKPOINT = "--> statement-breakpoint";

    /**
     * drizzle-migrator's mode; {@code drizzle-migrator:memo-off} switches the hash memo off for the whole process.
     */
    static final String DM_MODE = "drizzle-migrator";

    private Probe() {
    }

    /**
     * {@code Probe drizzle-migrator|jdbc-noop|jdbc-apply|flyway|flyway-group <jdbcUrl> <user> [<folder>]}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Probe <drizzle-migrator|jdbc-noop|jdbc-apply|flyway|flyway-group> "
                    + "<jdbcUrl> <user> [<folder>]");
            System.exit(2);
        }
        String mode = args[0];
        String url = args[1];
        String user = args[2];
        String folder = args.length > 3 ? args[3] : null;
        String password = System.getenv("BENCH_DB_PASSWORD");
        // A service has initialised its logging (and logged its first line) before it migrates: so do the probes,
        // for every tool alike, before any clock starts.
        org.slf4j.LoggerFactory.getLogger(Probe.class).debug("probe {} starting", mode);
        Map<String, Object> out = new LinkedHashMap<>();
        if (mode.startsWith(DM_MODE)) {
            // every variant turns every switch before the clock starts, so that all pay the same for it
            String variant = mode.substring(DM_MODE.length());
            BenchmarkAccess.hashMemo(!variant.equals(":memo-off"));
            if (!List.of("", ":memo-off").contains(variant)) {
                System.err.println("unknown variant " + mode);
                System.exit(2);
            }
            mode = DM_MODE;
        }
        switch (mode) {
            case DM_MODE -> drizzleMigrator(url, user, password, folder, out);
            case "jdbc-noop" -> jdbcNoop(url, user, password, out);
            case "jdbc-apply" -> jdbcApply(url, user, password, folder, out);
            case "flyway" -> flyway(url, user, password, folder, false, out);
            case "flyway-group" -> flyway(url, user, password, folder, true, out);
            default -> {
                System.err.println("unknown mode " + mode);
                System.exit(2);
            }
        }
        StringBuilder line = new StringBuilder("RESULT");
        out.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
    }

    private static void drizzleMigrator(String url, String user, String password, String folder,
            Map<String, Object> out) {
        long t0 = System.nanoTime();
        MigrateResult first = DrizzleMigrator.configure().dataSource(url, user, password)
                .location("filesystem:" + folder).load().migrate();
        long t1 = System.nanoTime();
        firstDone();
        memoryAfterFirstCall(out);
        long allocBefore = threadAllocated();
        MigrateResult second = DrizzleMigrator.configure().dataSource(url, user, password)
                .location("filesystem:" + folder).load().migrate();
        long t2 = System.nanoTime();
        out.put("first_ms", ms(t0, t1));
        out.put("second_ms", ms(t1, t2));
        out.put("alloc_second_mb", mb(threadAllocated() - allocBefore));
        out.put("applied_first", first.appliedCount());
        out.put("applied_second", second.appliedCount());
        // as in a running service: its HikariCP pool holds an open connection (drizzle-orm's second call likewise
        // reuses its node-postgres pool's connection)
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(1);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            // the pool's connection is open, and has run a statement, before the clock starts: a running service's
            // pool has (HikariCP loads its statement and result set proxies on the first one)
            try (Connection open = dataSource.getConnection(); Statement st = open.createStatement();
                    ResultSet rs = st.executeQuery("select 1")) {
                rs.next();
            }
            DrizzleMigrator pooled = DrizzleMigrator.configure().dataSource(dataSource)
                    .location("filesystem:" + folder).load();
            long t3 = System.nanoTime();
            pooled.migrate();
            out.put("pooled_ms", ms(t3, System.nanoTime()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jdbcNoop(String url, String user, String password, Map<String, Object> out)
            throws SQLException {
        long t0 = System.nanoTime();
        connectAndQuery(url, user, password);
        long t1 = System.nanoTime();
        firstDone();
        memoryAfterFirstCall(out);
        connectAndQuery(url, user, password);
        long t2 = System.nanoTime();
        out.put("first_ms", ms(t0, t1));
        out.put("second_ms", ms(t1, t2));
        try (Connection c = DriverManager.getConnection(url, props(user, password))) {
            long t3 = System.nanoTime();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
                rs.next();
            }
            out.put("pooled_ms", ms(t3, System.nanoTime()));
        }
    }

    private static void connectAndQuery(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, props(user, password)); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
        }
    }

    /**
     * The apply floor: the same statements (drizzle's breakpoint pieces, journal order) sent one by one on one
     * connection in one transaction, files read before the clock starts.
     */
    private static void jdbcApply(String url, String user, String password, String folder, Map<String, Object> out)
            throws SQLException {
        List<String> pieces = new ArrayList<>();
        for (String text : BenchmarkAccess.sqlTexts(Path.of(folder))) {
            for (String piece : text.split(BREAKPOINT, -1)) {
                pieces.add(piece);
            }
        }
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, props(user, password))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String piece : pieces) {
                    s.execute(piece);
                }
            }
            c.commit();
        }
        long t1 = System.nanoTime();
        firstDone();
        memoryAfterFirstCall(out);
        out.put("first_ms", ms(t0, t1));
        out.put("statements", pieces.size());
    }

    private static void flyway(String url, String user, String password, String folder, boolean group,
            Map<String, Object> out) {
        long t0 = System.nanoTime();
        Flyway flyway = Flyway.configure().dataSource(url, user, password).locations("filesystem:" + folder)
                .group(group).load();
        long t1 = System.nanoTime();
        int applied = flyway.migrate().migrationsExecuted;
        long t2 = System.nanoTime();
        firstDone();
        memoryAfterFirstCall(out);
        int appliedSecond = flyway.migrate().migrationsExecuted;
        long t3 = System.nanoTime();
        out.put("load_ms", ms(t0, t1));
        out.put("first_ms", ms(t1, t2));
        out.put("second_ms", ms(t2, t3));
        out.put("applied_first", applied);
        out.put("applied_second", appliedSecond);
    }

    private static Properties props(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** Tells the harness, at once, that the first call has returned (its "whole process" time ends here). */
    private static void firstDone() {
        System.out.println(ProcessRunner.FIRST_DONE);
        System.out.flush();
    }

    /** Peak heap so far (sum of the heap pools' peaks) and bytes the main thread allocated since the JVM started. */
    private static void memoryAfterFirstCall(Map<String, Object> out) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        out.put("heap_peak_mb", mb(peak));
        out.put("alloc_first_mb", mb(threadAllocated()));
    }

    private static long threadAllocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static String ms(long from, long to) {
        return String.format(Locale.ROOT, "%.3f", (to - from) / 1e6);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / 1048576.0);
    }
}
