package io.drizzlemigrator.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.internal.lint.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which lint rules run and with what severity. Immutable; rules not mentioned keep their default severity.
 *
 * <p>The same settings are read from {@value #FILE_NAME} in the migration folder:
 * <pre>{@code {"rules": {"drop-column": "off", "auto-name": "error"}}}</pre>
 * Values are {@code off}, {@code info}, {@code warning} (or {@code warn}) and {@code error}. A rule id that does not
 * exist is refused (a misspelt id would otherwise silently leave the rule on).
 */
public final class LintConfig {

    /** The per-project configuration file the linter reads from the migration folder, when present. */
    public static final String FILE_NAME = "drizzle-lint.json";

    /** Built when a configuration file is read: the defaults, which a start with pending migrations lints with, load no Jackson. */
    private static final class Json {
        static final JsonFactory FACTORY = JsonFactory.builder().build();
    }
    private static final LintConfig DEFAULTS = new LintConfig(Map.of());
    private static final String OFF = "off";

    /** Rule id to severity id or {@value #OFF}, sorted by id. */
    private final Map<String, String> settings;

    private LintConfig(Map<String, String> settings) {
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** Every rule with its default severity. */
    public static LintConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The ids of every rule, in the order of {@code docs/lint-rules.md}. */
    public static List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        for (Rule r : Rule.values()) {
            ids.add(r.id());
        }
        return Collections.unmodifiableList(ids);
    }

    /** The default severity of a rule. */
    public static Severity defaultSeverity(String ruleId) {
        return rule(ruleId, "rule id").defaultSeverity();
    }

    /**
     * Reads a {@value #FILE_NAME} file.
     *
     * @throws ConfigurationException the file is missing, unreadable, not JSON of the expected shape, or names a rule
     *         or severity that does not exist (the message names the file and line)
     */
    public static LintConfig fromJson(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("the lint configuration " + file + " does not exist: give the path of a "
                    + FILE_NAME + " file", e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the lint configuration " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads {@value #FILE_NAME} content from a stream (not closed).
     *
     * @param source how messages name it, for example {@code classpath:drizzle/migrations/drizzle-lint.json}
     * @throws ConfigurationException as {@link #fromJson(Path)}
     */
    public static LintConfig fromJson(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        try (JsonParser p = Json.FACTORY.createParser(in)) {
            return read(p, source);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigurationException(source + (at != null ? ":" + at.getLineNr() : "") + ": not valid JSON ("
                    + e.getOriginalMessage() + "); expected {\"rules\": {\"<rule-id>\": \"off|info|warning|error\"}}",
                    e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the lint configuration " + source + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static LintConfig read(JsonParser p, String source) throws IOException {
        Builder b = new Builder();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw shape(p, source, "the content is not a JSON object");
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            t = p.nextToken();
            if (key.equals("rules")) {
                if (t != JsonToken.START_OBJECT) {
                    throw shape(p, source, "\"rules\" is not an object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String id = p.currentName();
                    int line = line(p);
                    if (p.nextToken() != JsonToken.VALUE_STRING) {
                        throw shape(p, source, "the setting of rule \"" + id + "\" is not a string");
                    }
                    String value = p.getText();
                    try {
                        b.set(id, value);
                    } catch (ConfigurationException e) {
                        throw new ConfigurationException(source + ":" + line + ": " + e.getMessage(), e);
                    }
                }
            } else if (key.startsWith("$")) {
                p.skipChildren(); // "$schema" and the like
            } else {
                throw shape(p, source, "unknown key \"" + key + "\" (the file holds only \"rules\")");
            }
        }
        if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw shape(p, source, "unexpected content after the object");
        }
        return b.build();
    }

    private static ConfigurationException shape(JsonParser p, String source, String what) {
        return new ConfigurationException(source + ":" + line(p) + ": " + what + "; expected {\"rules\": "
                + "{\"<rule-id>\": \"off|info|warning|error\"}}");
    }

    private static int line(JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }

    /** The severity the rule reports with, or empty when it is off. */
    public Optional<Severity> severity(String ruleId) {
        Rule rule = rule(ruleId, "rule id");
        String s = settings.get(ruleId);
        if (s == null) {
            return Optional.of(rule.defaultSeverity());
        }
        return s.equals(OFF) ? Optional.empty() : Optional.of(Severity.valueOf(s.toUpperCase(Locale.ROOT)));
    }

    public boolean isEnabled(String ruleId) {
        return severity(ruleId).isPresent();
    }

    /** The explicit settings, rule id to {@code off}/{@code info}/{@code warning}/{@code error}, sorted by id. */
    public Map<String, String> settings() {
        return settings;
    }

    /** This configuration with every explicit setting of {@code other} applied on top. */
    public LintConfig overriddenBy(LintConfig other) {
        if (other.settings.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(settings);
        merged.putAll(other.settings);
        return new LintConfig(merged);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.settings.putAll(settings);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LintConfig other && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "LintConfig" + settings;
    }

    private static Rule rule(String id, String what) {
        Objects.requireNonNull(id, what);
        Rule rule = Rule.byId(id);
        if (rule == null) {
            throw new ConfigurationException("unknown lint rule \"" + id + "\"" + suggestion(id)
                    + "; the rules are listed in docs/lint-rules.md");
        }
        return rule;
    }

    private static String suggestion(String id) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Rule r : Rule.values()) {
            int d = distance(id, r.id());
            if (d < bestDistance) {
                bestDistance = d;
                best = r.id();
            }
        }
        return best != null && bestDistance <= Math.max(2, id.length() / 4) ? " (did you mean \"" + best + "\"?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    /** Collects rule settings; {@link #build()} gives the immutable configuration. */
    public static final class Builder {

        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Reports the rule with this severity.
         *
         * @throws ConfigurationException no rule has this id
         */
        public Builder severity(String ruleId, Severity severity) {
            rule(ruleId, "ruleId");
            settings.put(ruleId, Objects.requireNonNull(severity, "severity").id());
            return this;
        }

        /**
         * Turns the rule off.
         *
         * @throws ConfigurationException no rule has this id
         */
        public Builder disable(String ruleId) {
            rule(ruleId, "ruleId");
            settings.put(ruleId, OFF);
            return this;
        }

        /**
         * Sets a rule from its textual setting: {@code off}, {@code info}, {@code warning}, {@code warn} or
         * {@code error} (case-insensitive).
         *
         * @throws ConfigurationException unknown rule or setting
         */
        public Builder set(String ruleId, String setting) {
            Objects.requireNonNull(setting, "setting");
            switch (setting.toLowerCase(Locale.ROOT)) {
                case "off" -> disable(ruleId);
                case "info" -> severity(ruleId, Severity.INFO);
                case "warn", "warning" -> severity(ruleId, Severity.WARNING);
                case "error" -> severity(ruleId, Severity.ERROR);
                default -> {
                    rule(ruleId, "ruleId");
                    throw new ConfigurationException("rule \"" + ruleId + "\" has the setting \"" + setting
                            + "\"; use off, info, warning or error");
                }
            }
            return this;
        }

        public LintConfig build() {
            return settings.isEmpty() ? DEFAULTS : new LintConfig(settings);
        }
    }
}
