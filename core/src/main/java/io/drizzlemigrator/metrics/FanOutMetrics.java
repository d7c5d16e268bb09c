package io.drizzlemigrator.metrics;

import io.drizzlemigrator.FanOutListener;
import io.drizzlemigrator.TargetOutcome;
import io.drizzlemigrator.TargetResult;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the targets of {@link io.drizzlemigrator.FanOut} runs by outcome. There is deliberately no tenant tag: a
 * tag per tenant is unbounded cardinality (hundreds or thousands of series per meter); which tenant did what is in the
 * {@link io.drizzlemigrator.FanOutResult} and the {@link FanOutListener}s. Targets finished before
 * {@link #bindTo(MeterRegistry)} are counted too. Thread-safe.
 *
 * <pre>{@code
 * FanOutMetrics metrics = new FanOutMetrics(Tags.empty());
 * metrics.bindTo(meterRegistry);
 * FanOut.configure(base).targets(tenants).listener(metrics).run();
 * }</pre>
 */
public final class FanOutMetrics implements MeterBinder, FanOutListener {

    /**
     * Counter of fan-out targets finished, tagged {@link DrizzleMigrationMetrics#TAG_OUTCOME}: {@code applied},
     * {@code current}, {@code failed}, {@code lock-timeout}, {@code behind}, {@code not-run}.
     */
    public static final String TARGETS = "drizzle.migrations.fanout.targets";

    private final Tags tags;
    private final Map<TargetOutcome, AtomicLong> counts = new EnumMap<>(TargetOutcome.class);

    public FanOutMetrics(Tags tags) {
        this.tags = tags;
        for (TargetOutcome o : TargetOutcome.values()) {
            counts.put(o, new AtomicLong());
        }
    }

    /** The tag value of an outcome: {@code lock-timeout} for {@link TargetOutcome#LOCK_TIMEOUT}. */
    public static String tagValue(TargetOutcome outcome) {
        return outcome.tagValue();
    }

    @Override
    public void targetFinished(TargetResult result) {
        counts.get(result.outcome()).incrementAndGet();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Map.Entry<TargetOutcome, AtomicLong> e : counts.entrySet()) {
            FunctionCounter.builder(TARGETS, e.getValue(), AtomicLong::get)
                    .description("Fan-out targets (tenant schemas or databases) finished, by outcome")
                    .baseUnit("targets")
                    .tags(tags.and(DrizzleMigrationMetrics.TAG_OUTCOME, tagValue(e.getKey())))
                    .register(registry);
        }
    }
}
