package com.example.tasks;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code DATABASE_URL} as drizzle.config.ts, psql and Node take it ({@code postgresql://user:password@host:5432/db}),
 * turned into what HikariCP takes: a JDBC URL without credentials, a user ({@code postgres} when the URL names
 * none) and a password. A {@code jdbc:postgresql:} URL is used as it is.
 *
 * @param jdbcUrl the JDBC URL, without user or password
 * @param user the user
 * @param password the password, or null
 */
record DatabaseUrl(String jdbcUrl, String user, String password) {

    static final String DEFAULT_USER = "postgres";

    static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty: set it to postgresql://user:password@host:5432/db");
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, DEFAULT_USER, null);
        }
        if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// (or postgres://, "
                    + "jdbc:postgresql://), was " + scheme(trimmed) + "://...");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL (" + e.getReason()
                    + "): percent-encode special characters in the user and password");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL names no host: expected postgresql://user:password@host:5432/db");
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
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? DEFAULT_USER : path.substring(1);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(database);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        return new DatabaseUrl(jdbc.toString(), user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "(none)" : url.substring(0, colon);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
