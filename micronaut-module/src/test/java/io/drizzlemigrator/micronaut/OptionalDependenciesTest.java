package io.drizzlemigrator.micronaut;

import static io.drizzlemigrator.micronaut.TestContexts.journalEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.testing.TestDatabase;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** micronaut-management and micronaut-micrometer are optional: an application without them still migrates. */
class OptionalDependenciesTest {

    /** The jars of micronaut-management, micronaut-micrometer and Micrometer itself. */
    private static final Pattern OPTIONAL = Pattern.compile(
            "[/\\\\]io[/\\\\](micronaut[/\\\\]micronaut-management|micronaut[/\\\\]micrometer|micrometer)[/\\\\]");

    @Test
    void migratesWithoutManagementOrMicrometerOnTheClasspath() throws Exception {
        List<URL> classpath = testClasspath().stream().filter(e -> !OPTIONAL.matcher(e).find())
                .map(OptionalDependenciesTest::url).toList();
        try (TestDatabase db = TestDatabase.create("mn_optional");
                URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new),
                        ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("io.micronaut.management.health.indicator.HealthIndicator"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Map<String, Object> properties = new HashMap<>(TestContexts.dataSource("default", db));
            properties.put("drizzle.migrations.datasources.default.enabled", true);

            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Object applied = loader.loadClass(IsolatedProbe.class.getName())
                        .getMethod("appliedMigrations", Map.class).invoke(null, properties);
                assertThat(applied).isEqualTo(journalEntries());
            } finally {
                thread.setContextClassLoader(previous);
            }
            assertThat(db.relationExists("tasks")).isTrue();
        }
    }

    private static List<String> testClasspath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.asList(cp.split(Pattern.quote(File.pathSeparator)));
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
