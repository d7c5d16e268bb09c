package com.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Starts the packaged jar as a person would ({@code java -jar target/spring-boot-app.jar}, with
 * {@code DATABASE_URL}), against a fresh database, and reads what they would open in a browser.
 */
@ExtendWith(PostgresExtension.class)
class TasksApplicationIT {

    private static final List<String> TAGS = List.of("0000_create_tasks", "0001_add_task_paused_status",
            "0002_add_task_owner");

    @Test
    void thePackagedServiceMigratesAtStartupAndServesHealthDrizzleAndPrometheus(TestDatabase db) throws Exception {
        try (ServiceProcess app = ServiceProcess.start(db.libpqUrl())) {
            JsonNode health = app.getJson("/actuator/health", 200);
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").path("drizzle").path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").path("drizzle").path("details").path("applied").asInt())
                    .isEqualTo(3);
            assertThat(app.getJson("/actuator/health/readiness", 200).path("status").asString()).isEqualTo("UP");
            assertThat(app.getJson("/actuator/health/liveness", 200).path("status").asString()).isEqualTo("UP");

            String drizzleText = app.get("/actuator/drizzle", 200);
            JsonNode drizzle = app.json(drizzleText).path("migrators").path("drizzleMigrator");
            assertThat(drizzle.path("upToDate").asBoolean()).isTrue();
            assertThat(drizzle.path("migrations").valueStream().map(m -> m.path("tag").asString()))
                    .containsExactlyElementsOf(TAGS);
            assertThat(drizzle.path("migrations").valueStream().map(m -> m.path("state").asString()))
                    .containsOnly("applied");
            assertThat(drizzle.path("migrations").valueStream().map(m -> m.path("durationMillis").isNumber()))
                    .containsOnly(true);
            assertThat(drizzle.path("migrations").get(2).path("transactional").asBoolean()).isFalse();
            assertThat(drizzle.path("lock").path("state").asString()).isEqualTo("idle");
            assertThat(drizzleText).doesNotContain("CREATE").doesNotContain("ALTER");

            String prometheus = app.get("/actuator/prometheus", 200);
            assertThat(prometheus).containsPattern(
                    "drizzle_migrations_applied_migrations_total\\{[^}]*datasource=\"dataSource\"[^}]*outcome=\"success\"[^}]*} 3\\.0")
                    .containsPattern("drizzle_migrations_pending_migrations\\{[^}]*} 0\\.0");

            HttpResponse<String> created = app.postJson("/tasks", "{\"title\":\"Write the runbook\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode task = app.json(created.body());
            assertThat(task.path("status").asString()).isEqualTo("open");
            assertThat(task.path("owner").asString()).isEqualTo("unassigned");
            assertThat(app.getJson("/tasks", 200).valueStream().map(t -> t.path("title").asString()))
                    .containsExactly("Write the runbook");

            // the probes of docs/kubernetes.md's manifests answer
            for (String path : KubernetesDoc.springPart().actuatorPaths()) {
                app.get(path, 200);
            }

            assertThat(app.log()).containsPattern("Applied 3 migrations in \\d+ ms");
        }
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);
    }
}
