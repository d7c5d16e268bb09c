package io.drizzlemigrator.health;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it, with a deadline: never a fixed sleep standing in for synchronisation. */
public final class Poll {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Poll() {
    }

    /**
     * Polls {@code condition} every 10 ms until it holds; fails after the deadline, or as soon as one of {@code runs}
     * ended (with its error, if it failed), since the condition then can no longer come.
     */
    public static void until(String what, BooleanSupplier condition, Future<?>... runs) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            for (Future<?> run : runs) {
                if (run.isDone()) {
                    try {
                        run.get();
                        fail("A run ended before: " + what);
                    } catch (ExecutionException e) {
                        throw new AssertionError("A run failed before: " + what, e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
            }
            if (System.nanoTime() - deadline > 0) {
                fail("Not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }
}
