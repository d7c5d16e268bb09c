package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.AppliedMigration;
import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers the migrations this process applied to one datasource, with when and how long, for the endpoint. */
final class ProcessHistory implements MigrationListener {

    /** A migration applied by this process: when it ended, how long it took, whether in a transaction. */
    record Entry(Instant appliedAt, Duration duration, boolean transactional) {
    }

    private final Clock clock;
    private final Map<String, Entry> applied = new ConcurrentHashMap<>();

    ProcessHistory() {
        this(Clock.systemUTC());
    }

    ProcessHistory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onEvent(MigrationEvent event) {
        if (event instanceof MigrationEvent.MigrationApplied e) {
            AppliedMigration m = e.migration();
            applied.put(m.tag(), new Entry(clock.instant(), m.duration(), m.transactional()));
        }
    }

    Optional<Entry> get(String tag) {
        return Optional.ofNullable(applied.get(tag));
    }
}
