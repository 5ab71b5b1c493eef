package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.AccessUnitListener;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.codec.ParameterSets;
import io.github.camelgb28181.util.Completions;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bridges one received stream to the formats players and servers use, without transcoding: attach it as the
 * {@link AccessUnitListener} of a stream and add outputs (RTMP/RTSP push, HLS, FLV/MP4 files, recordings, an
 * in-memory FLV stream for HTTP-FLV, JPEG snapshots).
 *
 * <p>The listener methods run on the demuxer's thread (a Netty event loop) and only queue: each output has a bounded
 * queue drained on the caller's {@link Executor}, so a slow or broken output never stalls the stream or the other
 * outputs. Outputs start at a key frame; one added later starts from the cached GOP.
 */
public final class MediaBridge implements AccessUnitListener, AutoCloseable {

    /** SPEC §3.3: "up to 10 pictures at a set interval". */
    public static final int MAX_SNAPSHOT_SERIES = 10;
    private static final int MAX_WAITING_SNAPSHOTS = 64;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String name;
    private final Executor executor;
    private final BridgeConfig config;
    private final List<Attached> outputs = new ArrayList<>();
    private final GopCache gop;
    private final List<CompletableFuture<Snapshot>> waitingSnapshots = new ArrayList<>();
    private ParameterSets parameterSets;
    private StreamUnit latestKeyFrame;
    private FlvStream flvStream;
    private volatile AudioFormat audioFormat;
    private boolean closed;
    private CompletableFuture<Void> closing;

    /**
     * The first bridge of a JVM loads FFmpeg's native libraries (about a second), so construct bridges where that
     * may block, not on an event loop; it is then not paid by the first access unit, whose outputs would drop what
     * arrives meanwhile.
     *
     * @param name     names the stream in logs and statistics (e.g. channel ID and SSRC)
     * @param executor runs all output work; never the thread that feeds the bridge
     */
    public MediaBridge(String name, Executor executor, BridgeConfig config) {
        this.name = Objects.requireNonNull(name, "name");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.config = Objects.requireNonNull(config, "config");
        this.gop = new GopCache(config.gopCacheBytes());
        Loader.load(avformat.class);
        Loader.load(avcodec.class);
        FfmpegLog.install();
    }

    public String name() {
        return name;
    }

    @Override
    public synchronized void onParameterSets(ParameterSets sets) {
        if (sets.codec() == MediaCodec.H264 || sets.codec() == MediaCodec.H265) {
            parameterSets = sets;
        }
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        MediaCodec codec = unit.codec();
        if (codec == MediaCodec.MPEG4 || codec == MediaCodec.UNKNOWN) {
            return;
        }
        if (!unit.isVideo() && audioFormat == null) {
            learnAudio(unit);
        }
        List<CompletableFuture<Snapshot>> answered = null;
        StreamUnit streamUnit;
        synchronized (this) {
            if (closed) {
                return;
            }
            streamUnit = new StreamUnit(unit, parameterSets);
            gop.add(streamUnit);
            if (streamUnit.isVideoKeyFrame() && decodable(streamUnit)) {
                latestKeyFrame = streamUnit;
                if (!waitingSnapshots.isEmpty()) {
                    answered = new ArrayList<>(waitingSnapshots);
                    waitingSnapshots.clear();
                }
            }
            for (Attached output : outputs) {
                output.queue.offer(streamUnit);
            }
        }
        if (answered != null) {
            CompletableFuture<Snapshot> picture = CompletableFuture.supplyAsync(() -> picture(streamUnit), executor);
            answered.forEach(waiting -> relay(picture, waiting));
        }
    }

    private void learnAudio(AccessUnit unit) {
        try {
            audioFormat = AudioFormat.of(unit);
        } catch (MalformedUnitException e) {
            // learnt from a later unit; outputs treat this one as a drop
        }
    }

    private static boolean decodable(StreamUnit unit) {
        return unit.parameterSets() != null && unit.parameterSets().complete()
                && unit.parameterSets().codec() == unit.unit().codec();
    }

    /** Adds an output; it starts with the cached GOP or at the next key frame. */
    public BridgeOutput addOutput(OutputSpec spec) {
        OutputCounters counters = new OutputCounters(spec.describe());
        SessionPlanner planner = layout -> {
            if (spec.kind() == OutputKind.HLS) {
                Files.createDirectories(Path.of(spec.destination()));
            }
            return MuxPlan.of(spec, layout, config.networkTimeout());
        };
        UnitTransform transform = spec.transcode() == null ? UnitTransform.NONE
                : new VideoTranscoder(spec.transcode());
        MuxerWorker worker = new MuxerWorker(spec.describe(), planner, SessionPolicy.forOutput(spec.kind()),
                sessionStart(spec.audio() != AudioMode.DROP), config, transform, counters);
        return attach(spec.describe(), worker, counters, null);
    }

    /** Starts recording to files, rotated by duration and/or size at key frames. */
    public Recording startRecording(RecordingSpec spec) {
        String outputName = "recording " + spec.folder().resolve(spec.prefix());
        OutputCounters counters = new OutputCounters(outputName);
        List<Path> files = new CopyOnWriteArrayList<>();
        SessionPlanner planner = layout -> {
            Files.createDirectories(spec.folder());
            String file = spec.prefix() + "-" + FILE_TIME.format(config.wallClock().instant()) + "-"
                    + (files.size() + 1) + "." + spec.extension();
            Path path = spec.folder().resolve(file);
            files.add(path);
            OutputSpec output = spec.container() == OutputKind.FLV_FILE ? OutputSpec.flvFile(path)
                    // fragmented, so that a crash or power loss leaves a playable file instead of one without moov
                    : OutputSpec.mp4File(path).withMuxerOption("movflags", "frag_keyframe+empty_moov+default_base_moof");
            return MuxPlan.of(output.withAudio(spec.audio()), layout, config.networkTimeout());
        };
        SessionPolicy policy = new SessionPolicy(false, true, spec.maxTicks(), spec.maxBytes());
        MuxerWorker worker = new MuxerWorker(outputName, planner, policy, sessionStart(spec.audio() != AudioMode.DROP),
                config, UnitTransform.NONE, counters);
        return attach(outputName, worker, counters, Collections.unmodifiableList(files));
    }

    /** The stream as FLV bytes in memory for HTTP-FLV viewers; created on first use, shared by all viewers. */
    public FlvStream flvStream() {
        synchronized (this) {
            if (flvStream != null) {
                return flvStream;
            }
            ensureOpen();
            OutputCounters counters = new OutputCounters("http-flv " + name);
            flvStream = new FlvStream(executor, config.queueCapacity(), config.gopCacheBytes(), counters);
            attach(counters.snapshot().name(), new FlvStreamWorker(flvStream,
                    sessionStart(config.flvStreamAudio() != AudioMode.DROP), counters, config.flvStreamAudio()),
                    counters, null);
            return flvStream;
        }
    }

    /**
     * A JPEG of the latest key frame, decoded on the executor; when no key frame has arrived yet, of the next one.
     */
    public CompletableFuture<Snapshot> snapshot() {
        StreamUnit keyFrame;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("bridge " + name + " is closed"));
            }
            keyFrame = latestKeyFrame;
            if (keyFrame == null) {
                if (waitingSnapshots.size() >= MAX_WAITING_SNAPSHOTS) {
                    return CompletableFuture.failedFuture(new IllegalStateException(
                            "too many snapshots waiting for the first key frame of " + name));
                }
                CompletableFuture<Snapshot> waiting = new CompletableFuture<>();
                waitingSnapshots.add(waiting);
                return waiting;
            }
        }
        return CompletableFuture.supplyAsync(() -> picture(keyFrame), executor);
    }

    /**
     * {@code count} snapshots (1 to {@link #MAX_SNAPSHOT_SERIES}), the first now and then one every
     * {@code interval}, timed by the caller's scheduler (the decoding itself runs on the bridge's executor).
     */
    public List<CompletableFuture<Snapshot>> snapshots(int count, Duration interval,
                                                       ScheduledExecutorService scheduler) {
        if (count < 1 || count > MAX_SNAPSHOT_SERIES) {
            throw new IllegalArgumentException("1 to " + MAX_SNAPSHOT_SERIES + " snapshots, not " + count);
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("negative interval " + interval);
        }
        List<CompletableFuture<Snapshot>> series = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CompletableFuture<Snapshot> shot = new CompletableFuture<>();
            series.add(shot);
            scheduler.schedule(() -> relay(snapshot(), shot), interval.toNanos() * i, TimeUnit.NANOSECONDS);
        }
        return series;
    }

    private static Snapshot picture(StreamUnit keyFrame) {
        try {
            return JpegPictures.snapshot(keyFrame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void relay(CompletableFuture<T> from, CompletableFuture<T> to) {
        from.whenComplete((value, error) -> {
            if (error != null) {
                to.completeExceptionally(Completions.cause(error));
            } else {
                to.complete(value);
            }
        });
    }

    /** The outputs attached now (HTTP-FLV included once used). */
    public synchronized List<BridgeOutput> outputs() {
        return List.copyOf(outputs);
    }

    /** Detaches every output and lets each finish; the future completes when all native memory is freed. */
    public CompletableFuture<Void> closeAsync() {
        List<Attached> all;
        List<CompletableFuture<Snapshot>> unanswered;
        FlvStream flv;
        synchronized (this) {
            if (closing != null) {
                return closing;
            }
            closed = true;
            all = new ArrayList<>(outputs);
            outputs.clear();
            gop.clear();
            latestKeyFrame = null;
            unanswered = new ArrayList<>(waitingSnapshots);
            waitingSnapshots.clear();
            flv = flvStream;
            CompletableFuture<Void> outputsDone = CompletableFuture.allOf(all.stream().map(a -> a.queue.close())
                    .toArray(CompletableFuture[]::new));
            closing = flv == null ? outputsDone : outputsDone.thenCompose(done -> flv.end());
        }
        unanswered.forEach(waiting -> waiting.completeExceptionally(
                new IllegalStateException("bridge " + name + " closed before a key frame arrived")));
        return closing;
    }

    @Override
    public void close() {
        closeAsync();
    }

    private SessionStart sessionStart(boolean wantsAudio) {
        return new SessionStart(() -> audioFormat, config.audioProbeTicks(), wantsAudio);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("bridge " + name + " is closed");
        }
    }

    private Attached attach(String outputName, OutputQueue.Worker<StreamUnit> worker, OutputCounters counters,
                            List<Path> files) {
        synchronized (this) {
            ensureOpen();
            Attached output = new Attached(outputName, counters, files);
            output.queue = new OutputQueue<>(config.queueCapacity(), StreamUnit::isVideoKeyFrame, executor, worker,
                    counters);
            gop.units().forEach(output.queue::offer);
            outputs.add(output);
            return output;
        }
    }

    private synchronized void detach(Attached output) {
        outputs.remove(output);
    }

    private final class Attached implements Recording {

        private final String outputName;
        private final OutputCounters counters;
        private final List<Path> files;
        private OutputQueue<StreamUnit> queue;

        Attached(String outputName, OutputCounters counters, List<Path> files) {
            this.outputName = outputName;
            this.counters = counters;
            this.files = files;
        }

        @Override
        public String name() {
            return outputName;
        }

        @Override
        public OutputStats stats() {
            return counters.snapshot();
        }

        @Override
        public CompletableFuture<Void> closeAsync() {
            detach(this);
            return queue.close();
        }

        @Override
        public List<Path> files() {
            return files == null ? List.of() : files;
        }
    }
}
