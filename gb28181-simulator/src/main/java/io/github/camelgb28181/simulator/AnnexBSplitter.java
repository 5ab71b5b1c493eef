package io.github.camelgb28181.simulator;

import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.codec.NalUnits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts an Annex B H.264/H.265 elementary stream (what {@code ffmpeg -f h264|hevc} writes) into access units, the
 * pictures a device sends one per RTP timestamp. A picture begins at an access unit delimiter, a parameter set, a
 * prefix SEI, or the first slice of a picture, whichever comes first after a slice of the previous one (H.264
 * §7.4.1.2.3, H.265 §7.4.2.4.4). Each unit keeps its start codes, as a device's PS carries them.
 *
 * <p>Input is a file the user names, so it is treated as hostile: bytes before the first start code, units without a
 * slice (a stream cut after its parameter sets) and pictures before the first key frame are dropped, since a looped
 * clip must begin with something a decoder can start from; a stream with no key frame at all is refused.
 */
final class AnnexBSplitter {

    private AnnexBSplitter() {
    }

    /**
     * The codec the NAL unit headers prove.
     *
     * @throws IllegalArgumentException when no header tells H.264 from H.265
     */
    static MediaCodec detect(byte[] data) {
        MediaCodec codec = NalUnits.guessCodec(data, 0, data.length);
        if (codec == null) {
            throw new IllegalArgumentException("not an H.264/H.265 Annex B stream: no NAL unit header says which");
        }
        return codec;
    }

    /**
     * @param data  the elementary stream
     * @param codec H.264 or H.265
     * @throws IllegalArgumentException when the bytes hold no start code or no key frame
     */
    static List<MediaClip.Frame> split(byte[] data, MediaCodec codec) {
        if (codec != MediaCodec.H264 && codec != MediaCodec.H265) {
            throw new IllegalArgumentException("only H.264 and H.265 can be streamed, not " + codec);
        }
        int header = NalUnits.nextNalStart(data, 0, data.length);
        if (header < 0) {
            throw new IllegalArgumentException("no Annex B start code (00 00 01) in " + data.length + " bytes");
        }
        List<MediaClip.Frame> frames = new ArrayList<>();
        int unitStart = -1;
        boolean sliceSeen = false;
        boolean key = false;
        while (header >= 0) {
            int start = startCodeBegin(data, header);
            int next = NalUnits.nextNalStart(data, header, data.length);
            if (header < data.length) {
                Nal nal = classify(codec, data, header, next < 0 ? data.length : startCodeBegin(data, next));
                if ((nal.beginsPicture || nal.firstSlice) && (sliceSeen || unitStart < 0)) {
                    addUnit(frames, data, unitStart, start, sliceSeen, key);
                    unitStart = start;
                    sliceSeen = false;
                    key = false;
                }
                sliceSeen |= nal.slice;
                key |= nal.key;
            }
            header = next;
        }
        addUnit(frames, data, unitStart, data.length, sliceSeen, key);
        int firstKey = 0;
        while (firstKey < frames.size() && !frames.get(firstKey).key()) {
            firstKey++;
        }
        if (firstKey == frames.size()) {
            throw new IllegalArgumentException("no key frame among " + frames.size() + " pictures of the " + codec
                    + " stream");
        }
        return List.copyOf(frames.subList(firstKey, frames.size()));
    }

    private static void addUnit(List<MediaClip.Frame> frames, byte[] data, int from, int to, boolean hasSlice,
                                boolean key) {
        if (from >= 0 && hasSlice) {
            frames.add(new MediaClip.Frame(Arrays.copyOfRange(data, from, to), key));
        }
    }

    /** Where the start code before the NAL header at {@code header} begins: its zero_byte belongs to it. */
    private static int startCodeBegin(byte[] data, int header) {
        int start = header - 3;
        return start > 0 && data[start - 1] == 0 ? start - 1 : start;
    }

    private record Nal(boolean slice, boolean firstSlice, boolean beginsPicture, boolean key) {
        static final Nal OTHER = new Nal(false, false, false, false);
    }

    /** The facts about the NAL unit in {@code data[at, end)} that decide where pictures begin. */
    private static Nal classify(MediaCodec codec, byte[] data, int at, int end) {
        if ((data[at] & 0x80) != 0) {
            return Nal.OTHER; // forbidden_zero_bit set: garbage, it neither starts nor ends a picture
        }
        if (codec == MediaCodec.H264) {
            int type = NalUnits.h264Type(data[at]);
            boolean slice = type >= 1 && type <= 5;
            // first_mb_in_slice is ue(v): 0 is the single bit 1
            boolean first = slice && at + 1 < end && (data[at + 1] & 0x80) != 0;
            boolean prefix = type == NalUnits.H264_AUD || type == NalUnits.H264_SPS || type == NalUnits.H264_PPS
                    || type == NalUnits.H264_SEI;
            return new Nal(slice, first, prefix, slice && NalUnits.isKeyFrameNal(codec, data[at]));
        }
        int type = NalUnits.h265Type(data[at]);
        boolean slice = type <= 31;
        // first_slice_segment_in_pic_flag: the first bit after the two-byte NAL unit header
        boolean first = slice && at + 2 < end && (data[at + 2] & 0x80) != 0;
        boolean prefix = type == NalUnits.H265_AUD || type == NalUnits.H265_VPS || type == NalUnits.H265_SPS
                || type == NalUnits.H265_PPS || type == 39; // 39: prefix SEI
        return new Nal(slice, first, prefix, slice && NalUnits.isKeyFrameNal(codec, data[at]));
    }
}
