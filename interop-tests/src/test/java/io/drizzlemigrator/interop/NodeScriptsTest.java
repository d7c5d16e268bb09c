package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The command-line contract of {@code node/v0/migrate.mjs} and {@code node/v1/migrate.mjs}, and their pinned versions. */
class NodeScriptsTest {

    @RegisterExtension
    final ScratchDatabases databases = new ScratchDatabases();

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(DrizzleOrm.class)
    void theInstalledDrizzleOrmIsExactlyTheVersionPinnedInPackageJson(DrizzleOrm drizzle) throws IOException {
        JsonNode pinned = JSON.readTree(drizzle.directory().resolve("package.json").toFile());

        assertThat(drizzle.version()).isEqualTo(pinned.get("dependencies").get("drizzle-orm").asText())
                .matches(drizzle == DrizzleOrm.V0 ? "0\\.45\\.\\d+" : "1\\.0\\.0-rc\\.\\d+");
    }

    @Test
    void theMigrateScriptPrintsOneLineOfJsonOnSuccessAndExitsZero() throws IOException {
        TestDatabase db = databases.create("script_ok");
        Processes.Output out = DrizzleOrm.V0.migrateOnce(db.libpqUrl(), Corpora.folder("vercel__ai-chatbot"));

        assertThat(out.exitCode()).as(out.describe()).isZero();
        assertThat(out.stdout().strip()).doesNotContain("\n");
        assertThat(JSON.readTree(out.stdout()).get("ok").asBoolean()).isTrue();
        assertThat(Bookkeeping.rows(db)).hasSize(9);
    }

    @Test
    void theMigrateScriptExitsNonZeroWithDrizzlesErrorOnStderr() {
        Path noJournal = Corpora.folder("vercel__ai-chatbot").resolve("meta");
        TestDatabase db = databases.create("script_error");
        Processes.Output out = DrizzleOrm.V0.migrateOnce(db.libpqUrl(), noJournal);

        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.stdout()).isEmpty();
        assertThat(out.stderr()).contains("Can't find meta/_journal.json file");
    }

    @Test
    void drizzleOneRefusesAFolderThatStillHasAJournal() {
        TestDatabase db = databases.create("v1_refuses_journal");
        String error = DrizzleOrm.V1.migrateExpectingFailure(db, Corpora.folder("vercel__ai-chatbot"));

        assertThat(error).contains("old drizzle-kit migration folders").contains("drizzle-kit up");
    }
}
