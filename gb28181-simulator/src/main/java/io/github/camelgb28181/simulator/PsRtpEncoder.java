package io.github.camelgb28181.simulator;

import io.github.camelgb28181.media.ps.PsMuxer;
import io.github.camelgb28181.media.rtp.RtpPacketizer;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the pictures of a {@link MediaClip} into the RTP packets a GB/T 28181 device sends (Annex C): each picture
 * PS-muxed with system header and PSM before key frames, cut into RTP packets of one timestamp with the marker on the
 * last; with audio, the picture's share of A-law samples follows in a pack of its own under the same timestamp.
 * Not thread-safe: one per stream.
 */
public final class PsRtpEncoder {

    /** PTS and SCR are 33-bit fields (ISO/IEC 13818-1 §2.4.3.7); they wrap, RTP timestamps are their low 32 bits. */
    private static final long PTS_MASK = (1L << 33) - 1;

    private final MediaClip clip;
    private final PsMuxer muxer;
    private final RtpPacketizer packetizer;
    private int audioAt;

    public PsRtpEncoder(MediaClip clip, long ssrc, int firstSequence) {
        this.clip = clip;
        PsMuxer.Options options = PsMuxer.Options.gb(clip.codec());
        this.muxer = new PsMuxer(clip.audio() != null ? options.withAudio() : options);
        this.packetizer = new RtpPacketizer(ssrc, firstSequence);
    }

    /** The packets of picture {@code index} (and its audio) at presentation time {@code pts}, in send order. */
    public void encode(int index, long pts, Consumer<byte[]> out) {
        long t = pts & PTS_MASK;
        MediaClip.Frame frame = clip.frames().get(index);
        emit(packetizer.packetize(muxer.videoFrame(frame.data(), t, frame.key()), t), out);
        byte[] alaw = clip.audio();
        if (alaw != null) {
            int n = clip.audioBytesPerFrame();
            if (audioAt + n > alaw.length) {
                audioAt = 0;
            }
            byte[] samples = Arrays.copyOfRange(alaw, audioAt, audioAt + n);
            audioAt += n;
            emit(packetizer.packetize(muxer.audioFrame(samples, t), t), out);
        }
    }

    private static void emit(List<byte[]> packets, Consumer<byte[]> out) {
        for (byte[] p : packets) {
            out.accept(p);
        }
    }
}
