package io.github.camelgb28181.bridge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The bridge's stream as an FLV byte stream in memory, for HTTP-FLV: muxed once, fanned out to any number of
 * viewers. A viewer that joins late gets the FLV header with the codec configuration, then the tags of the current
 * GOP from its key frame, then the live tags, so its player can start decoding at once. Each viewer has its own
 * bounded queue: a slow viewer drops to the next key frame without holding up the muxer or other viewers.
 */
public final class FlvStream {

    private final Executor executor;
    private final int queueCapacity;
    private final long gopCacheBytes;
    private final OutputCounters counters;
    private final List<Viewer> viewers = new ArrayList<>();
    private final List<FlvChunk> gop = new ArrayList<>();
    private long gopBytes;
    private boolean gopComplete;
    private FlvChunk header;
    private CompletableFuture<Void> ended;

    FlvStream(Executor executor, int queueCapacity, long gopCacheBytes, OutputCounters counters) {
        this.executor = executor;
        this.queueCapacity = queueCapacity;
        this.gopCacheBytes = gopCacheBytes;
        this.counters = counters;
    }

    /** Starts delivering to {@code sink}; returns at once (the sink is called on the executor). */
    public FlvSubscription subscribe(FlvSink sink) {
        OutputCounters viewerCounters = new OutputCounters("flv viewer");
        Viewer viewer = new Viewer(sink, viewerCounters);
        viewer.queue = new OutputQueue<>(queueCapacity, FlvChunk::decodable, executor, viewer, viewerCounters);
        synchronized (this) {
            if (ended != null) {
                viewer.queue.close();
                return viewer;
            }
            if (header != null && gopComplete) {
                viewer.queue.offer(header);
                gop.forEach(viewer.queue::offer);
            } else {
                // no key frame to start from yet: the header goes out with the next one
                viewer.needsHeader = true;
            }
            viewers.add(viewer);
        }
        return viewer;
    }

    public synchronized int viewerCount() {
        return viewers.size();
    }

    /** The muxer's counters: tags produced, and drops of the muxing queue itself. */
    public OutputStats stats() {
        return counters.snapshot();
    }

    synchronized void publishHeader(byte[] bytes) {
        header = new FlvChunk(bytes, true);
        gop.clear();
        gopBytes = 0;
        gopComplete = false;
    }

    synchronized void publishTag(byte[] bytes, boolean videoKeyFrame) {
        if (bytes.length == 0) {
            return;
        }
        FlvChunk chunk = new FlvChunk(bytes, videoKeyFrame);
        if (videoKeyFrame) {
            gop.clear();
            gopBytes = 0;
            gopComplete = true;
        }
        if (gopComplete) {
            gop.add(chunk);
            gopBytes += bytes.length;
            if (gopBytes > gopCacheBytes) {
                gop.clear();
                gopComplete = false;
            }
        }
        for (Viewer viewer : viewers) {
            if (viewer.needsHeader) {
                if (!videoKeyFrame || header == null) {
                    continue;
                }
                viewer.queue.offer(header);
                viewer.needsHeader = false;
            }
            viewer.queue.offer(chunk);
        }
    }

    /** The bridge stopped: every viewer gets what is queued, then its end. */
    synchronized CompletableFuture<Void> end() {
        if (ended == null) {
            ended = CompletableFuture.allOf(viewers.stream().map(v -> v.queue.close())
                    .toArray(CompletableFuture[]::new));
            viewers.clear();
            gop.clear();
        }
        return ended;
    }

    private synchronized void remove(Viewer viewer) {
        viewers.remove(viewer);
    }

    private final class Viewer implements OutputQueue.Worker<FlvChunk>, FlvSubscription {

        private final FlvSink sink;
        private final OutputCounters viewerCounters;
        private OutputQueue<FlvChunk> queue;
        private boolean needsHeader;
        private boolean broken;
        private boolean skipping;
        private boolean started;

        Viewer(FlvSink sink, OutputCounters viewerCounters) {
            this.sink = sink;
            this.viewerCounters = viewerCounters;
        }

        @Override
        public void process(FlvChunk chunk) {
            if (broken) {
                return;
            }
            if (skipping && !chunk.decodable()) {
                viewerCounters.dropped();
                return;
            }
            if (started && !sink.ready()) {
                // a slow non-blocking viewer: what it cannot take now is dropped up to the next key frame (never
                // the header it starts with)
                skipping = true;
                viewerCounters.dropped();
                return;
            }
            skipping = false;
            started = true;
            try {
                sink.write(chunk.bytes());
                viewerCounters.state(OutputState.RUNNING);
                viewerCounters.written(1, chunk.bytes().length);
            } catch (IOException | RuntimeException e) {
                viewerCounters.failed(e);
                broken = true;
                closeAsync();
            }
        }

        @Override
        public void finish() {
            sink.end();
        }

        @Override
        public OutputStats stats() {
            return viewerCounters.snapshot();
        }

        @Override
        public CompletableFuture<Void> closeAsync() {
            remove(this);
            return queue.close();
        }
    }
}
