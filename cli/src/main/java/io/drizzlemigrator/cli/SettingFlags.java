package io.drizzlemigrator.cli;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table from the core's setting names (as {@code MigratorConfiguration.Builder} names them) to the command
 * line's flags: messages name a setting as the user wrote it ({@code --out-of-order=apply}, never
 * {@code outOfOrder=APPLY}), and each flag's {@code --help} says which property it sets. A flag is the kebab-case of
 * the builder's name, as the Spring Boot and Micronaut properties are; the few short flags older than that rule
 * ({@code --dir}, {@code --lint}, {@code --edited}) stay, with the long name as an alias ({@code --location},
 * {@code --lint-mode}, {@code --edited-migrations}).
 */
final class SettingFlags {

    /** The Spring Boot properties' prefix, which the help names ({@code drizzle.migrations.lint-mode}). */
    static final String PROPERTY_PREFIX = "drizzle.migrations.";

    private static final Map<String, String> FLAGS = new LinkedHashMap<>();
    /** The flags of the connection, which set one builder method ({@code dataSource}) but three properties. */
    private static final Map<String, String> CONNECTION_PROPERTIES = Map.of(
            "--url", PROPERTY_PREFIX + "url", "--user", PROPERTY_PREFIX + "user",
            "--password", PROPERTY_PREFIX + "password");

    static {
        FLAGS.put("dataSource", "--url");
        FLAGS.put("location", "--dir");
        FLAGS.put("schema", "--schema");
        FLAGS.put("table", "--table");
        FLAGS.put("searchPath", "--search-path");
        FLAGS.put("initSql", "--init-sql");
        FLAGS.put("outOfOrder", "--out-of-order");
        FLAGS.put("editedMigrations", "--edited");
        FLAGS.put("lockTimeout", "--lock-timeout");
        FLAGS.put("lockKey", "--lock-key");
        FLAGS.put("lintMode", "--lint");
        FLAGS.put("transactionMode", "--transaction-mode");
        FLAGS.put("ddlLockTimeout", "--ddl-lock-timeout");
        FLAGS.put("ddlLockRetries", "--ddl-lock-retries");
        FLAGS.put("repairInvalidIndexes", "--repair-invalid-indexes");
        FLAGS.put("largeTableRows", "--large-table-rows");
        FLAGS.put("terminateBlockers", "--terminate-blockers");
        FLAGS.put("progressInterval", "--progress-interval");
        FLAGS.put("tenantSchemaFrom", "--tenant-schema-from");
        FLAGS.put("verifyAfterMigrate", "--verify-after-migrate");
    }

    /**
     * A camelCase setting name, alone or with a value ({@code outOfOrder=APPLY}, {@code transactionMode ALL_IN_ONE},
     * {@code largeTableRows}). Plain words ({@code table}, {@code location}) are only replaced with {@code =value}:
     * alone they are English.
     */
    private static final Pattern SETTING = Pattern.compile("(?<![\\w.-])("
            + String.join("|", FLAGS.keySet().stream().sorted(Comparator.comparing(String::length).reversed())
                    .map(Pattern::quote).toList())
            + ")(?:(=)(\\S+?)|( )([A-Z][A-Z_]+))?(?=[\\s.,;:)'`\"]|$)");

    private SettingFlags() {
    }

    /** Every core setting with its flag. */
    static Map<String, String> all() {
        return Map.copyOf(FLAGS);
    }

    /** The flag of a core setting, if the command line has one. */
    static Optional<String> flag(String setting) {
        return Optional.ofNullable(FLAGS.get(setting));
    }

    /** The core setting a flag sets, if any. */
    static Optional<String> setting(String flag) {
        return FLAGS.entrySet().stream().filter(e -> e.getValue().equals(flag)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * The property of the Spring Boot starter (and, after {@code drizzle.migrations.datasources.<name>.}, of the
     * Micronaut module) that sets what this flag sets: the kebab-case of the builder's name.
     */
    static Optional<String> property(String flag) {
        String connection = CONNECTION_PROPERTIES.get(flag);
        if (connection != null) {
            return Optional.of(connection);
        }
        return setting(flag).map(setting -> PROPERTY_PREFIX + kebabCase(setting));
    }

    /** {@code lockTimeout} is {@code lock-timeout}. */
    static String kebabCase(String builderName) {
        return builderName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** A setting with its value as typed on the command line: {@code --out-of-order=apply}. */
    static String spell(String setting, Enum<?> value) {
        return flag(setting).orElse(setting) + "=" + value(value.name());
    }

    /** A core message with every setting it names spelled as the command line's flag. */
    static String render(String message) {
        Matcher m = SETTING.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String setting = m.group(1);
            String value = m.group(3) != null ? m.group(3) : m.group(5);
            boolean camel = !setting.equals(setting.toLowerCase(Locale.ROOT));
            String replacement = value != null ? FLAGS.get(setting) + "=" + value(value)
                    : camel ? FLAGS.get(setting) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An enum constant as the flag takes it ({@code ALL_IN_ONE} is {@code all-in-one}); other values as given. */
    private static String value(String value) {
        return value.matches("[A-Z][A-Z_]*") ? value.toLowerCase(Locale.ROOT).replace('_', '-') : value;
    }
}
