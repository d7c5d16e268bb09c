package io.drizzlemigrator.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@link MigrationFinishedEvent}s a context publishes. */
@Singleton
@Requires(property = "test.record-events", value = "true")
class FinishedEvents implements ApplicationEventListener<MigrationFinishedEvent> {

    final List<MigrationFinishedEvent> received = new CopyOnWriteArrayList<>();

    @Override
    public void onApplicationEvent(MigrationFinishedEvent event) {
        received.add(event);
    }
}
