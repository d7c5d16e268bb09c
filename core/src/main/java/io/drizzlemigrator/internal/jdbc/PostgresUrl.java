package io.drizzlemigrator.internal.jdbc;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.Setting;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL URL in either form users have: JDBC ({@code jdbc:postgresql://host:5432/db?user=u}) or drizzle /
 * libpq ({@code postgresql://user:pass@host:5432/db?sslmode=require}, {@code postgres://...}). Credentials are taken
 * out of the URL so that the JDBC URL kept in configuration and shown in messages never holds a password.
 *
 * @param jdbcUrl the JDBC URL, without user or password
 * @param user the user from the URL, or null
 * @param password the password from the URL, or null
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {

    /** Compiled when first needed: a URL with nothing to redact never needs them. */
    private static final class Patterns {
        static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");
        static final Pattern USERINFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^:/@?#\\s]*:)[^@/?#\\s]*@");
    }

    public static PostgresUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("The database URL is empty", Setting.URL, null);
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return fromJdbc(trimmed);
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return fromLibpq(trimmed);
        }
        throw new ConfigurationException("Unsupported database URL '" + redact(trimmed) + "': use "
                + "jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db", Setting.URL, null);
    }

    /** The URL with any password replaced by {@code ***}, for messages and logs. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        if (url.indexOf('@') < 0 && !url.toLowerCase(Locale.ROOT).contains("password=")) {
            // neither pattern can match (one needs an '@', the other "password=", ASCII case-insensitively): the
            // usual case, decided without compiling the patterns, which costs a pooled call more than all the rest
            return url;
        }
        String out = Patterns.PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return Patterns.USERINFO.matcher(out).replaceAll("$1***@");
    }

    private static PostgresUrl fromJdbc(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return new PostgresUrl(url, null, null);
        }
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        for (String param : url.substring(q + 1).split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String key = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? "" : decode(param.substring(eq + 1));
            if (key.equalsIgnoreCase("user")) {
                user = value;
            } else if (key.equalsIgnoreCase("password")) {
                password = value;
            } else {
                kept.add(param);
            }
        }
        String base = url.substring(0, q);
        return new PostgresUrl(kept.isEmpty() ? base : base + "?" + String.join("&", kept), user, password);
    }

    private static PostgresUrl fromLibpq(String url) {
        Matcher m = Pattern.compile("(?i)^postgres(?:ql)?://(?:([^@/?#]*)@)?([^/?#]*)(/[^?#]*)?(\\?[^#]*)?$")
                .matcher(url);
        if (!m.matches()) {
            throw new ConfigurationException("Malformed database URL '" + redact(url)
                    + "': expected postgresql://user:password@host:5432/database", Setting.URL, null);
        }
        String userInfo = m.group(1);
        String hostPort = m.group(2);
        String path = m.group(3);
        String query = m.group(4);
        String user = null;
        String password = null;
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            if (user.isEmpty()) {
                user = null;
            }
        }
        if (hostPort.isEmpty()) {
            hostPort = "localhost";
        }
        String database = path == null || path.length() <= 1 ? "" : path.substring(1);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hostPort).append('/').append(database);
        if (query != null && query.length() > 1) {
            List<String> kept = new ArrayList<>();
            for (String param : query.substring(1).split("&")) {
                int eq = param.indexOf('=');
                String key = eq < 0 ? param : param.substring(0, eq);
                String value = eq < 0 ? "" : decode(param.substring(eq + 1));
                if (key.equalsIgnoreCase("user")) {
                    user = value;
                } else if (key.equalsIgnoreCase("password")) {
                    password = value;
                } else if (!param.isEmpty()) {
                    kept.add(param);
                }
            }
            if (!kept.isEmpty()) {
                jdbc.append('?').append(String.join("&", kept));
            }
        }
        return new PostgresUrl(jdbc.toString(), user, password);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
