package io.drizzlemigrator.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/micronaut.md stays true to the code: its example is the example service's, its table every property. */
class MicronautDocTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path DOC = ROOT.resolve("docs/micronaut.md");

    @Test
    void quotesTheExampleServicesConfigurationAsItIs() throws IOException {
        String doc = Files.readString(DOC);
        Matcher block = Pattern.compile("<!-- example:application.properties[^>]*-->\\s*```properties\\n(.*?)```",
                Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("the example block in " + DOC).isTrue();
        assertThat(block.group(1)).isEqualTo(Files.readString(
                ROOT.resolve("examples/micronaut-app/src/main/resources/application.properties")));
    }

    @Test
    void documentsEveryPropertyTheConfigurationBinds() throws IOException {
        String metadata = Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json"));
        Matcher names = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(DrizzleMigrationsConfiguration.PREFIX)
                + "\\.\\*\\.([a-z-]+)\"").matcher(metadata);
        List<String> properties = new ArrayList<>();
        while (names.find()) {
            properties.add(names.group(1));
        }
        assertThat(properties).contains("location", "lock-timeout", "url");
        String doc = Files.readString(DOC);
        assertThat(properties).allSatisfy(p -> assertThat(doc).contains("`" + p + "`"));
    }
}
