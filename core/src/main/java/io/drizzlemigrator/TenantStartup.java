package io.drizzlemigrator;

import java.util.Locale;

/**
 * What a schema-per-tenant service does with its tenants at startup ({@link FanOut.Builder#startup(TenantStartup)}),
 * the {@code startup} setting of the Spring Boot and Micronaut tenant settings.
 */
public enum TenantStartup {
    /** Migrate every tenant (the canary, when one is given, alone first; its failure fails startup). */
    ALL,
    /**
     * Migrate the canary only, and read the state of the others without the lock: a Job (the CLI's {@code fanout})
     * migrates them. The canary's failure fails startup.
     */
    CANARY;

    /** As the settings spell it: {@code all}, {@code canary}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
