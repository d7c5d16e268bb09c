package io.drizzlemigrator.examples.micronaut;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A drizzle-style database URL ({@code postgresql://user:password@host:5432/db?sslmode=require}, as in
 * {@code drizzle.config.ts} and {@code DATABASE_URL}) turned into what Hikari takes: a JDBC URL without credentials,
 * and the user and password apart. The user defaults to {@value #DEFAULT_USER}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db[?params]}
 * @param user the user, never null
 * @param password the password, or null
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    /** Used when {@code DATABASE_URL} is not set. */
    public static final String DEFAULT = "postgresql://localhost:5432/postgres";
    /** Used when the URL names no user. */
    public static final String DEFAULT_USER = "postgres";

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
    }

    /** {@code DATABASE_URL} from the environment, or {@link #DEFAULT}. */
    public static String fromEnvironment(Map<String, String> environment) {
        String url = environment.get("DATABASE_URL");
        return url == null || url.isBlank() ? DEFAULT : url.trim();
    }

    /**
     * @throws IllegalArgumentException the URL is not {@code postgres://} or {@code postgresql://} with a host; the
     *                                  message never contains the password
     */
    public static DatabaseUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, "it is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw invalid(url, "the scheme must be postgresql:// or postgres://");
        }
        if (uri.getHost() == null) {
            throw invalid(url, "it names no host");
        }
        String user = DEFAULT_USER;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            if (!rawUser.isEmpty()) {
                user = decode(rawUser);
            }
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1));
            }
        }
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + host + ":" + port + path + query, user, password);
    }

    /** {@code datasources.<name>.url}, {@code .username} and (if any) {@code .password}. */
    public Map<String, Object> dataSourceProperties(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("datasources." + name + ".url", jdbcUrl);
        p.put("datasources." + name + ".username", user);
        if (password != null) {
            p.put("datasources." + name + ".password", password);
        }
        return p;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException("DATABASE_URL '" + redact(url) + "' cannot be used: " + why
                + ". Expected postgresql://user:password@host:5432/database");
    }

    /** The URL with the password part of its user info replaced by {@code ***}. */
    static String redact(String url) {
        return url.replaceAll("(?i)^([a-z]+://[^:/@?#]*:)[^@/?#]*@", "$1***@");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
