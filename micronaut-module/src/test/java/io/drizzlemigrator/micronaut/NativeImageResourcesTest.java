package io.drizzlemigrator.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.MigratorDefaults;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A native image holds only the resources its configuration names: the module's resource-config.json names the default
 * migration folder, so that a service keeping its migrations there needs no configuration of its own.
 */
class NativeImageResourcesTest {

    private static final String CONFIG =
            "META-INF/native-image/io.drizzlemigrator/drizzle-migrator-micronaut/resource-config.json";

    @Test
    void theResourceConfigIncludesEveryFileOfTheDefaultFolderAndNothingElse() throws Exception {
        List<Pattern> includes = includes();
        String folder = MigratorDefaults.LOCATION.substring("classpath:".length());
        URL url = getClass().getClassLoader().getResource(folder);
        assertThat(url).as("the test resources hold a folder at the default location").isNotNull();
        Path root = Path.of(url.toURI());
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .map(f -> folder + "/" + root.relativize(f).toString().replace('\\', '/')).toList();
        }

        assertThat(files).contains(folder + "/meta/_journal.json", folder + "/0000_create_tasks.sql");
        assertThat(files).allSatisfy(file -> assertThat(matches(includes, file)).as(file).isTrue());
        assertThat(matches(includes, folder)).as("the folder itself, which core looks up first").isTrue();
        assertThat(matches(includes, "drizzle/gated/0000_read_the_gate.sql")).isFalse();
        assertThat(matches(includes, "drizzle/migrations-old/meta/_journal.json")).isFalse();
        assertThat(matches(includes, "io/drizzlemigrator/micronaut/DrizzleMigrations.class")).isFalse();
    }

    private static boolean matches(List<Pattern> includes, String resource) {
        return includes.stream().anyMatch(p -> p.matcher(resource).matches());
    }

    @SuppressWarnings("unchecked")
    private List<Pattern> includes() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG).isNotNull();
            Map<String, Object> config = JsonMapper.createDefault().readValue(in.readAllBytes(),
                    Argument.mapOf(String.class, Object.class));
            List<Map<String, String>> includes = (List<Map<String, String>>) ((Map<String, Object>) config
                    .get("resources")).get("includes");
            return includes.stream().map(i -> Pattern.compile(i.get("pattern"))).toList();
        }
    }
}
