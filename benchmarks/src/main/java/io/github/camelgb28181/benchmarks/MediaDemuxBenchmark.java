package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.AccessUnitListener;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.ps.AccessUnitAssembler;
import io.github.camelgb28181.media.ps.PsDemuxer;
import io.github.camelgb28181.media.rtp.RtpReceiverConfig;
import io.github.camelgb28181.media.rtp.RtpStreamReceiver;
import io.github.camelgb28181.simulator.MediaClip;
import io.github.camelgb28181.simulator.PsRtpEncoder;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;

/**
 * The media receive path on a 2 Mbit/s 720p stream with G.711A audio, as the simulator sends it: one operation is
 * one picture (its RTP packets and those of its 40 ms of audio), so ops/s is pictures/s, {@code gc.alloc.rate.norm}
 * of {@code -prof gc} is bytes allocated per picture, and the {@code bytes} counter is RTP bytes/s.
 * <ul>
 *   <li>{@code rtpToAccessUnits}: RTP parse, SSRC/payload checks, reorder buffer, PS demux, access-unit assembly</li>
 *   <li>{@code psDemux}: the PS demuxer and assembler alone, fed the RTP payloads</li>
 * </ul>
 * The packets of 16 seconds of the clip are made once; when the benchmark wraps around, the receiver is reset, as a
 * new stream would be (once per 400 pictures).
 */
public class MediaDemuxBenchmark extends BenchmarkDefaults {

    private static final int SECONDS = 16;

    @Param({ "H264", "H265" })
    public String codec;

    /** Pictures (with their audio) as RTP packets, in send order. */
    private byte[][][] pictures;
    private RtpStreamReceiver receiver;
    private PsDemuxer demuxer;
    private final Sink sink = new Sink();
    private int next;

    /** RTP bytes fed, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
        }
    }

    /** Counts what comes out, so that the benchmark cannot measure a path that delivers nothing. */
    static final class Sink implements AccessUnitListener {
        long video;
        long audio;
        long videoBytes;

        @Override
        public void onAccessUnit(AccessUnit unit) {
            if (unit.isVideo()) {
                video++;
                videoBytes += unit.data().length;
            } else {
                audio++;
            }
        }
    }

    @Setup
    public void setUp() {
        MediaClip clip = BenchmarkMedia.clip(MediaCodec.valueOf(codec), true);
        PsRtpEncoder encoder = new PsRtpEncoder(clip, 0x0100_0001L, 0);
        int n = clip.frames().size() * SECONDS;
        pictures = new byte[n][][];
        long pts = 90_000;
        for (int i = 0; i < n; i++) {
            List<byte[]> packets = new ArrayList<>();
            encoder.encode(i % clip.frames().size(), pts, packets::add);
            pictures[i] = packets.toArray(new byte[0][]);
            pts += clip.ticksPerFrame();
        }
        receiver = new RtpStreamReceiver(RtpReceiverConfig.udp(), sink);
        demuxer = new PsDemuxer(new AccessUnitAssembler(sink, 4 << 20));
    }

    @Benchmark
    public long rtpToAccessUnits(Bytes counter) {
        byte[][] packets = nextPicture();
        long now = System.nanoTime();
        for (byte[] p : packets) {
            receiver.onPacket(p, 0, p.length, now);
            counter.bytes += p.length;
        }
        return sink.video;
    }

    @Benchmark
    public long psDemux(Bytes counter) {
        byte[][] packets = nextPicture();
        for (byte[] p : packets) {
            // RTP header of 12 bytes (no CSRC, no extension: the encoder writes none); the marker ends a picture
            demuxer.feed(p, 12, p.length - 12, (p[1] & 0x80) != 0);
            counter.bytes += p.length;
        }
        return sink.video;
    }

    private byte[][] nextPicture() {
        if (next == pictures.length) {
            next = 0;
            receiver.reset();
            demuxer.reset();
        }
        return pictures[next++];
    }

    /** A run that delivered no pictures, or lost some, measured nothing worth reporting. */
    @TearDown
    public void check() {
        if (sink.video == 0 || sink.audio == 0) {
            throw new IllegalStateException("no " + (sink.video == 0 ? "video" : "audio") + " came out: " + codec);
        }
        if (receiver.statistics().lost() != 0 || receiver.statistics().droppedFrames() != 0) {
            throw new IllegalStateException("the receive path lost data: " + receiver.statistics());
        }
    }
}
