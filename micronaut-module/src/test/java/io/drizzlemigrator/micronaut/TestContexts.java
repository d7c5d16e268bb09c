package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Properties and facts shared by the tests: Hikari datasources on test databases, the fixture folder. */
final class TestContexts {

    /** The test folder on the classpath (a copy of the example service's migrations). */
    static final String FOLDER = "drizzle/migrations";

    private TestContexts() {
    }

    /** {@code datasources.<name>.*} for a small Hikari pool on {@code db}. */
    static Map<String, Object> dataSource(String name, TestDatabase db) {
        Map<String, Object> p = new LinkedHashMap<>();
        String prefix = "datasources." + name + ".";
        p.put(prefix + "url", db.jdbcUrl());
        p.put(prefix + "username", db.user());
        if (db.password() != null) {
            p.put(prefix + "password", db.password());
        }
        p.put(prefix + "maximum-pool-size", 2);
        p.put(prefix + "minimum-idle", 0);
        return p;
    }

    /** A context with one datasource named {@code default} on {@code db} plus {@code more} properties. */
    static ApplicationContext run(TestDatabase db, Object... more) {
        Map<String, Object> p = dataSource("default", db);
        p.putAll(props(more));
        return ApplicationContext.run(p);
    }

    static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put((String) keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /** How many entries the fixture's journal lists, read from the file itself. */
    static int journalEntries() {
        try (InputStream in = TestContexts.class.getClassLoader()
                .getResourceAsStream(FOLDER + "/meta/_journal.json")) {
            return countTags(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many entries the journal of the folder at {@code folder} lists. */
    static int journalEntries(Path folder) {
        try {
            return countTags(Files.readString(folder.resolve("meta").resolve("_journal.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int countTags(String journal) {
        Matcher m = Pattern.compile("\"tag\"\\s*:").matcher(journal);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static long appliedRows(TestDatabase db) {
        if (!db.relationExists("drizzle.__drizzle_migrations")) {
            return 0;
        }
        return db.queryLong("select count(*) from drizzle.__drizzle_migrations");
    }
}
