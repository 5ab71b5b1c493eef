package io.github.camelgb28181.media.codec;

import io.github.camelgb28181.media.MediaCodec;

/** Annex B start-code scanning and NAL unit header facts for H.264 and H.265. */
public final class NalUnits {

    public static final int H264_IDR = 5;
    public static final int H264_SEI = 6;
    public static final int H264_SPS = 7;
    public static final int H264_PPS = 8;
    public static final int H264_AUD = 9;
    public static final int H265_VPS = 32;
    public static final int H265_SPS = 33;
    public static final int H265_PPS = 34;
    public static final int H265_AUD = 35;

    private NalUnits() {
    }

    /**
     * The index of the first byte after the next {@code 00 00 01} in {@code data[from, to)}, or -1. A 4-byte start
     * code is found as its last three bytes, so the zero_byte stays with whatever precedes it.
     */
    public static int nextNalStart(byte[] data, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            if ((data[i + 2] & 0xFF) > 1) {
                i += 2; // neither of the next two positions can end a start code here
            } else if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    /** nal_unit_type of an H.264 NAL unit header byte (H.264 §7.3.1). */
    public static int h264Type(byte header) {
        return header & 0x1F;
    }

    /** nal_unit_type of an H.265 NAL unit header's first byte (H.265 §7.3.1.2). */
    public static int h265Type(byte header) {
        return (header >> 1) & 0x3F;
    }

    /** An H.264 IDR slice or an H.265 IRAP picture (BLA, IDR, CRA: types 16–21, H.265 §7.4.2.2). */
    public static boolean isKeyFrameNal(MediaCodec codec, byte header) {
        if (codec == MediaCodec.H264) {
            return h264Type(header) == H264_IDR;
        }
        if (codec == MediaCodec.H265) {
            int type = h265Type(header);
            return type >= 16 && type <= 21;
        }
        return false;
    }

    /**
     * Guesses the codec from one NAL unit header ({@code second} is the byte after it, or -1): only headers that are
     * unambiguous count, since H.264 and H.265 share no header syntax and most bytes are legal in both. H.265 parameter
     * sets, AUD and IRAP headers carry layer 0 / temporal id 1 ({@code xx 01}); H.264 SPS/PPS/IDR need a non-zero
     * nal_ref_idc (§7.4.1) and its AUD is followed by primary_pic_type and the stop bit ({@code xxx1 0000}).
     *
     * @return {@link MediaCodec#H264}, {@link MediaCodec#H265} or {@code null} when this header proves nothing
     */
    public static MediaCodec guessCodec(byte header, int second) {
        int h = header & 0xFF;
        if (second == 0x01 && (h == 0x40 || h == 0x42 || h == 0x44 || h == 0x46 || h == 0x26 || h == 0x28
                || h == 0x2A)) {
            return MediaCodec.H265;
        }
        int type = h & 0x1F;
        boolean referenced = (h & 0x60) != 0;
        if ((h & 0x80) == 0 && referenced && (type == H264_SPS || type == H264_PPS || type == H264_IDR)) {
            return MediaCodec.H264;
        }
        if (h == H264_AUD && second >= 0 && (second & 0x1F) == 0x10) {
            return MediaCodec.H264;
        }
        return null;
    }

    /** The codec of the first NAL unit in {@code data[from, to)} whose header proves it, or {@code null}. */
    public static MediaCodec guessCodec(byte[] data, int from, int to) {
        int nal = nextNalStart(data, from, to);
        while (nal >= 0 && nal < to) {
            MediaCodec codec = guessCodec(data[nal], nal + 1 < to ? data[nal + 1] & 0xFF : -1);
            if (codec != null) {
                return codec;
            }
            nal = nextNalStart(data, nal, to);
        }
        return null;
    }
}
