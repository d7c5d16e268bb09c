package io.drizzlemigrator.micronaut;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Reads the single value of a publisher, for tests. */
final class Reactive {

    private Reactive() {
    }

    static <T> T single(Publisher<T> publisher) {
        CompletableFuture<T> value = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(T t) {
                value.complete(t);
            }

            @Override
            public void onError(Throwable t) {
                value.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                value.completeExceptionally(new AssertionError("the publisher completed without a value"));
            }
        });
        try {
            return value.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
