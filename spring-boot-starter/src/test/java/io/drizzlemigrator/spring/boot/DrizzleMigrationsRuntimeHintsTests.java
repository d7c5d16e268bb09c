package io.drizzlemigrator.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;

/** What an AOT-processed application (native image, or {@code -Dspring.aot.enabled=true}) keeps for the migrator. */
class DrizzleMigrationsRuntimeHintsTests {

    @Test
    void theDefaultFolderIsKeptWithItsJournal() {
        RuntimeHints hints = new RuntimeHints();
        new DrizzleMigrationsRuntimeHints().registerHints(hints, getClass().getClassLoader());

        assertThat(RuntimeHintsPredicates.resource().forResource("drizzle/migrations/meta/_journal.json"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("drizzle/migrations/0000_create_notes.sql"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("drizzle/migrations/drizzle-lint.json"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("application.yaml")).rejects(hints);
    }

    @Test
    void processingAheadOfTimeKeepsTheDefaultAndTheConfiguredFolder() {
        RuntimeHints hints = processAheadOfTime("drizzle.migrations.location=classpath:/db/drizzle/");

        assertThat(RuntimeHintsPredicates.resource().forResource("db/drizzle/meta/_journal.json")).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/drizzle/20250101000000_init/migration.sql"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("drizzle/migrations/meta/_journal.json"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/other/meta/_journal.json")).rejects(hints);
    }

    @Test
    void aFolderOnTheFileSystemNeedsNoResourceHint() {
        assertThat(DrizzleMigrationsRuntimeHints.classpathPattern("filesystem:/srv/migrations")).isNull();
        assertThat(DrizzleMigrationsRuntimeHints.classpathPattern("file:/srv/migrations")).isNull();
        assertThat(DrizzleMigrationsRuntimeHints.classpathPattern("classpath:drizzle")).isEqualTo("drizzle/**");
    }

    @Test
    void nothingIsAddedWhenTheStarterIsDisabled() {
        RuntimeHints hints = processAheadOfTime("drizzle.migrations.enabled=false",
                "drizzle.migrations.location=classpath:db/drizzle");

        assertThat(RuntimeHintsPredicates.resource().forResource("db/drizzle/meta/_journal.json")).rejects(hints);
    }

    /** Runs Spring's AOT processing (what {@code process-aot} does) over the auto-configuration. */
    private static RuntimeHints processAheadOfTime(String... properties) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            // a dedicated URL activates the auto-configuration; nothing connects while processing ahead of time
            TestPropertyValues.of("drizzle.migrations.url=jdbc:postgresql://127.0.0.1:5432/aot").and(properties)
                    .applyTo(context);
            context.register(Application.class);
            DefaultGenerationContext generationContext = new DefaultGenerationContext(
                    new ClassNameGenerator(ClassName.get(Application.class)), new InMemoryGeneratedFiles());
            new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
            return generationContext.getRuntimeHints();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DrizzleMigrationsAutoConfiguration.class)
    static class Application {
    }
}
