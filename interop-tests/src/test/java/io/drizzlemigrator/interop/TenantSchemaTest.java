package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.FanOut;
import io.drizzlemigrator.FanOutResult;
import io.drizzlemigrator.FanOutTarget;
import io.drizzlemigrator.TargetOutcome;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schema-per-tenant with a real folder generated against {@code public} (homarr's: foreign keys qualified with
 * {@code "public".}): the fan-out keeps each tenant's bookkeeping where drizzle's {@code migrationsSchema} puts it,
 * with drizzle's rows, so drizzle's own migrator pointed at a tenant finds nothing left to do; and what drizzle's
 * migrator alone does with {@code migrationsSchema} on a new tenant (drizzle-orm #908).
 */
class TenantSchemaTest {

    private static final String CORPUS = "homarr-labs__homarr";

    @RegisterExtension
    final ScratchDatabases databases = new ScratchDatabases();

    @Test
    void drizzlesOwnMigratorPointedAtAFannedOutTenantFindsNothingLeftToDo() {
        Path folder = InteropFolder.corpus(CORPUS).path();
        int n = MigrationFolders.entries(folder).size();
        TestDatabase db = databases.create("tenants");
        db.execute("CREATE SCHEMA acme", "CREATE SCHEMA globex");

        FanOutResult result = FanOut.configure(Migrators.configure(db, folder).tenantSchemaFrom("public").build())
                .targets(List.of(FanOutTarget.schema("acme"), FanOutTarget.schema("globex"))).run();

        assertThat(result.counts()).containsEntry(TargetOutcome.APPLIED, 2);
        assertThat(tenantRows(db, "acme")).as("drizzle's rows: the files' hashes and the journal's when")
                .isEqualTo(Bookkeeping.expectedV0(folder, n));
        assertThat(db.queryLong("select count(*) from pg_constraint where contype = 'f' and connamespace ="
                + " 'acme'::regnamespace and confrelid::regclass::text not like 'acme.%'"))
                .as("acme's foreign keys that point outside acme").isZero();

        DrizzleOrm.V0.migrateWithSchema(db, folder, "acme");

        assertThat(tenantRows(db, "acme")).as("drizzle added no row").isEqualTo(Bookkeeping.expectedV0(folder, n));
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'"))
                .as("tables drizzle created in public (it would, had it applied anything)").isZero();
        assertThat(DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder.toString())
                .schema("globex").tenantSchemaFrom("public").load().status().isUpToDate()).isTrue();
    }

    @Test
    void drizzlesOwnMigratorWithMigrationsSchemaAloneAppliesATenantsFolderToPublic() {
        Path folder = InteropFolder.corpus(CORPUS).path();
        TestDatabase db = databases.create("drizzle_tenant");
        db.execute("CREATE SCHEMA initech");

        DrizzleOrm.V0.migrateWithSchema(db, folder, "initech");

        assertThat(db.queryLong("select count(*) from initech.__drizzle_migrations")).isEqualTo(
                MigrationFolders.entries(folder).size());
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'initech'"))
                .as("initech holds only the bookkeeping table").isEqualTo(1);
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'"))
                .as("the tenant's tables, landed in public").isGreaterThan(5);
    }

    private static List<Bookkeeping.Row> tenantRows(TestDatabase db, String schema) {
        List<Bookkeeping.Row> rows = new ArrayList<>();
        for (List<Object> r : db.query("select hash, created_at from " + schema + ".__drizzle_migrations order by"
                + " id")) {
            rows.add(new Bookkeeping.Row((String) r.get(0), ((Number) r.get(1)).longValue(), null));
        }
        return rows;
    }
}
