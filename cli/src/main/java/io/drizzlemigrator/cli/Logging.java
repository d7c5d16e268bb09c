package io.drizzlemigrator.cli;

/**
 * Configures slf4j-simple, which prints the core's logs: always on stderr (stdout is for the summary or the JSON
 * document), short time stamps, no thread names, INFO by default, DEBUG with {@code --verbose}, WARN with
 * {@code --quiet}. Settings given as {@code -Dorg.slf4j.simpleLogger...} system properties are kept, except the
 * level when {@code --verbose} or {@code --quiet} asks for one.
 *
 * <p>slf4j-simple reads its settings when the first logger is created, so this must run before the core is used;
 * in one JVM, later calls cannot change the level of loggers that already exist.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private static final String LEVEL = PREFIX + "defaultLogLevel";
    /** The level the user gave with -D, if any, before this class changed anything. */
    private static final String USER_LEVEL = System.getProperty(LEVEL);

    private Logging() {
    }

    static void configure(boolean verbose, boolean quiet) {
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", "true");
        if (verbose) {
            System.setProperty(LEVEL, "debug");
        } else if (quiet) {
            System.setProperty(LEVEL, "warn");
        } else {
            System.setProperty(LEVEL, USER_LEVEL != null ? USER_LEVEL : "info");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
