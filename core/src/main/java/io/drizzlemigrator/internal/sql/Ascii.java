package io.drizzlemigrator.internal.sql;

/** ASCII-only case handling, as PostgreSQL folds keywords (no locale, no Unicode case mapping). */
final class Ascii {

    private Ascii() {
    }

    static char toLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && regionEqualsIgnoreCase(a, 0, b);
    }

    /** Whether {@code s} holds {@code keyword} at {@code from}, ignoring ASCII case. */
    static boolean regionEqualsIgnoreCase(String s, int from, String keyword) {
        int n = keyword.length();
        if (from < 0 || from + n > s.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (toLower(s.charAt(from + i)) != toLower(keyword.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} holds {@code keyword} anywhere, ignoring ASCII case. */
    static boolean containsIgnoreCase(String s, String keyword) {
        char first = toLower(keyword.charAt(0));
        for (int i = 0, last = s.length() - keyword.length(); i <= last; i++) {
            if (toLower(s.charAt(i)) == first && regionEqualsIgnoreCase(s, i, keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Lower-cases ASCII letters only. */
    static String toLowerCase(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = (char) (c + ('a' - 'A'));
            }
        }
        return out == null ? s : new String(out);
    }

    /** Upper-cases ASCII letters only. */
    static String toUpperCase(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = (char) (c - ('a' - 'A'));
            }
        }
        return out == null ? s : new String(out);
    }
}
