package io.drizzlemigrator.reliability;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts every test of the run by class (passed, failed, skipped, seconds) into the results directory, and when
 * {@code -Dreliability.doc=<path of docs/reliability.md>} is given, rewrites that doc's figures section from this run's
 * results. Registered through {@code META-INF/services}, so failsafe's JUnit launcher calls it.
 */
public final class ResultsListener implements TestExecutionListener {

    private final Map<String, int[]> counts = new ConcurrentHashMap<>(); // passed, failed, skipped
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, Long> seconds = new ConcurrentHashMap<>();

    /** A run's figures are only its own: what an earlier run recorded is removed first. */
    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        ReliabilityResults.clear();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        className(id, true).ifPresent(c -> started.putIfAbsent(c, System.nanoTime()));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            className(id, false).ifPresent(c -> counts.computeIfAbsent(c, k -> new int[3])[2]++);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            int slot = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? 0
                    : result.getStatus() == TestExecutionResult.Status.FAILED ? 1 : 2;
            className(id, false).ifPresent(c -> counts.computeIfAbsent(c, k -> new int[3])[slot]++);
        } else {
            className(id, true).ifPresent(c -> {
                Long t0 = started.get(c);
                if (t0 != null) {
                    seconds.put(c, (System.nanoTime() - t0) / 1_000_000_000L);
                }
            });
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (counts.isEmpty()) {
            return;
        }
        Map<String, Object> tests = new TreeMap<>();
        counts.forEach((c, n) -> {
            tests.put(c + ".passed", n[0]);
            tests.put(c + ".failed", n[1]);
            tests.put(c + ".skipped", n[2]);
            tests.put(c + ".seconds", seconds.getOrDefault(c, 0L));
        });
        ReliabilityResults.record("tests", tests);
        String doc = System.getProperty("reliability.doc", "");
        if (!doc.isBlank()) {
            ReliabilityDoc.write(Path.of(doc), ReliabilityResults.readAll());
        }
    }

    /** The simple name of the test class of a test (or, with {@code classOnly}, of a class container). */
    private static java.util.Optional<String> className(TestIdentifier id, boolean classOnly) {
        return id.getSource().flatMap(s -> {
            if (s instanceof ClassSource cs) {
                return java.util.Optional.of(cs.getJavaClass().getSimpleName());
            }
            if (!classOnly && s instanceof MethodSource ms) {
                String name = ms.getClassName();
                return java.util.Optional.of(name.substring(name.lastIndexOf('.') + 1));
            }
            return java.util.Optional.empty();
        });
    }
}
