package io.drizzlemigrator.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigratorConfiguration;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DrizzleMigrationsPropertiesTests {

    /** Builder settings that are not properties: the connection comes from beans or url/user/password. */
    private static final Set<String> NOT_PROPERTIES = Set.of("dataSource", "classLoader", "listener");

    /** Properties whose absence is the default, and what that absence means. */
    private static final Map<String, String> NO_DEFAULT = Map.of(
            "drizzle.migrations.url", "no dedicated connection: migrations use the application's DataSource",
            "drizzle.migrations.user", "the dedicated URL's user, or the application DataSource's",
            "drizzle.migrations.password", "the dedicated URL's password, or the application DataSource's",
            "drizzle.migrations.lock-key", "derived from schema and table",
            "drizzle.migrations.search-path", "the migration role's own search_path",
            "drizzle.migrations.init-sql", "nothing runs before the migrations",
            "drizzle.migrations.tenant-schema-from", "no schema qualifier is mapped",
            "drizzle.migrations.tenants.schemas", "no tenants: one bookkeeping table, no fan-out",
            "drizzle.migrations.tenants.query", "no tenants: one bookkeeping table, no fan-out",
            "drizzle.migrations.tenants.canary", "no canary: every tenant migrates at once");

    @Test
    void defaultValuesAreTheCoresDefaults() {
        DrizzleMigrationsProperties properties = new DrizzleMigrationsProperties();
        MigratorConfiguration core = DrizzleMigrator.configure()
                .dataSource("postgresql://localhost:5432/app", null, null).build();
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getLocation()).isEqualTo(core.location());
        assertThat(properties.getSchema()).isEqualTo(core.schema());
        assertThat(properties.getTable()).isEqualTo(core.table());
        assertThat(properties.getLockTimeout()).isEqualTo(core.lockTimeout());
        assertThat(properties.getLockKey()).isNull();
        assertThat(core.lockKey()).isEmpty();
        assertThat(properties.getOutOfOrder()).isEqualTo(core.outOfOrder());
        assertThat(properties.getEditedMigrations()).isEqualTo(core.editedMigrations());
        assertThat(properties.getTransactionMode()).isEqualTo(core.transactionMode());
        assertThat(properties.getDdlLockTimeout()).isEqualTo(core.ddlLockTimeout());
        assertThat(properties.getDdlLockRetries()).isEqualTo(core.ddlLockRetries());
        assertThat(properties.isRepairInvalidIndexes()).isEqualTo(core.repairInvalidIndexes());
        assertThat(properties.isTerminateBlockers()).isEqualTo(core.terminateBlockers());
        assertThat(properties.getProgressInterval()).isEqualTo(core.progressInterval());
        assertThat(properties.isVerifyAfterMigrate()).isEqualTo(core.verifyAfterMigrate());
        assertThat(properties.getLargeTableRows()).isEqualTo(core.largeTableRows());
        assertThat(properties.getLintMode()).isEqualTo(core.lintMode());
        assertThat(properties.getSearchPath()).isNull();
        assertThat(core.searchPath()).isEmpty();
        assertThat(properties.getInitSql()).isNull();
        assertThat(core.initSql()).isEmpty();
        assertThat(properties.getUrl()).isNull();
        assertThat(properties.getUser()).isNull();
        assertThat(properties.getPassword()).isNull();
    }

    @Test
    void everySettingOfTheCoreBuilderHasAProperty() throws Exception {
        Set<String> settings = Arrays.stream(MigratorConfiguration.Builder.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .filter(m -> m.getReturnType() == MigratorConfiguration.Builder.class).map(Method::getName)
                .filter(name -> !NOT_PROPERTIES.contains(name)).collect(Collectors.toSet());
        Set<String> properties = Arrays.stream(Introspector.getBeanInfo(DrizzleMigrationsProperties.class)
                .getPropertyDescriptors()).filter(p -> p.getWriteMethod() != null).map(PropertyDescriptor::getName)
                .collect(Collectors.toSet());
        assertThat(settings).isNotEmpty();
        assertThat(properties).as("a drizzle.migrations.* property for each MigratorConfiguration.Builder setting")
                .containsAll(settings);
    }

    @Test
    void everyPropertyHasIdeMetadataWithADescription() throws Exception {
        Map<String, MetadataProperty> metadata = metadata();
        Set<String> properties = Arrays.stream(Introspector.getBeanInfo(DrizzleMigrationsProperties.class)
                .getPropertyDescriptors()).filter(p -> p.getWriteMethod() != null)
                .map(p -> DrizzleMigrationsProperties.PREFIX + "." + kebab(p.getName())).collect(Collectors.toSet());
        assertThat(metadata.keySet()).containsAll(properties)
                .contains("management.health.drizzle.enabled", ReadinessGroupMembership.PROPERTY);
    }

    @Test
    void everyPropertyInTheMetadataHasADescriptionAndADefault() throws Exception {
        Map<String, MetadataProperty> metadata = metadata();
        assertThat(metadata).isNotEmpty();
        assertThat(metadata.keySet()).as("properties listed as having no default must exist")
                .containsAll(NO_DEFAULT.keySet());
        metadata.forEach((name, property) -> {
            assertThat(property.description()).as("description of " + name).isNotBlank();
            if (!NO_DEFAULT.containsKey(name)) {
                assertThat(property.defaultValue()).as("default of " + name
                        + " (in additional-spring-configuration-metadata.json when the processor cannot see it)")
                        .isNotNull();
            } else {
                assertThat(property.defaultValue()).as(name + " is listed as having no default").isNull();
            }
        });
    }

    @Test
    void theMetadataDefaultsAreTheDefaultsThePropertiesHave() throws Exception {
        Map<String, MetadataProperty> metadata = metadata();
        DrizzleMigrationsProperties defaults = new DrizzleMigrationsProperties();
        PropertyDescriptor[] descriptors = Introspector.getBeanInfo(DrizzleMigrationsProperties.class)
                .getPropertyDescriptors();
        int compared = 0;
        for (PropertyDescriptor descriptor : descriptors) {
            String name = DrizzleMigrationsProperties.PREFIX + "." + kebab(descriptor.getName());
            MetadataProperty property = metadata.get(name);
            if (descriptor.getWriteMethod() == null || property == null || property.defaultValue() == null) {
                continue;
            }
            // what an application gets when it sets the advertised default explicitly
            DrizzleMigrationsProperties bound = new Binder(new MapConfigurationPropertySource(
                    Map.of(name, property.defaultValue()))).bind(DrizzleMigrationsProperties.PREFIX,
                    DrizzleMigrationsProperties.class).get();
            assertThat(descriptor.getReadMethod().invoke(bound)).as(name + "=" + property.defaultValue())
                    .isEqualTo(descriptor.getReadMethod().invoke(defaults));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(14);
    }

    @Test
    void theSpringBootGuideListsEveryProperty() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "spring-boot.md"));
        assertThat(metadata().keySet()).filteredOn(name -> name.startsWith("drizzle.migrations.")).isNotEmpty()
                .allSatisfy(name -> assertThat(guide).as("docs/spring-boot.md").contains("| `" + name + "` |"));
    }

    /** A property of the configuration processor's output. */
    private record MetadataProperty(String description, String defaultValue) {
    }

    /**
     * Every property of the configuration processor's output (target/classes/META-INF, the javadoc of the properties
     * and the endpoint merged with additional-spring-configuration-metadata.json), by name.
     */
    private static Map<String, MetadataProperty> metadata() throws Exception {
        Map<String, MetadataProperty> out = new HashMap<>();
        try (InputStream in = DrizzleMigrationsPropertiesTests.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration processor output").isNotNull();
            JsonParser parser = new JsonFactory().createParser(in);
            String name = null;
            String description = null;
            String defaultValue = null;
            boolean inProperties = false;
            int depth = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (inProperties && depth == 2 && name != null) {
                        out.put(name, new MetadataProperty(description, defaultValue));
                        name = null;
                        description = null;
                        defaultValue = null;
                    }
                    if (depth == 1) {
                        inProperties = false;
                    }
                } else if (t == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if (depth == 1) {
                        inProperties = field.equals("properties");
                    } else if (inProperties && depth == 3) {
                        parser.nextToken();
                        if (field.equals("name")) {
                            name = parser.getText();
                        } else if (field.equals("description")) {
                            description = parser.getText();
                        } else if (field.equals("defaultValue") && parser.currentToken().isScalarValue()) {
                            defaultValue = parser.getText();
                        } else if (parser.currentToken().isStructStart()) {
                            parser.skipChildren();
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
