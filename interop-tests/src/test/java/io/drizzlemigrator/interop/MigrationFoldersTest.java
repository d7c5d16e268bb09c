package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** "The folder cut at entry k", which every hand-over test starts from. */
class MigrationFoldersTest {

    private static final Path ZERO = Corpora.folder("Mail-0__Zero");

    @Property(tries = 12)
    void aCutKeepsTheFirstKJournalEntriesAndEveryFileByteForByte(@ForAll @IntRange(min = 0, max = 26) int k)
            throws IOException {
        Path cut = MigrationFolders.cutAt(ZERO, k);

        assertThat(MigrationFolders.entries(cut)).containsExactlyElementsOf(
                MigrationFolders.entries(ZERO).subList(0, k));
        try (Stream<Path> files = Files.list(ZERO)) {
            for (Path original : files.filter(Files::isRegularFile).toList()) {
                assertThat(cut.resolve(original.getFileName().toString())).hasSameBinaryContentAs(original);
            }
        }
    }
}
