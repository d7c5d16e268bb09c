package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.MigrationEvent;
import io.drizzlemigrator.MigrationListener;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener bean for the runs of the datasource named "default" only. */
@Singleton
@Named("default")
@Requires(property = "test.record-events", value = "true")
class RecordingListener implements MigrationListener {

    final List<MigrationEvent> events = new CopyOnWriteArrayList<>();
    /** The tag of the first migration started; completed after the health tracker has seen it. */
    final CompletableFuture<String> firstStarted = new CompletableFuture<>();

    @Override
    public void onEvent(MigrationEvent event) {
        events.add(event);
        if (event instanceof MigrationEvent.MigrationStarted started) {
            firstStarted.complete(started.tag());
        }
    }
}
