package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrizzleEndpointTest {

    @Test
    void listsEveryMigrationWithItsStateHashAndTheDurationOfThoseThisProcessApplied() throws Exception {
        try (TestDatabase db = TestDatabase.create("mn_endpoint")) {
            try (ApplicationContext ctx = TestContexts.run(db, "drizzle.migrations.datasources.default.enabled", true)) {
                Map<String, Object> report = ctx.getBean(DrizzleEndpoint.class).migrations().get();

                Map<String, Object> ds = datasource(report, "default");
                assertThat(ds).containsEntry("location", "classpath:drizzle/migrations")
                        .containsEntry("table", "drizzle.__drizzle_migrations")
                        .containsEntry("migrateOnStartup", true)
                        .containsEntry("target", "DataSource default")
                        .containsEntry("upToDate", true);
                assertThat(ds).extractingByKey("counts").asInstanceOf(MAP)
                        .containsEntry("applied", journalEntries()).containsEntry("pending", 0);
                List<Map<String, Object>> migrations = migrations(ds);
                assertThat(migrations).hasSize(journalEntries());
                Map<String, Object> first = migrations.get(0);
                assertThat(first).containsEntry("tag", "0000_create_tasks")
                        .containsEntry("state", "applied")
                        .containsEntry("hash", sha256("drizzle/migrations/0000_create_tasks.sql"))
                        .containsEntry("appliedByThisProcess", true)
                        .containsEntry("transactional", true)
                        .containsKeys("appliedAt", "duration", "durationMillis", "createdAt");
                assertThat(migrations).allSatisfy(m -> assertThat(m).containsEntry("appliedByThisProcess", true));
                assertThat(migrations.get(2)).containsEntry("transactional", false);
            }
            try (ApplicationContext restarted = TestContexts.run(db,
                    "drizzle.migrations.datasources.default.enabled", true)) {
                Map<String, Object> report = restarted.getBean(DrizzleEndpoint.class).report();
                List<Map<String, Object>> migrations = migrations(datasource(report, "default"));
                assertThat(migrations).allSatisfy(m -> assertThat(m)
                        .containsEntry("state", "applied")
                        .containsEntry("appliedByThisProcess", false)
                        .doesNotContainKeys("duration", "durationMillis"));
                // read from the file, not from this process's memory
                assertThat(migrations.get(2)).containsEntry("transactional", false);
            }
        }
    }

    @Test
    void servesCoresViewInTheShapeEveryFaceShares() {
        try (TestDatabase db = TestDatabase.create("mn_endpoint_shape");
                ApplicationContext ctx = TestContexts.run(db, "drizzle.migrations.datasources.default.enabled", true)) {
            Map<String, Object> report = ctx.getBean(DrizzleEndpoint.class).report();

            assertThat(report).containsOnlyKeys(StatusView.BODY_KEY);
            Map<String, Object> ds = datasource(report, "default");
            List<String> expected = new ArrayList<>(StatusView.KEYS);
            expected.remove("error");
            assertThat(ds.keySet()).containsExactlyElementsOf(expected);
            assertThat(ds).isEqualTo(ctx.getBean(DrizzleMigrations.class).view("default").toMap());
            assertThat(ds).extractingByKey("counts").asInstanceOf(MAP).containsOnlyKeys(StatusView.COUNT_KEYS);
            assertThat(ds).extractingByKey("lock").asInstanceOf(MAP).containsEntry("state", "idle");
        }
    }

    @Test
    void serialisesWithoutSqlTextOrPasswords() throws IOException {
        String password = "Endp0int-secret";
        try (TestDatabase db = TestDatabase.create("mn_endpoint_json");
                ApplicationContext ctx = TestContexts.run(db,
                        "drizzle.migrations.datasources.default.enabled", true,
                        "drizzle.migrations.datasources.unreachable.enabled", false,
                        "drizzle.migrations.datasources.unreachable.url",
                        "postgresql://app:" + password + "@127.0.0.1:1/app")) {
            Map<String, Object> report = ctx.getBean(DrizzleEndpoint.class).report();
            String json = ctx.getBean(JsonMapper.class).writeValueAsString(report);

            assertThat(json).contains("\"0002_add_task_owner\"")
                    .doesNotContainIgnoringCase("create index")
                    .doesNotContainIgnoringCase("alter table")
                    .doesNotContain(password);
            assertThat(datasource(report, "unreachable")).containsEntry("migrateOnStartup", false)
                    .extractingByKey("error").asInstanceOf(MAP)
                    .containsEntry("type", "DatabaseConnectionException");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> datasource(Map<String, Object> report, String name) {
        return ((Map<String, Map<String, Object>>) report.get(StatusView.BODY_KEY)).get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> migrations(Map<String, Object> datasource) {
        return (List<Map<String, Object>>) datasource.get("migrations");
    }

    private static String sha256(String resource) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = DrizzleEndpointTest.class.getClassLoader().getResourceAsStream(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
