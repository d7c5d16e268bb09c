package com.example.notes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the service on Spring Boot 3.5 against a fresh database, and reads what an operator would. */
@ExtendWith(PostgresExtension.class)
class NotesApplicationTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void migratesAtStartupAndServesHealthAndTheDrizzleEndpoint(TestDatabase db) throws Exception {
        try (ConfigurableApplicationContext app = SpringApplication.run(NotesApplication.class, "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + Objects.toString(db.password(), ""))) {
            assertThat(db.queryLong("select count(*) from drizzle.__drizzle_migrations")).isEqualTo(2);
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");

            JsonNode health = getJson(base + "/actuator/health");
            assertThat(health.path("status").asText()).isEqualTo("UP");
            JsonNode drizzleHealth = health.path("components").path("drizzle");
            assertThat(drizzleHealth.path("status").asText()).isEqualTo("UP");
            assertThat(drizzleHealth.path("details").path("applied").asInt()).isEqualTo(2);
            assertThat(drizzleHealth.path("details").path("lastApplied").asText())
                    .isEqualTo("0001_index_notes_created_at");
            assertThat(getJson(base + "/actuator/health/readiness").path("status").asText()).isEqualTo("UP");
            assertThat(getJson(base + "/actuator/health/liveness").path("status").asText()).isEqualTo("UP");
            // the probes' groups show no components on Boot 3: ask the application who is a member
            HealthEndpointGroups groups = app.getBean(HealthEndpointGroups.class);
            assertThat(groups.get("readiness").isMember("drizzle")).isTrue();
            assertThat(groups.get("liveness").isMember("drizzle")).isFalse();

            JsonNode drizzle = getJson(base + "/actuator/drizzle").path("migrators").path("drizzleMigrator");
            assertThat(drizzle.path("upToDate").asBoolean()).isTrue();
            assertThat(drizzle.path("migrations").findValuesAsText("tag"))
                    .containsExactly("0000_create_notes", "0001_index_notes_created_at");
            assertThat(drizzle.path("migrations").findValuesAsText("state")).containsOnly("applied");
            assertThat(drizzle.path("migrations").get(1).path("transactional").asBoolean()).isFalse();

            assertThat(getJson(base + "/notes").isArray()).as("the migrated table answers").isTrue();
        }
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
