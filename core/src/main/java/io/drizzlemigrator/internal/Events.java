package io.drizzlemigrator.internal;

import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to the configured listeners; a listener that throws is logged and never breaks a run. */
public final class Events implements MigrationListener {

    /** Initialised on first use (a failing listener), not with this class: see {@code Engine.Log}. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Events.class);
    }

    private final List<MigrationListener> listeners;

    public Events(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onEvent(MigrationEvent event) {
        for (MigrationListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                Log.LOG.warn("Migration listener {} failed on {}: {}", listener.getClass().getName(),
                        event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
