package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.codec.ParameterSets;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

import java.io.IOException;

import static io.github.camelgb28181.bridge.FfmpegCalls.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

/**
 * An H.264/H.265 decoder configured from the parameter sets, for snapshots and the transcode path. Single-threaded:
 * frame threading would hold pictures back by one frame per thread, and a snapshot wants the picture of the one
 * packet it sent.
 */
final class VideoDecoder implements AutoCloseable {

    /** Gets each decoded picture; the frame is only valid during the call. */
    @FunctionalInterface
    interface FrameSink {
        void accept(AVFrame frame) throws IOException;
    }

    private final AVCodecContext context;
    private final PacketBuffer packets = new PacketBuffer();
    private final AVFrame frame = av_frame_alloc();

    private VideoDecoder(AVCodecContext context) {
        this.context = context;
    }

    static VideoDecoder open(ParameterSets sets) throws IOException {
        AVCodec codec = avcodec_find_decoder(sets.codec() == MediaCodec.H265 ? AV_CODEC_ID_HEVC : AV_CODEC_ID_H264);
        if (codec == null || codec.isNull()) {
            throw new IOException("no " + sets.codec() + " decoder in this FFmpeg build");
        }
        VideoDecoder decoder = new VideoDecoder(avcodec_alloc_context3(codec));
        try {
            byte[] extradata = RemuxWriter.annexB(sets);
            // avcodec_free_context releases the extradata with av_free, so it must come from av_malloc
            Pointer memory = av_mallocz(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE);
            new BytePointer(memory).capacity(extradata.length).put(extradata, 0, extradata.length);
            decoder.context.extradata(new BytePointer(memory));
            decoder.context.extradata_size(extradata.length);
            decoder.context.thread_count(1);
            check(avcodec_open2(decoder.context, codec, (AVDictionary) null), "opening the " + sets.codec()
                    + " decoder");
            return decoder;
        } catch (IOException | RuntimeException e) {
            decoder.close();
            throw e;
        }
    }

    /** Decodes one access unit; pictures that are ready go to {@code sink}. */
    void decode(AccessUnit unit, FrameSink sink) throws IOException {
        AVPacket packet = packets.fill(unit.data(), 0, unit.data().length);
        packet.pts(unit.pts());
        packet.dts(unit.dts());
        packet.flags(unit.keyFrame() ? AV_PKT_FLAG_KEY : 0);
        int result = avcodec_send_packet(context, packet);
        packets.clear();
        if (result < 0 && result != AVERROR_EAGAIN()) {
            check(result, "decoding");
        }
        receive(sink);
    }

    /** Signals the end of the stream and hands out the pictures still inside the decoder. */
    void flush(FrameSink sink) throws IOException {
        avcodec_send_packet(context, null);
        receive(sink);
    }

    private void receive(FrameSink sink) throws IOException {
        FfmpegCalls.receiveAll(() -> avcodec_receive_frame(context, frame), "receiving a decoded picture",
                () -> sink.accept(frame), () -> av_frame_unref(frame));
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_frame_free(frame);
        packets.close();
    }
}
