package io.drizzlemigrator.interop;

import io.drizzlemigrator.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh databases ({@link TestDatabase}) for one test, dropped after it in the background: {@code DROP DATABASE}
 * waits for a checkpoint, and this suite makes about eighty databases. Register with
 * {@code @RegisterExtension final ScratchDatabases databases = new ScratchDatabases();}. Pending drops are finished
 * before the JVM exits.
 */
final class ScratchDatabases implements AfterEachCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabases.class);
    private static final ExecutorService DROPPER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "interop-database-dropper");
        t.setDaemon(true);
        return t;
    });

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DROPPER.shutdown();
            try {
                if (!DROPPER.awaitTermination(2, TimeUnit.MINUTES)) {
                    LOG.warn("Some test databases were not dropped in time (dmt_* on the test server)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "interop-database-dropper-shutdown"));
    }

    private final List<TestDatabase> created = new ArrayList<>();

    /** An empty database, dropped after the current test. */
    synchronized TestDatabase create(String hint) {
        TestDatabase db = TestDatabase.create(hint);
        created.add(db);
        return db;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        created.forEach(ScratchDatabases::dropLater);
        created.clear();
    }

    /** Drops {@code db} in the background; a failure is logged (the database is left behind), never thrown. */
    static void dropLater(TestDatabase db) {
        DROPPER.execute(() -> {
            try {
                db.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not drop test database {}: {}", db.name(), e.getMessage());
            }
        });
    }
}
