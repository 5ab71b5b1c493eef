package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.bridge.BridgeConfig;
import io.github.camelgb28181.bridge.MediaBridge;
import io.github.camelgb28181.bridge.OutputStats;
import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.codec.ParameterSets;
import io.github.camelgb28181.media.rtp.StreamStatistics;
import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamRequest;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.StreamListener;
import io.github.camelgb28181.simulator.LatencyRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The platform's side of the {@code streams} scenario, in {@link BenchServerMain}'s JVM: plays live video from online
 * devices and sums what the media engine counted. The time from INVITE to first key frame is taken from the stream
 * events' own timestamps (INVITE_SENT, FIRST_KEY_FRAME), so a slow event worker does not inflate it. With remux on,
 * every stream also feeds a {@link MediaBridge} whose in-memory FLV stream (the HTTP-FLV path) has one viewer that
 * counts the bytes, as a gateway serving one player per camera would.
 */
final class StreamLoad implements StreamListener {

    private final Gb28181Platform platform;
    private final Map<String, Long> inviteSentMicros = new ConcurrentHashMap<>();
    private final Map<String, Long> firstRtpMicros = new ConcurrentHashMap<>();
    private final LatencyRecorder firstKeyFrame = new LatencyRecorder();
    private final LatencyRecorder keyFrameAfterRtp = new LatencyRecorder();
    private final LongAdder failedEvents = new LongAdder();
    private final Map<String, MediaBridge> bridges = new ConcurrentHashMap<>();
    private final LongAdder flvBytes = new LongAdder();
    private final LongAdder bridgedBytes = new LongAdder();
    private volatile boolean remux;
    private final ExecutorService bridgeWork = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-bridge");
        t.setDaemon(true);
        return t;
    });

    StreamLoad(Gb28181Platform platform) {
        this.platform = platform;
        platform.addStreamListener(this);
    }

    @Override
    public void onStreamEvent(StreamEvent event) {
        String id = event.session().streamId();
        long micros = TimeUnit.SECONDS.toMicros(event.time().getEpochSecond()) + event.time().getNano() / 1000;
        switch (event.type()) {
            case INVITE_SENT -> {
                inviteSentMicros.putIfAbsent(id, micros);
                if (remux) {
                    remux(event.session());
                }
            }
            case FIRST_RTP -> firstRtpMicros.putIfAbsent(id, micros);
            case FIRST_KEY_FRAME -> {
                Long sent = inviteSentMicros.get(id);
                if (sent != null) {
                    firstKeyFrame.recordNanos(TimeUnit.MICROSECONDS.toNanos(micros - sent));
                }
                Long rtp = firstRtpMicros.get(id);
                if (rtp != null) {
                    keyFrameAfterRtp.recordNanos(TimeUnit.MICROSECONDS.toNanos(micros - rtp));
                }
            }
            case FAILED, TIMEOUT -> failedEvents.increment();
            case STOPPED, END_OF_FILE -> {
                MediaBridge b = bridges.remove(id);
                if (b != null) {
                    b.close();
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void onAccessUnit(StreamSession stream, AccessUnit unit) {
        MediaBridge b = bridges.get(stream.streamId());
        if (b != null) {
            bridgedBytes.add(unit.data().length);
            b.onAccessUnit(unit);
        }
    }

    @Override
    public void onParameterSets(StreamSession stream, ParameterSets sets) {
        MediaBridge b = bridges.get(stream.streamId());
        if (b != null) {
            b.onParameterSets(sets);
        }
    }

    /**
     * A bridge with one FLV viewer for a stream whose INVITE just went out: before its first key frame and the
     * parameter sets the platform passes on only when they change.
     */
    private void remux(StreamSession s) {
        MediaBridge b = new MediaBridge(s.channelId() + "-" + s.ssrc(), bridgeWork, BridgeConfig.defaults());
        b.flvStream().subscribe(chunk -> flvBytes.add(chunk.length));
        bridges.put(s.streamId(), b);
    }

    /**
     * {@code play <count> <udp|tcp-passive|tcp-active> <concurrency> [remux]}: live video of the first {@code count}
     * online devices (the device ID as channel), at most {@code concurrency} INVITEs in flight.
     */
    String play(int count, String transport, int concurrency, boolean withRemux) throws InterruptedException {
        remux = withRemux;
        MediaTransport t = switch (transport) {
            case "udp" -> MediaTransport.UDP;
            case "tcp-active" -> MediaTransport.TCP_ACTIVE;
            default -> MediaTransport.TCP_PASSIVE;
        };
        List<String> ids = new ArrayList<>();
        for (Device d : platform.registry().all()) {
            if (d.online()) {
                ids.add(d.deviceId());
            }
        }
        ids.sort(Comparator.naturalOrder());
        ids = ids.subList(0, Math.min(count, ids.size()));
        Semaphore inFlight = new Semaphore(concurrency);
        LongAdder started = new LongAdder();
        LongAdder failed = new LongAdder();
        long start = System.nanoTime();
        for (String id : ids) {
            inFlight.acquire();
            platform.startStream(StreamRequest.live(id, id, t, 0)).whenComplete((s, error) -> {
                if (error == null) {
                    started.increment();
                } else {
                    // the first failures say why (the scenario's line only counts them)
                    if (failed.sum() < 5) {
                        System.out.println("PLAYFAIL " + id + " " + error);
                    }
                    failed.increment();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
        return String.format(Locale.ROOT, "PLAYED requested=%d started=%d failed=%d seconds=%.3f", ids.size(),
                started.sum(), failed.sum(), (System.nanoTime() - start) / 1e9);
    }

    /** {@code media}: the sums over every running stream and the first-key-frame percentiles so far. */
    String media() {
        long streaming = 0;
        long packets = 0;
        long bytes = 0;
        long lost = 0;
        long frames = 0;
        long keyFrames = 0;
        long dropped = 0;
        long audio = 0;
        long ssrcMismatches = 0;
        long n = 0;
        for (StreamSession s : platform.streams()) {
            n++;
            StreamStatistics st = s.statistics();
            if (s.state().name().equals("STREAMING")) {
                streaming++;
            }
            if (st == null) {
                continue;
            }
            packets += st.packets();
            bytes += st.bytes();
            lost += st.lost();
            frames += st.frames();
            keyFrames += st.keyFrames();
            dropped += st.droppedFrames();
            audio += st.audioUnits();
            ssrcMismatches += st.ssrcMismatches();
        }
        long flvWritten = 0;
        long flvDrops = 0;
        long flvFailed = 0;
        String flvError = "none";
        for (MediaBridge b : bridges.values()) {
            OutputStats st = b.flvStream().stats();
            flvWritten += st.bytesWritten();
            flvDrops += st.drops();
            if (st.lastError() != null) {
                flvFailed++;
                flvError = st.lastError().replaceAll("\\s+", "_");
            }
        }
        LatencyRecorder.Percentiles kf = firstKeyFrame.total();
        LatencyRecorder.Percentiles afterRtp = keyFrameAfterRtp.total();
        return String.format(Locale.ROOT, "MEDIA streams=%d streaming=%d packets=%d bytes=%d lost=%d frames=%d "
                                          + "keyFrames=%d droppedFrames=%d audioUnits=%d ssrcMismatches=%d "
                                          + "failedEvents=%d firstKeyFrames=%d kfP50=%.3f kfP99=%.3f kfMax=%.3f "
                                          + "kfAfterRtpP50=%.3f kfAfterRtpP99=%.3f bridges=%d flvBytes=%d "
                                          + "bridgedBytes=%d flvWritten=%d flvDrops=%d flvFailed=%d flvError=%s", n,
                streaming, packets, bytes, lost, frames, keyFrames, dropped, audio, ssrcMismatches, failedEvents.sum(),
                kf.count(), kf.p50(), kf.p99(), kf.max(), afterRtp.p50(), afterRtp.p99(), bridges.size(),
                flvBytes.sum(), bridgedBytes.sum(), flvWritten, flvDrops, flvFailed, flvError);
    }

    /** {@code stopstreams}: BYE to every stream; waits for the answers. */
    String stopAll() throws Exception {
        List<StreamSession> all = List.copyOf(platform.streams());
        for (StreamSession s : all) {
            platform.stopStream(s.streamId()).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        }
        return "STOPPED streams=" + all.size();
    }
}
