package io.github.camelgb28181.bridge;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Tuning of a {@link MediaBridge}.
 *
 * @param queueCapacity       units (or FLV chunks) an output may have waiting before it drops to the next key frame
 * @param gopCacheBytes       the most the cache of the current GOP may hold; a longer GOP is not cached (late
 *                            joiners then wait for the next key frame) so that one odd device cannot eat the heap
 * @param audioProbe          how long (stream time) an output waits at its first key frame for audio to show up
 *                            before it opens a video-only muxer
 * @param networkTimeout      connect and read/write timeout of network outputs ({@code rw_timeout})
 * @param reconnectMinDelay   first backoff after a push failed
 * @param reconnectMaxDelay   the backoff doubles up to this
 * @param nanoClock           monotonic time for backoffs
 * @param wallClock           wall-clock time for recording file names
 * @param flvStreamAudio      what the in-memory FLV of HTTP-FLV viewers keeps of the audio (web players read AAC only)
 */
public record BridgeConfig(int queueCapacity, long gopCacheBytes, Duration audioProbe, Duration networkTimeout,
                           Duration reconnectMinDelay, Duration reconnectMaxDelay, LongSupplier nanoClock,
                           Clock wallClock, AudioMode flvStreamAudio) {

    public BridgeConfig {
        if (queueCapacity < 1 || gopCacheBytes < 0) {
            throw new IllegalArgumentException("queue capacity must be positive and the GOP cache not negative");
        }
        Objects.requireNonNull(audioProbe, "audioProbe");
        Objects.requireNonNull(networkTimeout, "networkTimeout");
        Objects.requireNonNull(reconnectMinDelay, "reconnectMinDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(flvStreamAudio, "flvStreamAudio");
    }

    /**
     * 512 units is 10 s of 25 fps video with audio; an 8 MB GOP cache holds a 4 s GOP at 16 Mbit/s. The 5 s
     * network timeout is what RTMP servers tolerate between chunks before they drop a publisher anyway.
     */
    public static BridgeConfig defaults() {
        return new BridgeConfig(512, 8L * 1024 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(30), System::nanoTime, Clock.systemUTC(), AudioMode.AUTO);
    }

    public BridgeConfig withQueueCapacity(int units) {
        return new BridgeConfig(units, gopCacheBytes, audioProbe, networkTimeout, reconnectMinDelay,
                reconnectMaxDelay, nanoClock, wallClock, flvStreamAudio);
    }

    public BridgeConfig withReconnectDelays(Duration min, Duration max) {
        return new BridgeConfig(queueCapacity, gopCacheBytes, audioProbe, networkTimeout, min, max, nanoClock,
                wallClock, flvStreamAudio);
    }

    public BridgeConfig withNetworkTimeout(Duration timeout) {
        return new BridgeConfig(queueCapacity, gopCacheBytes, audioProbe, timeout, reconnectMinDelay,
                reconnectMaxDelay, nanoClock, wallClock, flvStreamAudio);
    }

    public BridgeConfig withClocks(LongSupplier nanos, Clock wall) {
        return new BridgeConfig(queueCapacity, gopCacheBytes, audioProbe, networkTimeout, reconnectMinDelay,
                reconnectMaxDelay, nanos, wall, flvStreamAudio);
    }

    public BridgeConfig withFlvStreamAudio(AudioMode mode) {
        return new BridgeConfig(queueCapacity, gopCacheBytes, audioProbe, networkTimeout, reconnectMinDelay,
                reconnectMaxDelay, nanoClock, wallClock, mode);
    }

    long audioProbeTicks() {
        return audioProbe.toMillis() * 90;
    }
}
