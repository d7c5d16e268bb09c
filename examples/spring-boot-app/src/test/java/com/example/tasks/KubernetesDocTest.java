package com.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/kubernetes.md's manifests use only what exists: every {@code drizzle.migrations.*} property is in the starter's
 * configuration metadata, every CLI flag in that command's usage. (Its actuator paths are requested from the running
 * service by {@link TasksApplicationIT}.)
 */
class KubernetesDocTest {

    private static final Pattern USAGE_OPTION = Pattern.compile("(?m)^\\s{2,8}(?:-[a-zA-Z], )?(--[a-z][a-z-]*)");

    private final KubernetesDoc doc = KubernetesDoc.springPart();

    @Test
    void everyPropertyOfTheManifestsIsAStarterProperty() throws IOException {
        Set<String> properties = doc.canonicalProperties();
        assertThat(properties).as("properties found in docs/kubernetes.md")
                .contains(KubernetesDoc.canonical("drizzle.migrations.exit-after-migrate"));

        Set<String> known = starterProperties().stream().map(KubernetesDoc::canonical).collect(Collectors.toSet());
        assertThat(properties).filteredOn(p -> !known.contains(p)).as("drizzle.migrations.* properties of "
                + "docs/kubernetes.md that the starter lacks (relaxed names: lower case, no separators)").isEmpty();
    }

    @Test
    void everyFlagOfTheCliCommandsExistsOnThatCommand() {
        Set<String> flags = doc.cliFlags();
        assertThat(flags).as("CLI flags found in docs/kubernetes.md").contains("migrate --dir");

        Set<String> missing = new TreeSet<>();
        for (String flag : flags) {
            String[] commandAndFlag = flag.split(" ");
            if (!options(commandAndFlag[0]).contains(commandAndFlag[1])) {
                missing.add(flag);
            }
        }
        assertThat(missing).as("CLI flags of docs/kubernetes.md that the command does not have").isEmpty();
    }

    @Test
    void theManifestsProbeTheActuatorsHealthGroups() {
        assertThat(doc.actuatorPaths()).contains("/actuator/health/readiness", "/actuator/health/liveness");
    }

    /** The option names {@code drizzle-migrator <command> --help} lists (picocli's usage of the command's spec). */
    private static Set<String> options(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {command, "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        assertThat(code).as("drizzle-migrator " + command + " --help").isZero();
        return USAGE_OPTION.matcher(out.toString(StandardCharsets.UTF_8)).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
    }

    /** The property names of the starter's configuration metadata (generated from DrizzleMigrationsProperties). */
    private static Set<String> starterProperties() throws IOException {
        Set<String> names = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (URL metadata : Collections.list(KubernetesDocTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                json.readTree(in).path("properties").valueStream().map(p -> p.path("name").asString())
                        .filter(n -> n.startsWith("drizzle.migrations.")).forEach(names::add);
            }
        }
        assertThat(names).as("the starter's configuration metadata").isNotEmpty();
        return names;
    }
}
