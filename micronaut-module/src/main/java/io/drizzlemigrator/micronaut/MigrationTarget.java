package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationListener;
import io.drizzlemigrator.TenantsView;
import io.drizzlemigrator.health.MigrationHealthTracker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.sql.DataSource;

/** What the integration keeps for one configured datasource: its settings, listeners, DataSource and migrator. */
final class MigrationTarget {

    final DrizzleMigrationsConfiguration config;
    final MigrationHealthTracker health;
    final List<MigrationListener> listeners;
    /**
     * Held while the startup run is started, and for the whole run when it is not {@code async}, so that the DataSource
     * listener and the startup event never both migrate.
     */
    final Object startupLock = new Object();
    /** The startup run's outcome: its result (null for tenants), or its failure. */
    final CompletableFuture<MigrateResult> startupRun = new CompletableFuture<>();
    /** With {@code tenants.*}: what startup did or found, per tenant (not known before). */
    volatile TenantsView tenants;

    // guarded by this
    private DataSource dataSource;
    private DrizzleMigrator migrator;
    // guarded by startupLock
    private boolean startupStarted;

    /** @param listeners every listener of this datasource's runs, {@code health} (the one tracker) among them */
    MigrationTarget(DrizzleMigrationsConfiguration config, MigrationHealthTracker health,
            List<MigrationListener> listeners) {
        this.config = config;
        this.health = health;
        this.listeners = List.copyOf(listeners);
        this.tenants = TenantsView.of(config.getTenants().getStartup(), null);
    }

    /** Whether this datasource is schema-per-tenant: its startup fans out over the tenants instead of one table. */
    boolean hasTenants() {
        return config.getTenants().isConfigured();
    }

    String name() {
        return config.getName();
    }

    /** Remembers the DataSource (being) created under this name; the next run uses it. */
    synchronized void attach(DataSource dataSource) {
        if (this.dataSource != dataSource) {
            this.dataSource = dataSource;
            this.migrator = null;
        }
    }

    synchronized DataSource dataSource() {
        return dataSource;
    }

    /** The migrator, built on first use by {@code factory} from the attached DataSource (null with a dedicated URL). */
    synchronized DrizzleMigrator migrator(Function<DataSource, DrizzleMigrator> factory) {
        if (migrator == null) {
            migrator = factory.apply(dataSource);
        }
        return migrator;
    }

    boolean startupStarted() {
        synchronized (startupLock) {
            return startupStarted;
        }
    }

    /** Marks the startup run started; false when it already was. */
    boolean startStartup() {
        synchronized (startupLock) {
            boolean first = !startupStarted;
            startupStarted = true;
            return first;
        }
    }
}
