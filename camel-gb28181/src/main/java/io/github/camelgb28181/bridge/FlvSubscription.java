package io.github.camelgb28181.bridge;

import java.util.concurrent.CompletableFuture;

/** One viewer of a {@link FlvStream}. */
public interface FlvSubscription extends AutoCloseable {

    OutputStats stats();

    /** Stops delivering; the sink's {@link FlvSink#end()} runs once the queued chunks are written. */
    CompletableFuture<Void> closeAsync();

    @Override
    default void close() {
        closeAsync();
    }
}
