package com.example.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What docs/kubernetes.md asks of a Spring Boot service (the part before its Micronaut section): the
 * {@code drizzle.migrations.*} properties (also as environment variables), the CLI commands with their flags, and the
 * actuator paths of its probes.
 */
final class KubernetesDoc {

    private static final Pattern PROPERTY = Pattern.compile("drizzle\\.migrations\\.[a-z][a-z.-]*[a-z]");
    private static final Pattern ENVIRONMENT = Pattern.compile("DRIZZLE_MIGRATIONS_[A-Z_]*[A-Z]");
    private static final Pattern CLI = Pattern.compile("drizzle-migrator\\.jar\"?,?\\s+\"?([a-z]+)\"?([^\\]\\n]*)");
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z-]*");
    private static final Pattern ACTUATOR = Pattern.compile("/actuator/[a-z/]*[a-z]");

    private final String text;

    private KubernetesDoc(String text) {
        this.text = text;
    }

    static KubernetesDoc springPart() {
        Path doc = Path.of("..", "..", "docs", "kubernetes.md");
        try {
            String all = Files.readString(doc, StandardCharsets.UTF_8);
            int micronaut = all.indexOf("\n## Micronaut");
            return new KubernetesDoc(micronaut < 0 ? all : all.substring(0, micronaut));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + doc.toAbsolutePath(), e);
        }
    }

    /** Every property, in the canonical form of Spring Boot's relaxed binding: lower case, no dots, dashes or '_'. */
    Set<String> canonicalProperties() {
        Set<String> names = new TreeSet<>();
        PROPERTY.matcher(text).results().map(m -> canonical(m.group())).forEach(names::add);
        ENVIRONMENT.matcher(text).results().map(m -> canonical(m.group())).forEach(names::add);
        return names;
    }

    /** Each {@code drizzle-migrator.jar <command> --flag...} as "command --flag". */
    Set<String> cliFlags() {
        Set<String> flags = new TreeSet<>();
        Matcher cli = CLI.matcher(text);
        while (cli.find()) {
            String command = cli.group(1);
            FLAG.matcher(cli.group(2)).results().forEach(f -> flags.add(command + " " + f.group()));
        }
        return flags;
    }

    Set<String> actuatorPaths() {
        Set<String> paths = new TreeSet<>();
        ACTUATOR.matcher(text).results().map(MatchResult::group).forEach(paths::add);
        return paths;
    }

    static String canonical(String property) {
        return property.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "");
    }
}
