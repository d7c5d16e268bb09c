package io.drizzlemigrator.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.micronaut.DrizzleMigrationsConfiguration;
import io.drizzlemigrator.micronaut.MigrateOnly;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Micronaut section of docs/kubernetes.md uses only what exists: its {@code drizzle.migrations.*} properties are
 * the module's (module-wide ones, or settings of {@code datasources.<name>}), its probe paths are requested from the
 * running service by {@link MicronautAppIT}.
 */
class KubernetesDocTest {

    private static final Pattern PROPERTY = Pattern.compile("drizzle\\.migrations\\.[a-z][a-z.-]*[a-z]");
    private static final Pattern DATASOURCE_SETTING = Pattern.compile(
            Pattern.quote(DrizzleMigrationsConfiguration.PREFIX) + "\\.[a-z0-9-]+\\.([a-z-]+)");
    private static final Pattern PROBE = Pattern.compile("/health/[a-z]+");

    @Test
    void everyPropertyOfTheMicronautSectionIsTheModules() throws IOException {
        Set<String> properties = new TreeSet<>(PROPERTY.matcher(micronautSection()).results().map(MatchResult::group)
                .toList());
        assertThat(properties).contains(MigrateOnly.PROPERTY);

        Set<String> settings = Arrays.stream(DrizzleMigrationsConfiguration.class.getMethods())
                .map(Method::getName).filter(n -> n.startsWith("set"))
                .map(n -> n.substring(3).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase())
                .collect(Collectors.toSet());
        Set<String> moduleWide = Set.of(MigrateOnly.PROPERTY, DrizzleMigrationsConfiguration.ENABLED_PROPERTY);
        assertThat(properties).filteredOn(p -> {
            var setting = DATASOURCE_SETTING.matcher(p);
            return setting.matches() ? !settings.contains(setting.group(1)) : !moduleWide.contains(p);
        }).as("properties of docs/kubernetes.md's Micronaut section that the module does not have").isEmpty();
    }

    /** The probe paths of the Micronaut section, for {@link MicronautAppIT}. */
    static Set<String> probePaths() throws IOException {
        return new TreeSet<>(PROBE.matcher(micronautSection()).results().map(MatchResult::group).toList());
    }

    @Test
    void theSectionNamesReadinessAndLiveness() throws IOException {
        assertThat(probePaths()).contains("/health/readiness", "/health/liveness");
    }

    private static String micronautSection() throws IOException {
        String doc = Files.readString(Path.of("..", "..", "docs", "kubernetes.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("\n## Micronaut");
        assertThat(start).as("docs/kubernetes.md has a Micronaut section").isPositive();
        return doc.substring(start);
    }
}
