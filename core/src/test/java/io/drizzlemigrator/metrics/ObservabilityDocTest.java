package io.drizzlemigrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.health.MigrationHealth;
import io.drizzlemigrator.health.MigrationHealthTracker;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/observability.md says what the code does: its snippet runs, and it lists every meter and state. */
class ObservabilityDocTest {

    @TempDir
    Path dir;

    @Test
    void theWiringSnippetRunsAsWrittenInTheDoc() throws Exception {
        Path classpath = dir.resolve("classes");
        TestFolder.in(classpath.resolve("drizzle/migrations"))
                .migration("0000_users", "create table users (id serial primary key);").write();
        SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (TestDatabase db = TestDatabase.create("observability_doc");
                URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);

            assertThat(wiring(db.dataSource(), meterRegistry)).isTrue();
            assertThat(meterRegistry.get(DrizzleMigrationMetrics.APPLIED).tags("datasource", "main", "schema",
                    "drizzle").tag(DrizzleMigrationMetrics.TAG_OUTCOME, DrizzleMigrationMetrics.SUCCESS).counter()
                    .count()).isEqualTo(1);
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertThat(doc()).contains("```java\n" + snippet() + "```");
    }

    private static boolean wiring(DataSource dataSource, MeterRegistry meterRegistry) {
        // doc:start
        DrizzleMigrationMetrics metrics = new DrizzleMigrationMetrics(Tags.of("datasource", "main", "schema", "drizzle"));
        metrics.bindTo(meterRegistry);
        MigrationHealthTracker health = new MigrationHealthTracker(true);
        DrizzleMigrator migrator = DrizzleMigrator.configure()
                .dataSource(dataSource)
                .location("classpath:drizzle/migrations")
                .listener(metrics)
                .listener(health)
                .load();
        migrator.migrate();
        boolean ready = health.current().isReady();
        // doc:end
        return ready;
    }

    @Test
    void everyMeterIsListedWithItsPrometheusSeries() throws Exception {
        String doc = doc();
        List<String> names = new ArrayList<>();
        for (Field f : DrizzleMigrationMetrics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof String value
                    && value.startsWith("drizzle.migrations.")) {
                names.add(value);
            }
        }
        assertThat(names).hasSize(11);
        for (String name : names) {
            assertThat(doc).as(name).contains("| `" + name + "` |");
        }

        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new DrizzleMigrationMetrics().bindTo(prometheus);
        Matcher family = Pattern.compile("(?m)^# TYPE (\\S+) ").matcher(prometheus.scrape());
        int families = 0;
        while (family.find()) {
            families++;
            String series = family.group(1).replaceFirst("_max$", "");
            assertThat(doc).as(family.group(1)).contains("`" + series);
        }
        assertThat(families).isGreaterThanOrEqualTo(names.size());
    }

    @Test
    void everyHealthStateIsDescribed() throws IOException {
        String doc = doc();
        for (MigrationHealth.State state : MigrationHealth.State.values()) {
            assertThat(doc).as(state.name()).contains("| `" + state.name() + "` |");
        }
    }

    private static String doc() throws IOException {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isRegularFile(d.resolve("docs/observability.md"))) {
            d = d.getParent();
        }
        assertThat(d).as("docs/observability.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return Files.readString(d.resolve("docs/observability.md"));
    }

    /** The lines between the markers in {@link #wiring}, indentation removed. */
    private static String snippet() throws IOException {
        String source = Files.readString(Path.of("src/test/java",
                ObservabilityDocTest.class.getName().replace('.', '/') + ".java"));
        String body = source.substring(source.indexOf("// doc:start\n") + "// doc:start\n".length(),
                source.indexOf("        // doc:end"));
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n")) {
            out.append(line.startsWith("        ") ? line.substring(8) : line.strip()).append('\n');
        }
        return out.toString();
    }
}
