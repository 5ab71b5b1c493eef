package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.codec.ParameterSets;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

import static io.github.camelgb28181.bridge.FfmpegCalls.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_ALAW;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_MULAW;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_close_dyn_buf;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open2;
import static org.bytedeco.ffmpeg.global.avformat.avio_open_dyn_buf;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EINVAL;

/**
 * One muxer session: access units go in as {@link AVPacket}s as they are (no probing, no decoder), the codec
 * parameters come from the parameter sets. H.264/H.265 extradata is handed over in Annex B form: the FLV and MOV/MP4
 * muxers turn it into avcC/hvcC and the packets into length-prefixed NAL units themselves, MPEG-TS and RTP take Annex B
 * as is. Every native object is freed in {@link #close()}; nothing waits for the garbage collector.
 *
 * <p>Not thread-safe: an output drives its writer from one task at a time.
 */
final class RemuxWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemuxWriter.class);
    private static final int CLOCK_RATE = 90_000;
    private static final byte[] START_CODE = {0, 0, 0, 1};
    private static final int G711_BITS = 8;

    private final AVFormatContext context = new AVFormatContext(null);
    private final PacketBuffer packets = new PacketBuffer();
    private final AVRational clock = av_make_q(1, CLOCK_RATE);
    private final boolean inMemory;
    private AVStream video;
    private AVStream audio;
    private AVRational videoTimeBase;
    private AVRational audioTimeBase;
    /** The audio track as declared: the stream's, or AAC when {@link #aacEncoder} re-encodes G.711. */
    private AudioFormat audioFormat;
    /** The codec of the stream's audio units this writer takes. */
    private MediaCodec audioSource;
    private G711ToAac aacEncoder;
    private boolean headerWritten;
    private boolean closed;
    private long originDts = Long.MIN_VALUE;
    private long lastVideoDts = Long.MIN_VALUE;
    private long lastAudioDts = Long.MIN_VALUE;
    private long packetsWritten;
    private long bytesWritten;

    private RemuxWriter(boolean inMemory) {
        this.inMemory = inMemory;
    }

    /** Opens the muxer (and its connection or file) and writes the header. */
    static RemuxWriter open(MuxPlan plan) throws IOException {
        RemuxWriter writer = new RemuxWriter(plan.url() == null);
        try {
            writer.start(plan);
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private void start(MuxPlan plan) throws IOException {
        check(avformat_alloc_output_context2(context, null, plan.format(), plan.url()), "allocating " + plan.format());
        video = addVideo(plan.layout().video(), plan.hevcTag());
        audioFormat = plan.layout().audio();
        if (audioFormat != null) {
            audioSource = audioFormat.codec();
            if (plan.aacFromG711()) {
                aacEncoder = G711ToAac.open(audioFormat.codec(), audioFormat.sampleRate());
                audioFormat = new AudioFormat(MediaCodec.AAC, aacEncoder.sampleRate(), 1,
                        aacEncoder.audioSpecificConfig());
            }
            audio = addAudio(audioFormat);
        }
        AVDictionary options = FfmpegCalls.dictionary(plan.options());
        try {
            if (inMemory) {
                AVIOContext buffer = new AVIOContext(null);
                check(avio_open_dyn_buf(buffer), "opening a memory buffer");
                context.pb(buffer);
            } else if ((context.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext io = new AVIOContext(null);
                check(avio_open2(io, plan.url(), AVIO_FLAG_WRITE, context.interrupt_callback(), options),
                        "opening " + plan.url());
                context.pb(io);
            }
            check(avformat_write_header(context, options), "writing the " + plan.format() + " header");
            headerWritten = true;
            // muxers choose their time base in the header; read once, not per packet
            videoTimeBase = video.time_base();
            audioTimeBase = audio == null ? null : audio.time_base();
        } finally {
            av_dict_free(options);
        }
    }

    private AVStream addVideo(ParameterSets sets, boolean hevcTag) throws IOException {
        AVStream stream = newStream();
        AVCodecParameters parameters = stream.codecpar();
        parameters.codec_type(AVMEDIA_TYPE_VIDEO);
        boolean hevc = sets.codec() == MediaCodec.H265;
        parameters.codec_id(hevc ? AV_CODEC_ID_HEVC : AV_CODEC_ID_H264);
        parameters.width(sets.width());
        parameters.height(sets.height());
        if (hevc && hevcTag) {
            parameters.codec_tag(fourCc('h', 'v', 'c', '1'));
        }
        setExtradata(parameters, annexB(sets));
        stream.time_base(clock);
        return stream;
    }

    private AVStream addAudio(AudioFormat format) throws IOException {
        AVStream stream = newStream();
        AVCodecParameters parameters = stream.codecpar();
        parameters.codec_type(AVMEDIA_TYPE_AUDIO);
        parameters.codec_id(switch (format.codec()) {
            case G711A -> AV_CODEC_ID_PCM_ALAW;
            case G711U -> AV_CODEC_ID_PCM_MULAW;
            default -> AV_CODEC_ID_AAC;
        });
        parameters.sample_rate(format.sampleRate());
        av_channel_layout_default(parameters.ch_layout(), Math.max(1, format.channels()));
        if (format.isG711()) {
            parameters.bits_per_coded_sample(G711_BITS);
            parameters.block_align(Math.max(1, format.channels()));
            parameters.bit_rate((long) format.sampleRate() * G711_BITS * Math.max(1, format.channels()));
        } else {
            parameters.frame_size(AdtsHeader.SAMPLES_PER_FRAME);
            setExtradata(parameters, format.aacConfig());
        }
        stream.time_base(clock);
        return stream;
    }

    private AVStream newStream() throws IOException {
        AVStream stream = avformat_new_stream(context, null);
        if (stream == null || stream.isNull()) {
            throw new IOException("avformat_new_stream failed");
        }
        return stream;
    }

    /** The extradata must come from av_malloc: avformat_free_context frees it with av_free. */
    private static void setExtradata(AVCodecParameters parameters, byte[] bytes) throws IOException {
        Pointer memory = av_mallocz(bytes.length + AV_INPUT_BUFFER_PADDING_SIZE);
        if (memory == null || memory.isNull()) {
            throw new IOException("av_mallocz failed");
        }
        BytePointer extradata = new BytePointer(memory).capacity(bytes.length + AV_INPUT_BUFFER_PADDING_SIZE);
        extradata.put(bytes, 0, bytes.length);
        parameters.extradata(extradata);
        parameters.extradata_size(bytes.length);
    }

    static byte[] annexB(ParameterSets sets) {
        byte[][] nals = sets.codec() == MediaCodec.H265 ? new byte[][] {sets.vps(), sets.sps(), sets.pps()}
                : new byte[][] {sets.sps(), sets.pps()};
        int length = 0;
        for (byte[] nal : nals) {
            length += START_CODE.length + nal.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] nal : nals) {
            System.arraycopy(START_CODE, 0, out, at, START_CODE.length);
            at += START_CODE.length;
            System.arraycopy(nal, 0, out, at, nal.length);
            at += nal.length;
        }
        return out;
    }

    /**
     * Writes one unit. The first written unit must be a video key frame; audio before it, audio of a track the
     * muxer does not have, and units older than the last written one are skipped.
     *
     * @return whether anything was handed to the muxer
     */
    boolean write(AccessUnit unit) throws IOException, MalformedUnitException {
        if (unit.data().length == 0) {
            // an empty packet would mean "flush" to some muxers; there is nothing to show anyway
            return false;
        }
        if (unit.isVideo()) {
            if (!startsWithStartCode(unit.data())) {
                // every muxer here relies on Annex B: FLV/MP4 convert it by start codes, MPEG-TS and RTP pass it on
                throw new MalformedUnitException("a " + unit.codec() + " access unit without an Annex B start code");
            }
            if (originDts == Long.MIN_VALUE) {
                if (!unit.keyFrame()) {
                    return false;
                }
                originDts = unit.dts();
            }
            long dts = Math.max(unit.dts() - originDts, lastVideoDts + 1);
            // the frame's own duration is known only when the next one arrives; the last spacing is the best guess
            // (HLS cuts segments by it)
            long duration = lastVideoDts == Long.MIN_VALUE ? 0 : dts - lastVideoDts;
            lastVideoDts = dts;
            writePacket(video, videoTimeBase, unit.data(), 0, unit.data().length,
                    Math.max(unit.pts() - originDts, dts), dts, duration, unit.keyFrame());
            return true;
        }
        if (audio == null || originDts == Long.MIN_VALUE || unit.codec() != audioSource
                || unit.pts() < originDts) {
            return false;
        }
        long pts = unit.pts() - originDts;
        if (aacEncoder != null) {
            aacEncoder.encode(unit.data(), pts, this::writeAac);
            return true;
        }
        if (audioFormat.isG711()) {
            long duration = (long) unit.data().length * CLOCK_RATE / audioFormat.sampleRate()
                    / Math.max(1, audioFormat.channels());
            writeAudio(unit.data(), 0, unit.data().length, pts, duration);
            return true;
        }
        byte[] data = unit.data();
        long frameDuration = (long) AdtsHeader.SAMPLES_PER_FRAME * CLOCK_RATE / audioFormat.sampleRate();
        for (int offset = 0, frame = 0; offset < data.length; frame++) {
            AdtsHeader header = AdtsHeader.parse(data, offset);
            writeAudio(data, offset + header.headerLength(), header.payloadLength(), pts + frame * frameDuration,
                    frameDuration);
            offset += header.frameLength();
        }
        return true;
    }

    private static boolean startsWithStartCode(byte[] data) {
        return data.length > 3 && data[0] == 0 && data[1] == 0
                && (data[2] == 1 || (data[2] == 0 && data[3] == 1));
    }

    private void writeAac(byte[] frame, long pts, long duration) throws IOException, MalformedUnitException {
        writeAudio(frame, 0, frame.length, pts, duration);
    }

    private void writeAudio(byte[] data, int offset, int length, long pts, long duration)
            throws IOException, MalformedUnitException {
        long dts = Math.max(pts, lastAudioDts + 1);
        lastAudioDts = dts;
        writePacket(audio, audioTimeBase, data, offset, length, dts, dts, duration, true);
    }

    private void writePacket(AVStream stream, AVRational timeBase, byte[] data, int offset, int length, long pts,
                             long dts, long duration, boolean key) throws IOException, MalformedUnitException {
        AVPacket packet = packets.fill(data, offset, length);
        packet.stream_index(stream.index());
        packet.pts(av_rescale_q(pts, clock, timeBase));
        packet.dts(av_rescale_q(dts, clock, timeBase));
        packet.duration(av_rescale_q(duration, clock, timeBase));
        packet.flags(key ? AV_PKT_FLAG_KEY : 0);
        int result = av_write_frame(context, packet);
        packets.clear();
        if (result == AVERROR_EINVAL() || result == AVERROR_INVALIDDATA) {
            // the muxer judged the data (e.g. MPEG-TS: no start code), not the connection or the file
            throw new MalformedUnitException("the " + context.oformat().name().getString() + " muxer refused a "
                    + length + "-byte packet: " + FfmpegCalls.describe(result));
        }
        check(result, "writing a packet");
        packetsWritten++;
        bytesWritten += length;
    }

    /**
     * The bytes the in-memory muxer produced since the last call (the header right after opening). There is no
     * public way to empty FFmpeg's dynamic buffer, so it is closed and a fresh one put in its place; muxers keep no
     * pointer to the old one between packets.
     */
    byte[] takeBytes() throws IOException {
        if (!inMemory) {
            throw new IllegalStateException("not an in-memory muxer");
        }
        byte[] bytes = closeMemoryBuffer();
        AVIOContext fresh = new AVIOContext(null);
        check(avio_open_dyn_buf(fresh), "opening a memory buffer");
        context.pb(fresh);
        return bytes;
    }

    private byte[] closeMemoryBuffer() {
        BytePointer buffer = new BytePointer((Pointer) null);
        int size = avio_close_dyn_buf(context.pb(), buffer);
        context.pb(null);
        byte[] bytes = new byte[Math.max(0, size)];
        if (size > 0) {
            buffer.capacity(size).get(bytes);
        }
        av_free(buffer);
        return bytes;
    }

    long packetsWritten() {
        return packetsWritten;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    boolean hasAudio() {
        return audio != null;
    }

    /** Writes the trailer (best effort: a broken connection must still be freed) and frees everything native. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (headerWritten) {
                flushAudioEncoder();
                av_write_trailer(context);
            }
        } finally {
            if (aacEncoder != null) {
                aacEncoder.close();
            }
            if (!context.isNull()) {
                AVIOContext io = context.pb();
                if (io != null && !io.isNull()) {
                    if (inMemory) {
                        closeMemoryBuffer();
                    } else {
                        avio_closep(io);
                        context.pb(null);
                    }
                }
                avformat_free_context(context);
                context.setNull();
            }
            packets.close();
            clock.close();
        }
    }

    /** The last gathered samples, best effort: a closing muxer whose connection broke must still be freed. */
    private void flushAudioEncoder() {
        if (aacEncoder == null) {
            return;
        }
        try {
            aacEncoder.flush(this::writeAac);
        } catch (IOException | MalformedUnitException e) {
            LOG.debug("the last AAC frames were not written: {}", e.toString());
        }
    }

    private static int fourCc(char a, char b, char c, char d) {
        return a | (b << 8) | (c << 16) | (d << 24);
    }
}
