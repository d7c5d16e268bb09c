package io.drizzlemigrator.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes passwords from everything the command line prints itself (error lines, stack traces, JSON). The core
 * already keeps passwords out of its messages and logs; this is the second line of defence for text the core does
 * not control, such as a usage error echoing an argument or a URL of an unsupported scheme.
 *
 * <p>The secrets are collected from the arguments ({@code --password}, passwords inside URLs) and from the
 * environment ({@code PGPASSWORD}, {@code DATABASE_URL}); each occurrence is replaced by {@code ***}, and so is the
 * password part of any {@code scheme://user:password@} or {@code password=} text.
 */
final class Redactor {

    static final String MASK = "***";
    /** Shorter secrets are masked only where they appear as a URL or {@code password=} value, not everywhere. */
    private static final int MIN_LITERAL_LENGTH = 3;

    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^:/@?#\\s]*:)([^@/?#\\s]*)@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)([^&;\\s'\"]*)");

    /** --password and its likely misspellings (--pasword, --passwd, --pwd). */
    private static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)pa?s+w|pass|pwd|secret");

    private final List<String> secrets;

    private Redactor(Set<String> secrets) {
        List<String> list = new ArrayList<>(secrets);
        list.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(list);
    }

    /** A redactor for the passwords these arguments and this environment hold. */
    static Redactor of(String[] args, Map<String, String> env) {
        Set<String> secrets = new LinkedHashSet<>();
        addSecret(secrets, env.get(CommonOptions.ENV_PASSWORD));
        addUrlSecrets(secrets, env.get(CommonOptions.ENV_URL));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg == null) {
                continue;
            }
            // --password, and misspellings of it, which a usage error would otherwise echo
            if (looksLikePasswordOption(arg)) {
                int eq = arg.indexOf('=');
                if (eq >= 0) {
                    addSecret(secrets, arg.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    addSecret(secrets, args[i + 1]);
                }
            }
            addUrlSecrets(secrets, arg);
        }
        return new Redactor(secrets);
    }

    /** The text with every known password and every URL/parameter password replaced by {@value #MASK}. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        out = PASSWORD_PARAM.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        for (String secret : secrets) {
            if (secret.length() >= MIN_LITERAL_LENGTH) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    private static boolean looksLikePasswordOption(String arg) {
        if (!arg.startsWith("-")) {
            return false;
        }
        String name = arg.indexOf('=') < 0 ? arg : arg.substring(0, arg.indexOf('='));
        return PASSWORD_OPTION.matcher(name).find();
    }

    private static void addUrlSecrets(Set<String> secrets, String text) {
        if (text == null) {
            return;
        }
        Matcher userInfo = USERINFO.matcher(text);
        while (userInfo.find()) {
            addSecret(secrets, userInfo.group(2));
        }
        Matcher param = PASSWORD_PARAM.matcher(text);
        while (param.find()) {
            addSecret(secrets, param.group(2));
        }
    }

    private static void addSecret(Set<String> secrets, String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        secrets.add(secret);
        try {
            // URLs carry passwords percent-encoded; messages may show either form
            secrets.add(URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // not percent-encoded text: the literal form is enough
        }
    }
}
