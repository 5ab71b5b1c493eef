package io.github.camelgb28181.bridge;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link OutputStats}; written by the feeding thread (drops) and the output's task. */
final class OutputCounters {

    private final String name;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile OutputState state = OutputState.WAITING;
    private volatile String lastError;

    OutputCounters(String name) {
        this.name = name;
    }

    void written(long packetCount, long byteCount) {
        packets.addAndGet(packetCount);
        bytes.addAndGet(byteCount);
    }

    void dropped() {
        drops.incrementAndGet();
    }

    void reconnected() {
        reconnects.incrementAndGet();
    }

    void failed(Throwable error) {
        lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    void state(OutputState newState) {
        state = newState;
    }

    OutputState state() {
        return state;
    }

    OutputStats snapshot() {
        return new OutputStats(name, state, packets.get(), bytes.get(), drops.get(), reconnects.get(), lastError);
    }
}
