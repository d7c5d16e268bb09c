package com.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jar built with {@code process-aot} started in AOT mode, the JVM half of a native image:
 * {@code java -Dspring.aot.enabled=true -jar target/spring-boot-app.jar}. The bean definitions and conditions come
 * from the generated code, and the migrations from the resources the hints keep: it migrates and serves health.
 */
@ExtendWith(PostgresExtension.class)
class AotStartIT {

    @Test
    void theAotProcessedServiceMigratesAtStartupAndServesHealth(TestDatabase db) throws Exception {
        try (ServiceProcess app = ServiceProcess.start(db.libpqUrl(), "-Dspring.aot.enabled=true",
                // to see the readiness group's members
                "-Dmanagement.endpoint.health.group.readiness.show-components=always")) {
            assertThat(app.log()).contains("Starting AOT-processed TasksApplication")
                    .containsPattern("Applied 3 migrations in \\d+ ms");

            JsonNode drizzle = app.getJson("/actuator/health", 200).path("components").path("drizzle");
            assertThat(drizzle.path("status").asString()).isEqualTo("UP");
            assertThat(drizzle.path("details").path("applied").asInt()).isEqualTo(3);
            JsonNode readiness = app.getJson("/actuator/health/readiness", 200);
            assertThat(readiness.path("components").path("drizzle").path("status").asString()).isEqualTo("UP");
            assertThat(app.getJson("/actuator/drizzle", 200).path("migrators").path("drizzleMigrator")
                    .path("upToDate").asBoolean()).isTrue();
            assertThat(app.postJson("/tasks", "{\"title\":\"Built ahead of time\"}").statusCode()).isEqualTo(201);
        }
        assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(3);
    }

    @Test
    void theNativeImageMetadataOfTheBuildKeepsTheMigrationFolder() throws Exception {
        Path target = Path.of(System.getProperty("app.jar", "target/spring-boot-app.jar")).toAbsolutePath()
                .getParent();
        Path metadata = target.resolve("classes/META-INF/native-image/io.drizzlemigrator/"
                + "drizzle-migrator-example-spring-boot-app/reachability-metadata.json");
        assertThat(metadata).as("written by process-aot").isRegularFile();
        JsonNode resources = JsonMapper.builder().build().readTree(Files.readString(metadata)).path("resources");
        assertThat(resources.valueStream().map(r -> r.path("glob").asString())).contains("drizzle/migrations/**");
    }
}
