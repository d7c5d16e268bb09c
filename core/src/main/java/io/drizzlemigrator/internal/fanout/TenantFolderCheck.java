package io.drizzlemigrator.internal.fanout;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.Setting;
import io.drizzlemigrator.internal.source.LoadedFolder;
import io.drizzlemigrator.internal.source.MigrationFile;
import io.drizzlemigrator.internal.sql.SchemaQualifiers;
import io.drizzlemigrator.internal.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a folder can be applied to tenant schemas, checked once before any target runs. drizzle-kit qualifies names
 * with {@code "public".} (foreign keys, enums): applied to a tenant as it is, such a statement changes {@code public},
 * not the tenant. Without {@code tenantSchemaFrom} that is refused, because only the team knows whether it means the
 * tenant's table or a table shared in {@code public} on purpose; with it, what the mapping cannot reach (a
 * qualifier inside a dollar-quoted body) is refused.
 */
public final class TenantFolderCheck {

    private static final String PUBLIC = "public";
    private static final int SHOWN = 3;

    private TenantFolderCheck() {
    }

    /**
     * @param tenantSchemaFrom the configured mapping's schema, or null
     * @throws ConfigurationException naming the files, lines and the setting, when the folder cannot be applied to a
     *         tenant schema as configured
     */
    public static void check(LoadedFolder folder, String tenantSchemaFrom) {
        String schema = tenantSchemaFrom != null ? tenantSchemaFrom : PUBLIC;
        List<String> places = new ArrayList<>();
        int count = 0;
        for (MigrationFile m : folder.migrations()) {
            List<SchemaQualifiers.Use> uses;
            try {
                uses = SchemaQualifiers.find(m.sql(), schema);
            } catch (SqlSyntaxException e) {
                throw new MigrationSourceException(m.file(), e.line(), e.getMessage() + ". drizzle-migrator will not"
                        + " apply a file whose statements it cannot delimit; nothing was applied to any target.", e);
            }
            for (SchemaQualifiers.Use u : uses) {
                if (tenantSchemaFrom == null || u.inBody()) {
                    if (count++ < SHOWN) {
                        places.add(m.file() + ":" + u.line() + " (" + u.excerpt() + (u.inBody()
                                ? ", inside a dollar-quoted body)" : ")"));
                    }
                }
            }
        }
        if (count == 0) {
            return;
        }
        String where = String.join(", ", places) + (count > SHOWN ? " and " + (count - SHOWN) + " more" : "");
        if (tenantSchemaFrom == null) {
            throw new ConfigurationException("The targets are tenant schemas, but the migrations name schema public"
                    + " explicitly: " + where + ". Applied to a tenant as they are, these statements would change"
                    + " public, not the tenant's schema. Set tenantSchemaFrom=public to map public's qualifiers to"
                    + " each tenant's schema (identifiers only; strings, comments and dollar-quoted bodies are left"
                    + " alone). If the folder means a table shared in public on purpose, it cannot be applied per"
                    + " tenant as it is: keep the shared tables in a folder of their own, migrated once. Nothing was"
                    + " applied to any target.", Setting.TENANT_SCHEMA_FROM, null);
        }
        throw new ConfigurationException("The migrations name schema " + tenantSchemaFrom + " inside dollar-quoted"
                + " bodies (DO blocks or functions): " + where + ". tenantSchemaFrom=" + tenantSchemaFrom + " maps"
                + " the qualifiers of statements only, never text inside a body (which may build SQL from strings),"
                + " so applied to a tenant these would still reach " + tenantSchemaFrom + "'s tables. Drop the qualifier"
                + " inside those bodies (the tenant's schema comes first on each target's search_path, so an unqualified"
                + " name finds the tenant's table); where the files were applied already, the change is reported as"
                + " an edited migration (editedMigrations), never applied again. Nothing was applied to any target.",
                Setting.TENANT_SCHEMA_FROM, null);
    }
}
