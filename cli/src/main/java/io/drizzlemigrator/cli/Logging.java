package io.drizzlemigrator.cli;

import io.drizzlemigrator.FanOut;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures slf4j-simple, which prints the core's logs: always on stderr (stdout is for the summary or the JSON
 * document), short time stamps, no thread names, INFO by default (core's own loggers WARN while the text summary
 * says what their INFO lines would), DEBUG with {@code --verbose}, WARN with {@code --quiet}. Settings given as
 * {@code -Dorg.slf4j.simpleLogger...} system properties are kept, except the level when {@code --verbose} or
 * {@code --quiet} asks for one. java.util.logging (pgjdbc's logger) is routed
 * through the same loggers, so that its lines are formatted, levelled and placed like every other.
 *
 * <p>slf4j-simple reads its settings when the first logger is created, so this must run before the core is used;
 * in one JVM, later calls cannot change the level of loggers that already exist.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private static final String LEVEL = PREFIX + "defaultLogLevel";
    /**
     * The level of core's loggers. With a text summary on stdout, core's INFO milestones (N pending, each migration
     * applied, the total) would say everything a second time (Dokploy's 186 migrations were 372 lines): the summary
     * keeps them, and the log keeps what the summary does not say (warnings, errors). --verbose shows everything.
     */
    static final String CORE_LOGGERS = PREFIX + "log.io.drizzlemigrator";
    /** The level the user gave with -D, if any, before this class changed anything. */
    private static final String USER_LEVEL = System.getProperty(LEVEL);

    private Logging() {
    }

    /**
     * @param summaryOnStdout whether the command prints its text summary (one line per applied migration)
     */
    static void configure(boolean verbose, boolean quiet, boolean summaryOnStdout) {
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
        if (summaryOnStdout && !verbose && USER_LEVEL == null && System.getProperty(CORE_LOGGERS) == null) {
            System.setProperty(CORE_LOGGERS, "warn");
            // a fan-out's own lines (one per finished target, progress, the summary) are what its log is for
            setIfAbsent("log." + FanOut.LOGGER, "info");
        }
        routeJavaUtilLogging();
    }

    /**
     * Replaces java.util.logging's root console handler (which prints two raw lines per record on stderr) by the
     * bridge to slf4j. Idempotent: in-process runs (tests) configure logging once per command.
     */
    static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
