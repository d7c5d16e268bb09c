package io.drizzlemigrator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The fixture folders of {@code src/test/resources/fixtures}. */
final class Fixtures {

    /** The class-path location of the basic fixture (three migrations, the last one CREATE INDEX CONCURRENTLY). */
    static final String BASIC_RESOURCE = "fixtures/basic";

    private Fixtures() {
    }

    /** The basic fixture as a directory on disk. */
    static Path basic() {
        URL journal = Fixtures.class.getClassLoader().getResource(BASIC_RESOURCE + "/meta/_journal.json");
        if (journal == null) {
            throw new IllegalStateException("No " + BASIC_RESOURCE + " on the test class path");
        }
        try {
            return Path.of(journal.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The basic fixture's tags in journal order, read from its file names (which the journal lists in order). */
    static List<String> basicTags() {
        try (Stream<Path> files = Files.list(basic())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - ".sql".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
