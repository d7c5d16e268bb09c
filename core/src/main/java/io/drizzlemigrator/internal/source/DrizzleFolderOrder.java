package io.drizzlemigrator.internal.source;

import java.util.Comparator;

/**
 * The order drizzle 1.0 applies {@code <14 digits>_<name>} folders in: it sorts names with JavaScript's
 * {@code localeCompare}, i.e. ICU's root collation. Folders of different seconds sort by their timestamp; within one
 * second the names compare as ICU does for ASCII: punctuation first (in ICU's order), then digits, then letters
 * ignoring case, and on a tie lowercase before uppercase. ({@link java.text.Collator} differs: it ignores {@code -}.)
 */
final class DrizzleFolderOrder implements Comparator<String> {

    static final DrizzleFolderOrder INSTANCE = new DrizzleFolderOrder();

    /** ICU root collation's order of ASCII punctuation and symbols (all before digits and letters). */
    private static final String PUNCTUATION = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

    private DrizzleFolderOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int pa = primary(a.charAt(i));
            int pb = primary(b.charAt(i));
            if (pa != pb) {
                return Integer.compare(pa, pb);
            }
        }
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // same letter in another case: lowercase first
                return Boolean.compare(Character.isUpperCase(ca), Character.isUpperCase(cb));
            }
        }
        return 0;
    }

    private static int primary(char c) {
        int p = PUNCTUATION.indexOf(c);
        if (p >= 0) {
            return p;
        }
        if (c >= '0' && c <= '9') {
            return 100 + (c - '0');
        }
        if (c >= 'a' && c <= 'z') {
            return 200 + (c - 'a');
        }
        if (c >= 'A' && c <= 'Z') {
            return 200 + (c - 'A');
        }
        return 1000 + c;
    }
}
