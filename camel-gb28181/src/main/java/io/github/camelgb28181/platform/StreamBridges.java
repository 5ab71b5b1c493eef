package io.github.camelgb28181.platform;

import io.github.camelgb28181.bridge.BridgeConfig;
import io.github.camelgb28181.bridge.BridgeOutput;
import io.github.camelgb28181.bridge.MediaBridge;
import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.codec.ParameterSets;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.media.session.StreamState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The media bridges of a platform's streams: at most one {@link MediaBridge} per stream, created when something first
 * asks for it (an output, a viewer, a snapshot) and closed when the stream ends, so that outputs never outlive the
 * video that feeds them.
 *
 * <p>Access units of streams without a bridge cost one map lookup. A bridge created while its stream runs starts at
 * the stream's next key frame.
 */
public final class StreamBridges implements StreamListener, AutoCloseable {

    private final Gb28181Platform platform;
    private final Executor executor;
    private final BridgeConfig config;
    private final Map<String, MediaBridge> bridges = new ConcurrentHashMap<>();
    /**
     * Every running stream's latest parameter sets: the demuxer announces them only when they change, so a bridge
     * created later would otherwise never learn the SPS/PPS of the stream it joins and could not mux a single frame.
     */
    private final Map<String, ParameterSets> parameterSets = new ConcurrentHashMap<>();
    /** Outputs by stream and by a key naming what they are, so that asking twice attaches once. */
    private final Map<String, Map<String, BridgeOutput>> outputs = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param executor where the bridges write, remux and decode: a bounded pool, never an event loop (network
     *                 outputs block on their sockets)
     */
    public StreamBridges(Gb28181Platform platform, Executor executor, BridgeConfig config) {
        this.platform = platform;
        this.executor = executor;
        this.config = config;
        platform.addStreamListener(this);
    }

    /**
     * The bridge of a running stream, created on first use. Creating the first bridge of a JVM loads FFmpeg (about a
     * second), so call this from a worker thread, not an event loop.
     *
     * @throws IllegalArgumentException when no such stream is running
     */
    public MediaBridge bridge(String streamId) {
        if (closed) {
            throw new IllegalStateException("the media bridges are stopped");
        }
        StreamSession session = platform.runningStream(streamId);
        MediaBridge bridge = bridges.computeIfAbsent(streamId,
                id -> new MediaBridge(session.channelId() + "/" + id, executor, config));
        // after the bridge is visible to onParameterSets, so that sets arriving meanwhile are not lost either way
        ParameterSets sets = parameterSets.get(streamId);
        if (sets != null) {
            bridge.onParameterSets(sets);
        }
        // the stream may have ended between the check and the creation; its end event found no bridge to close
        StreamSession now = platform.stream(streamId);
        if (now == null || now.state() == StreamState.ENDED) {
            close(streamId);
            throw new IllegalArgumentException("stream " + streamId + " ended");
        }
        return bridge;
    }

    /**
     * The stream's output named {@code key} (e.g. "hls", "recording", a push URL), attached by {@code create} unless
     * one with that key is attached already: a second viewer of HLS or a repeated "record" reuses the first.
     */
    public BridgeOutput output(String streamId, String key, Function<MediaBridge, ? extends BridgeOutput> create) {
        MediaBridge bridge = bridge(streamId);
        Map<String, BridgeOutput> byKey = outputs.computeIfAbsent(streamId, id -> new ConcurrentHashMap<>());
        BridgeOutput output = byKey.computeIfAbsent(key, k -> create.apply(bridge));
        if (bridges.get(streamId) != bridge) { // closed meanwhile
            output.close();
            throw new IllegalArgumentException("stream " + streamId + " ended");
        }
        return output;
    }

    /** Detaches and closes the output named {@code key}; null when there is none. */
    public BridgeOutput removeOutput(String streamId, String key) {
        Map<String, BridgeOutput> byKey = outputs.get(streamId);
        BridgeOutput output = byKey == null ? null : byKey.remove(key);
        if (output != null) {
            output.close();
        }
        return output;
    }

    /** Where the bridges work; also the place for work that may create the first bridge (FFmpeg loading). */
    public Executor executor() {
        return executor;
    }

    /** The stream's bridge if one was created, else null. */
    public MediaBridge find(String streamId) {
        return bridges.get(streamId);
    }

    @Override
    public void onStreamEvent(StreamEvent event) {
        if (event.session().state() == StreamState.ENDED) {
            close(event.session().streamId());
        }
    }

    @Override
    public void onAccessUnit(StreamSession stream, AccessUnit unit) {
        MediaBridge bridge = bridges.get(stream.streamId());
        if (bridge != null) {
            bridge.onAccessUnit(unit);
        }
    }

    @Override
    public void onParameterSets(StreamSession stream, ParameterSets sets) {
        parameterSets.put(stream.streamId(), sets);
        MediaBridge bridge = bridges.get(stream.streamId());
        if (bridge != null) {
            bridge.onParameterSets(sets);
        }
    }

    private void close(String streamId) {
        parameterSets.remove(streamId);
        outputs.remove(streamId);
        MediaBridge bridge = bridges.remove(streamId);
        if (bridge != null) {
            bridge.closeAsync();
        }
    }

    /** Closes every bridge; the future completes when their outputs are finished and their native memory freed. */
    public CompletableFuture<Void> closeAsync() {
        closed = true;
        platform.removeStreamListener(this);
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (String id : List.copyOf(bridges.keySet())) {
            outputs.remove(id);
            MediaBridge bridge = bridges.remove(id);
            if (bridge != null) {
                closing.add(bridge.closeAsync());
            }
        }
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }

    @Override
    public void close() {
        closeAsync();
    }
}
