package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.codec.ParameterSets;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.github.camelgb28181.bridge.FfmpegCalls.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * H.264 encoding with OpenH264, the encoder the LGPL FFmpeg build has (libx264 is GPL). Produces Annex B access
 * units and, from the global header, the parameter sets the muxer needs.
 */
final class H264Encoder implements AutoCloseable {

    private static final int CLOCK_RATE = 90_000;
    /** Only steers OpenH264's rate control; timestamps come from the stream. */
    private static final int NOMINAL_FRAME_RATE = 25;

    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private ParameterSets parameterSets;

    private H264Encoder(AVCodecContext context) {
        this.context = context;
    }

    static H264Encoder open(int width, int height, TranscodeSpec spec) throws IOException {
        AVCodec codec = avcodec_find_encoder_by_name("libopenh264");
        if (codec == null || codec.isNull()) {
            throw new IOException("this FFmpeg build has no OpenH264 encoder");
        }
        H264Encoder encoder = new H264Encoder(avcodec_alloc_context3(codec));
        try {
            AVCodecContext c = encoder.context;
            c.width(width);
            c.height(height);
            c.pix_fmt(AV_PIX_FMT_YUV420P);
            c.time_base().num(1).den(CLOCK_RATE);
            c.framerate().num(NOMINAL_FRAME_RATE).den(1);
            c.bit_rate(spec.bitRate());
            c.gop_size(spec.keyFrameFrames());
            c.max_b_frames(0);
            c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            check(avcodec_open2(c, codec, (AVDictionary) null), "opening the OpenH264 encoder");
            byte[] header = new byte[c.extradata_size()];
            c.extradata().capacity(header.length).get(header);
            encoder.parameterSets = parameterSets(header, width, height);
            return encoder;
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    ParameterSets parameterSets() {
        return parameterSets;
    }

    /** Encodes one picture (its pts on the 90 kHz clock); finished access units go to {@code out}. */
    void encode(AVFrame frame, Consumer<AccessUnit> out) throws IOException {
        check(avcodec_send_frame(context, frame), "encoding");
        FfmpegCalls.receiveAll(() -> avcodec_receive_packet(context, packet), "receiving an encoded packet", () -> {
            byte[] data = new byte[packet.size()];
            packet.data().capacity(data.length).get(data);
            out.accept(new AccessUnit(MediaCodec.H264, packet.pts(), packet.dts(),
                    (packet.flags() & AV_PKT_FLAG_KEY) != 0, data));
        }, () -> av_packet_unref(packet));
    }

    /** SPS and PPS out of the encoder's Annex B global header. */
    private static ParameterSets parameterSets(byte[] annexB, int width, int height) throws IOException {
        byte[] sps = null;
        byte[] pps = null;
        List<int[]> nals = new ArrayList<>();
        for (int i = 0; i + 3 <= annexB.length; i++) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1) {
                nals.add(new int[] {i + 3, annexB.length});
                if (nals.size() > 1) {
                    int end = annexB[i - 1] == 0 ? i - 1 : i;
                    nals.get(nals.size() - 2)[1] = end;
                }
                i += 2;
            }
        }
        for (int[] nal : nals) {
            int type = annexB[nal[0]] & 0x1F;
            byte[] body = java.util.Arrays.copyOfRange(annexB, nal[0], nal[1]);
            if (type == 7) {
                sps = body;
            } else if (type == 8) {
                pps = body;
            }
        }
        if (sps == null || pps == null) {
            throw new IOException("OpenH264 gave no SPS/PPS in its global header");
        }
        return new ParameterSets(MediaCodec.H264, null, sps, pps, width, height);
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_packet_free(packet);
    }
}
