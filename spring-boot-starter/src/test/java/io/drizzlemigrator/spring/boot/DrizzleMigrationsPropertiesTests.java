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

class DrizzleMigrationsPropertiesTests {

    /** Builder settings that are not properties: the connection comes from beans or url/user/password. */
    private static final Set<String> NOT_PROPERTIES = Set.of("dataSource", "classLoader", "listener");

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
        Map<String, String> descriptions = metadataDescriptions();
        Set<String> properties = Arrays.stream(Introspector.getBeanInfo(DrizzleMigrationsProperties.class)
                .getPropertyDescriptors()).filter(p -> p.getWriteMethod() != null)
                .map(p -> DrizzleMigrationsProperties.PREFIX + "." + kebab(p.getName())).collect(Collectors.toSet());
        assertThat(descriptions.keySet()).containsAll(properties);
        assertThat(properties).allSatisfy(name -> assertThat(descriptions.get(name)).as(name).isNotBlank());
    }

    @Test
    void theSpringBootGuideListsEveryProperty() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "spring-boot.md"));
        assertThat(metadataDescriptions().keySet()).filteredOn(name -> name.startsWith("drizzle.migrations."))
                .isNotEmpty().allSatisfy(name -> assertThat(guide).as("docs/spring-boot.md").contains("| `" + name + "` |"));
    }

    /** name -> description of every property in the configuration processor's output. */
    private static Map<String, String> metadataDescriptions() throws Exception {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = DrizzleMigrationsPropertiesTests.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration processor output").isNotNull();
            JsonParser parser = new JsonFactory().createParser(in);
            String name = null;
            String description = null;
            boolean inProperties = false;
            int depth = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (inProperties && depth == 2 && name != null) {
                        out.put(name, description);
                        name = null;
                        description = null;
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
