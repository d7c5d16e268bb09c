package io.drizzlemigrator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.Setting;
import io.drizzlemigrator.cli.Main;
import io.drizzlemigrator.micronaut.DrizzleMigrationsConfiguration;
import io.drizzlemigrator.spring.boot.DrizzleMigrationsProperties;
import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One name per setting across the faces: the core builder's method ({@code lintMode}), and everywhere else its
 * kebab-case ({@code lint-mode}): the Spring Boot property {@code drizzle.migrations.lint-mode}, the Micronaut
 * property {@code drizzle.migrations.datasources.<name>.lint-mode} and the CLI flag {@code --lint-mode}. Every list
 * is read from the code (the builder's methods, the property classes' setters, the CLI's help), so a setting added to
 * the builder fails here until each face has it, or is named below as belonging to one face only, with the reason.
 */
class VocabularyTest {

    /** Builder methods the faces have no property for: Java objects, which the frameworks supply as beans. */
    private static final Map<String, String> BUILDER_ONLY = Map.of(
            "classLoader", "the faces pass their application's class loader",
            "listener", "listeners are beans (Spring: DrizzleConfigurationCustomizer; Micronaut: @Named"
                    + " MigrationListener or DrizzleConfigurationCustomizer beans)");

    /**
     * The builder's {@code dataSource}: the application's DataSource bean, or a URL with its credentials, which every
     * face spells as three properties (flags).
     */
    private static final List<String> DATA_SOURCE = List.of("url", "user", "password");

    private static final Map<String, String> SPRING_ONLY = Map.of(
            "enabled", "whether the starter migrates at all (the library is always called on purpose)",
            "exit-after-migrate", "the migrate-only mode of the service's process (the CLI is that mode)");

    private static final Map<String, String> MICRONAUT_ONLY = Map.of(
            "enabled", "whether this datasource is migrated when it is created",
            "async", "whether that happens in the background while the application starts",
            "tenants", "schema-per-tenant startup (tenants.*, as Spring Boot's drizzle.migrations.tenants.*): how"
                    + " a FanOut runs, not a setting of one run");

    /** Other names the Micronaut module reads, with the property each one sets. */
    private static final Map<String, String> MICRONAUT_ALIASES = Map.of(
            "edited", "edited-migrations", // deprecated: the name before the vocabulary was one
            "username", "user"); // the word of Micronaut's own datasources.<name>.username, kept on purpose

    private static final Map<String, String> CLI_ONLY = Map.of(
            "json", "the output's format", "quiet", "the output's volume", "verbose", "the output's volume",
            "help", "picocli", "version", "picocli");

    @Test
    void everySettingOfTheBuilderIsAPropertyOfSpringAndMicronautAndAFlagOfTheCli() {
        Set<String> settings = settings();

        assertThat(without(springProperties(), SPRING_ONLY.keySet())).as("Spring Boot: drizzle.migrations.*")
                .containsExactlyInAnyOrderElementsOf(settings);
        assertThat(without(micronautProperties(), union(MICRONAUT_ONLY.keySet(), MICRONAUT_ALIASES.keySet())))
                .as("Micronaut: drizzle.migrations.datasources.<name>.*").containsExactlyInAnyOrderElementsOf(settings);
        assertThat(without(cliFlags().keySet(), CLI_ONLY.keySet()))
                .as("the CLI's flags (long names) of migrate").containsExactlyInAnyOrderElementsOf(settings);
    }

    @Test
    void everySettingCoreMessagesNameIsSpelledByEveryFace() {
        Set<String> settings = settings();
        for (Setting setting : Setting.values()) {
            if (setting == Setting.URL) {
                assertThat(settings).containsAll(DATA_SOURCE);
            } else {
                assertThat(settings).as("%s", setting).contains(kebabCase(setting.builderName()));
            }
        }
    }

    @Test
    void eachCliFlagsHelpNamesThePropertyItSets() {
        cliFlags().forEach((flag, property) -> {
            if (!CLI_ONLY.containsKey(flag)) {
                assertThat(property).as("--%s", flag).isEqualTo("drizzle.migrations." + flag);
            }
        });
    }

    @Test
    void theFacesOtherNamesAreAliasesOfSettingsAndTheDeprecatedOnesSayWhatReplacesThem() {
        Set<String> settings = settings();
        MICRONAUT_ALIASES.forEach((alias, target) -> {
            assertThat(micronautProperties()).contains(alias);
            assertThat(settings).contains(target);
        });
        assertThat(deprecatedSetters(DrizzleMigrationsConfiguration.class)).containsExactly("edited");
        assertThat(deprecatedSetters(DrizzleMigrationsProperties.class)).isEmpty();
    }

    @Test
    void theConfigurationReferenceHasARowForEverySettingWithEachFacesName() throws IOException {
        Map<String, List<String>> rows = configurationRows();
        for (String builder : builderSettings()) {
            if (BUILDER_ONLY.containsKey(builder) || builder.equals("dataSource")) {
                continue;
            }
            String kebab = kebabCase(builder);
            assertThat(rows).as("docs/configuration.md has a row for %s", builder).containsKey(builder);
            List<String> cells = rows.get(builder);
            assertThat(cells.get(1)).as("%s: Spring Boot", builder).isEqualTo("`" + kebab + "`");
            assertThat(cells.get(2)).as("%s: Micronaut", builder).isEqualTo("`" + kebab + "`");
            assertThat(cells.get(3)).as("%s: CLI", builder).contains("`--" + kebab + "`");
        }
    }

    /** The builder's settings as the faces spell them: kebab-case, with {@code dataSource} as url, user, password. */
    private static Set<String> settings() {
        Set<String> settings = new TreeSet<>();
        for (String builder : builderSettings()) {
            if (builder.equals("dataSource")) {
                settings.addAll(DATA_SOURCE);
            } else if (!BUILDER_ONLY.containsKey(builder)) {
                settings.add(kebabCase(builder));
            }
        }
        assertThat(settings).as("the builder's settings").hasSizeGreaterThan(10);
        return settings;
    }

    /** The methods of {@link MigratorConfiguration.Builder} that set something: those returning the builder. */
    private static Set<String> builderSettings() {
        return Arrays.stream(MigratorConfiguration.Builder.class.getMethods())
                .filter(m -> m.getReturnType() == MigratorConfiguration.Builder.class)
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> springProperties() {
        return beanProperties(DrizzleMigrationsProperties.class);
    }

    private static Set<String> micronautProperties() {
        return beanProperties(DrizzleMigrationsConfiguration.class);
    }

    /**
     * The properties a framework binds: each setter's name in kebab-case (Spring Boot's binder and Micronaut's
     * {@code @EachProperty} both bind through setters), and each nested group (a getter of an own nested type).
     */
    private static Set<String> beanProperties(Class<?> type) {
        try {
            BeanInfo info = Introspector.getBeanInfo(type, Object.class);
            Set<String> names = new TreeSet<>();
            for (PropertyDescriptor p : info.getPropertyDescriptors()) {
                boolean group = p.getReadMethod() != null && p.getPropertyType() != null
                        && p.getPropertyType().getDeclaringClass() == type;
                if (p.getWriteMethod() != null || group) {
                    names.add(kebabCase(p.getName()));
                }
            }
            return names;
        } catch (IntrospectionException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> deprecatedSetters(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().startsWith("set") && m.isAnnotationPresent(Deprecated.class))
                .map(m -> kebabCase(Introspector.decapitalize(m.getName().substring(3))))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each flag of {@code migrate --help} by its longest name (without {@code --}), with the property it names. */
    private static Map<String, String> cliFlags() {
        String previous = System.getProperty("picocli.usage.width");
        System.setProperty("picocli.usage.width", "300"); // one line per description line: nothing wraps
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            assertThat(Main.run(new String[] {"migrate", "--help"}, stream, stream, Map.of())).isZero();
        } finally {
            if (previous == null) {
                System.clearProperty("picocli.usage.width");
            } else {
                System.setProperty("picocli.usage.width", previous);
            }
        }
        Pattern option = Pattern.compile("^  (?:-\\w, |    )(--[\\w-]+(?:, --[\\w-]+)*)(?:\\[?=\\S+)?(?:\\s+(.*))?$");
        Pattern property = Pattern.compile("Property: (\\S+)\\.$");
        Map<String, String> flags = new TreeMap<>();
        String current = null;
        for (String line : out.toString(StandardCharsets.UTF_8).split("\\R")) {
            Matcher m = option.matcher(line);
            if (m.matches()) {
                current = Arrays.stream(m.group(1).split(", ")).max((a, b) -> a.length() - b.length()).orElseThrow()
                        .substring(2);
                flags.put(current, null);
                continue;
            }
            Matcher p = property.matcher(line.strip());
            if (current != null && p.find()) {
                flags.put(current, p.group(1));
            }
        }
        assertThat(flags).as("the options of migrate --help").containsKeys("url", "location", "lint-mode");
        return flags;
    }

    /** The rows of the settings table of docs/configuration.md, by the builder's name in their first cell. */
    private static Map<String, List<String>> configurationRows() throws IOException {
        Path doc = Path.of("..", "docs", "configuration.md");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `(\\w+)(?:\\([^)]*\\))?` \\|");
        for (String line : Files.readAllLines(doc)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split(" \\| "))
                        .map(String::strip).toList();
                rows.put(m.group(1), cells);
            }
        }
        return rows;
    }

    static String kebabCase(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static Set<String> without(Set<String> names, Set<String> removed) {
        Set<String> left = new TreeSet<>(names);
        left.removeAll(removed);
        return left;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
