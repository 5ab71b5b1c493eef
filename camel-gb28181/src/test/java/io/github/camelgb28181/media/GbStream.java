package io.github.camelgb28181.media;

import io.github.camelgb28181.media.ps.PsMuxer;
import io.github.camelgb28181.media.rtp.RtpPacketizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixture elementary stream as a GB/T 28181 device would send it: PS-muxed at 25 fps, RTP-packetized, optionally
 * with 40 ms of G.711A audio after each frame.
 *
 * @param packets    the RTP packets in send order
 * @param frames     the source access units, in order
 * @param pts        the PTS each frame was muxed with
 * @param audio      the source audio units, in order
 */
public record GbStream(List<byte[]> packets, List<ElementaryStream.Frame> frames, long[] pts, List<byte[]> audio) {

    public static final long SSRC = 110_000_0001L;
    public static final long FRAME_TICKS = 3600; // 25 fps on the 90 kHz clock
    public static final int AUDIO_BYTES = 320; // 40 ms of 8 kHz G.711

    public static GbStream build(ElementaryStream es, PsMuxer.Options options, long firstPts, int firstSequence) {
        PsMuxer muxer = new PsMuxer(options);
        RtpPacketizer packetizer = new RtpPacketizer(SSRC, firstSequence);
        byte[] alaw = options.audio() ? ElementaryStream.resource("g711a-8k-1khz.alaw") : null;
        List<byte[]> packets = new ArrayList<>();
        List<byte[]> audio = new ArrayList<>();
        long[] pts = new long[es.frames().size()];
        for (int i = 0; i < es.frames().size(); i++) {
            ElementaryStream.Frame frame = es.frames().get(i);
            pts[i] = (firstPts + i * FRAME_TICKS) & ((1L << 33) - 1);
            packets.addAll(packetizer.packetize(muxer.videoFrame(frame.data(), pts[i], frame.key()), pts[i]));
            if (alaw != null) {
                int at = (i * AUDIO_BYTES) % (alaw.length - AUDIO_BYTES);
                byte[] samples = Arrays.copyOfRange(alaw, at, at + AUDIO_BYTES);
                audio.add(samples);
                packets.addAll(packetizer.packetize(muxer.audioFrame(samples, pts[i]), pts[i]));
            }
        }
        return new GbStream(List.copyOf(packets), es.frames(), pts, List.copyOf(audio));
    }

    /** The PS bytes of all packets' payloads run together, for feeding a demuxer directly. */
    public byte[] programStream() {
        int total = packets.stream().mapToInt(p -> p.length - 12).sum();
        byte[] ps = new byte[total];
        int at = 0;
        for (byte[] p : packets) {
            System.arraycopy(p, 12, ps, at, p.length - 12);
            at += p.length - 12;
        }
        return ps;
    }
}
