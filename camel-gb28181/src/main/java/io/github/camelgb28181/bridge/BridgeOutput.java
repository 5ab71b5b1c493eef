package io.github.camelgb28181.bridge;

import java.util.concurrent.CompletableFuture;

/** One output of a {@link MediaBridge}. */
public interface BridgeOutput extends AutoCloseable {

    String name();

    OutputStats stats();

    /**
     * Detaches the output; what is queued is still written, then the muxer is finished (trailer, connection closed)
     * and its native memory freed. The future completes when that is done.
     */
    CompletableFuture<Void> closeAsync();

    /** Starts {@link #closeAsync()} without waiting: safe on an event loop. */
    @Override
    default void close() {
        closeAsync();
    }
}
