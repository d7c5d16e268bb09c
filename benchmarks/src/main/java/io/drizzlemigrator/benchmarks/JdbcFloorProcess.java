package io.drizzlemigrator.benchmarks;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * The floor of a whole Java process: a JVM that connects with pgjdbc, runs {@code select 1} and exits, started with
 * only pgjdbc and this class on its class path (as the CLI's runnable jar holds only what it needs). The harness
 * times it from start to exit, beside {@code java -jar drizzle-migrator.jar migrate}. The password comes from
 * {@code BENCH_DB_PASSWORD}.
 */
public final class JdbcFloorProcess {

    private JdbcFloorProcess() {
    }

    /** {@code JdbcFloorProcess <jdbcUrl> <user>}. */
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", args[1]);
        String password = System.getenv("BENCH_DB_PASSWORD");
        if (password != null) {
            props.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(args[0], props); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
        }
    }

    /** Where this class and pgjdbc's driver were loaded from (a folder or a jar each), as a class path. */
    static String classpath() {
        return location(JdbcFloorProcess.class) + File.pathSeparator + location(org.postgresql.Driver.class);
    }

    private static String location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where " + type.getName() + " was loaded from", e);
        }
    }
}
