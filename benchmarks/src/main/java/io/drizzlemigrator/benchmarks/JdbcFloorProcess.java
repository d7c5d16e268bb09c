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

    /** This module's classes and pgjdbc's jar, taken from the harness's own class path. */
    static String classpath(String harnessClasspath) {
        StringBuilder cp = new StringBuilder();
        for (String entry : harnessClasspath.split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (entry.endsWith("classes") && entry.contains("benchmarks") || name.startsWith("postgresql-")) {
                cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(entry);
            }
        }
        return cp.toString();
    }
}
