package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/observability.md describes the read model's one document: every key of it is in the doc's table. */
class StatusViewDocTest {

    @Test
    void theObservabilityDocListsEveryKeyOfTheView() throws IOException {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isRegularFile(d.resolve("docs/observability.md"))) {
            d = d.getParent();
        }
        assertThat(d).as("docs/observability.md above the working directory").isNotNull();
        String doc = Files.readString(d.resolve("docs/observability.md"));
        String section = doc.substring(doc.indexOf("## The read model"), doc.indexOf("## Health"));

        assertThat(StatusView.KEYS).allSatisfy(key -> assertThat(section).contains("`" + key + "`"));
        assertThat(StatusView.COUNT_KEYS).allSatisfy(key -> assertThat(section).contains("`" + key + "`"));
        assertThat(section).contains("\"" + StatusView.BODY_KEY + "\"");
    }
}
