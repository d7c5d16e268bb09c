package io.drizzlemigrator.interop;

import java.util.regex.Pattern;

/** Masks passwords in {@code scheme://user:password@host} URLs before they reach a failure message. */
final class Redaction {

    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(\\w+://[^:/@\\s]+):[^@\\s]*@");

    private Redaction() {
    }

    static String mask(String text) {
        return text == null ? "" : USER_INFO_PASSWORD.matcher(text).replaceAll("$1:***@");
    }
}
