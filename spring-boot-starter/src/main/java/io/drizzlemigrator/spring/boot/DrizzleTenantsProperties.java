package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.TenantStartup;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Schema-per-tenant, under {@code drizzle.migrations.tenants.*}: at startup, migrate every tenant schema (or only a
 * canary, leaving the rest to a Job running the CLI's {@code fanout}) with the folder and settings of
 * {@code drizzle.migrations.*}, each tenant's bookkeeping in its own schema. Active when {@code schemas} or
 * {@code query} is set. See docs/multi-tenant.md.
 */
@ConfigurationProperties(prefix = DrizzleTenantsProperties.PREFIX)
public class DrizzleTenantsProperties {

    /** The prefix of every property of this class. */
    public static final String PREFIX = DrizzleMigrationsProperties.PREFIX + ".tenants";

    /** The tenant schemas, for example acme,globex. */
    private List<String> schemas = new ArrayList<>();

    /**
     * A query against the migration database whose first column lists the tenant schemas, for example "select
     * schema_name from tenants where active". A query that fails or returns no rows fails startup.
     */
    private String query;

    /** "all" migrates every tenant at startup; "canary" migrates the canary only and leaves the rest to a Job. */
    private TenantStartup startup = TenantStartup.ALL;

    /** The tenant migrated first (alone); when it fails, startup fails and no other tenant is migrated. */
    private String canary;

    /** How many tenants migrate at once. */
    private int parallelism = MigratorDefaults.FAN_OUT_PARALLELISM;

    /** Stop starting tenants once one failed. */
    private boolean failFast;

    /** Create a tenant schema that does not exist (by default such a tenant is reported as failed). */
    private boolean createSchemas;

    public List<String> getSchemas() {
        return schemas;
    }

    public void setSchemas(List<String> schemas) {
        this.schemas = schemas;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public TenantStartup getStartup() {
        return startup;
    }

    public void setStartup(TenantStartup startup) {
        this.startup = startup;
    }

    public String getCanary() {
        return canary;
    }

    public void setCanary(String canary) {
        this.canary = canary;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    public boolean isFailFast() {
        return failFast;
    }

    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public boolean isCreateSchemas() {
        return createSchemas;
    }

    public void setCreateSchemas(boolean createSchemas) {
        this.createSchemas = createSchemas;
    }
}
