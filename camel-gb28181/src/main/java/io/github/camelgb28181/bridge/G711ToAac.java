package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.codec.G711;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;

import java.io.IOException;
import java.util.Arrays;

import static io.github.camelgb28181.bridge.FfmpegCalls.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

/**
 * G.711 audio of a camera re-encoded as AAC-LC with FFmpeg's own (LGPL) encoder, for the containers and players that
 * take no G.711: HLS segments, MP4, and web players reading FLV. Mono at the G.711 rate (8 kHz, an AAC rate of its
 * own), so nothing is resampled.
 *
 * <p>Timestamps follow the camera's: samples are gathered into 1024-sample frames stamped with the time of their
 * first sample; a gap (lost packets) of up to a second is filled with silence so the track stays continuous, a larger
 * jump or a step back starts again from the new time. The encoder's priming frame (stamped before the first sample)
 * is dropped. Not thread-safe: one per muxer.
 */
final class G711ToAac implements AutoCloseable {

    private static final int CLOCK_RATE = 90_000;
    /** Plenty for 8 kHz mono; FFmpeg allows at most 6144 bits per 1024 samples per channel (48 kbit/s here). */
    private static final int BIT_RATE = 32_000;
    /** One 90 kHz tick is 1/11.25 of a sample at 8 kHz: timestamps of back-to-back packets may be off by one. */
    private static final int JITTER_SAMPLES = 2;

    /** Where the encoded frames go: raw AAC (no ADTS header) with 90 kHz pts and duration. */
    @FunctionalInterface
    interface Sink {
        void frame(byte[] aac, long pts, long duration) throws IOException, MalformedUnitException;
    }

    private final boolean alaw;
    private final int sampleRate;
    private final AVCodecContext context;
    private final AVFrame frame = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private float[] pending;
    private int pendingCount;
    /** The sample time of {@code pending[0]}; {@link Long#MIN_VALUE} before the first unit. */
    private long pendingStart = Long.MIN_VALUE;
    private byte[] audioSpecificConfig;

    private G711ToAac(MediaCodec source, int sampleRate, AVCodecContext context) {
        this.alaw = source == MediaCodec.G711A;
        this.sampleRate = sampleRate;
        this.context = context;
    }

    static G711ToAac open(MediaCodec source, int sampleRate) throws IOException {
        if (source != MediaCodec.G711A && source != MediaCodec.G711U) {
            throw new IllegalArgumentException("G.711 A-law or μ-law expected, got " + source);
        }
        AVCodec codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
        if (codec == null || codec.isNull()) {
            throw new IOException("this FFmpeg build has no AAC encoder");
        }
        G711ToAac encoder = new G711ToAac(source, sampleRate, avcodec_alloc_context3(codec));
        try {
            encoder.start(codec);
            return encoder;
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private void start(AVCodec codec) throws IOException {
        AVCodecContext c = context;
        c.sample_rate(sampleRate);
        c.sample_fmt(AV_SAMPLE_FMT_FLTP);
        av_channel_layout_default(c.ch_layout(), 1);
        c.bit_rate(BIT_RATE);
        c.time_base().num(1).den(sampleRate);
        c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        check(avcodec_open2(c, codec, (AVDictionary) null), "opening the AAC encoder");
        audioSpecificConfig = new byte[c.extradata_size()];
        c.extradata().capacity(audioSpecificConfig.length).get(audioSpecificConfig);
        pending = new float[c.frame_size()];
        frame.nb_samples(c.frame_size());
        frame.format(AV_SAMPLE_FMT_FLTP);
        frame.sample_rate(sampleRate);
        check(av_channel_layout_copy(frame.ch_layout(), c.ch_layout()), "setting the frame's channel layout");
        check(av_frame_get_buffer(frame, 0), "allocating an audio frame");
    }

    /** The AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) the muxer declares for the track. */
    byte[] audioSpecificConfig() {
        return audioSpecificConfig.clone();
    }

    int sampleRate() {
        return sampleRate;
    }

    /** Re-encodes one G.711 unit whose first sample is at {@code pts} (90 kHz); finished frames go to {@code out}. */
    void encode(byte[] g711, long pts, Sink out) throws IOException, MalformedUnitException {
        long start = pts * sampleRate / CLOCK_RATE;
        if (pendingStart != Long.MIN_VALUE) {
            long gap = start - (pendingStart + pendingCount);
            if (gap > JITTER_SAMPLES && gap <= sampleRate) {
                append(null, (int) gap, out); // lost packets: silence keeps the track continuous
            } else if (gap < -JITTER_SAMPLES || gap > sampleRate) {
                finishFrame(out);
                pendingStart = start;
            }
        } else {
            pendingStart = start;
        }
        append(g711, g711.length, out);
    }

    /** Encodes what is still gathered (padded with silence) and drains the encoder. */
    void flush(Sink out) throws IOException, MalformedUnitException {
        finishFrame(out);
        check(avcodec_send_frame(context, null), "flushing the AAC encoder");
        receive(out);
    }

    /** Gathers {@code length} samples, G.711 from {@code g711} or silence when it is null, encoding each full frame. */
    private void append(byte[] g711, int length, Sink out) throws IOException, MalformedUnitException {
        for (int at = 0; at < length; ) {
            int n = Math.min(length - at, pending.length - pendingCount);
            if (g711 == null) {
                Arrays.fill(pending, pendingCount, pendingCount + n, 0f);
            } else {
                G711.toFloat(g711, at, n, alaw, pending, pendingCount);
            }
            pendingCount += n;
            at += n;
            if (pendingCount == pending.length) {
                encodeFrame(out);
            }
        }
    }

    /** Pads a partly gathered frame with silence and encodes it. */
    private void finishFrame(Sink out) throws IOException, MalformedUnitException {
        if (pendingCount > 0) {
            append(null, pending.length - pendingCount, out);
        }
    }

    private void encodeFrame(Sink out) throws IOException, MalformedUnitException {
        check(av_frame_make_writable(frame), "making the audio frame writable");
        new FloatPointer(frame.data(0)).capacity(pending.length).put(pending, 0, pending.length);
        frame.pts(pendingStart);
        pendingStart += pending.length;
        pendingCount = 0;
        check(avcodec_send_frame(context, frame), "encoding AAC");
        receive(out);
    }

    private void receive(Sink out) throws IOException, MalformedUnitException {
        while (true) {
            if (FfmpegCalls.nothingReceived(avcodec_receive_packet(context, packet), "receiving an AAC frame")) {
                return;
            }
            try {
                if (packet.pts() >= 0) {
                    byte[] aac = new byte[packet.size()];
                    packet.data().capacity(aac.length).get(aac);
                    out.frame(aac, packet.pts() * CLOCK_RATE / sampleRate,
                            packet.duration() * CLOCK_RATE / sampleRate);
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_frame_free(frame);
        av_packet_free(packet);
    }
}
