package io.github.camelgb28181.media.ps;

import io.github.camelgb28181.media.MediaCodec;

import java.util.Arrays;

/**
 * What the latest program stream map (ISO/IEC 13818-1 §2.5.4) declared: stream_type per elementary_stream_id. Kept
 * in place, since devices repeat the PSM before every key frame; the demuxer reports only changes.
 */
public final class PsStreamMap {

    /** stream_type values GB/T 28181-2016 Annex C names. */
    public static final int STREAM_TYPE_MPEG4 = 0x10;
    public static final int STREAM_TYPE_H264 = 0x1B;
    public static final int STREAM_TYPE_H265 = 0x24;
    public static final int STREAM_TYPE_AAC = 0x0F;
    public static final int STREAM_TYPE_G711A = 0x90;
    public static final int STREAM_TYPE_G711U = 0x91;

    private final int[] streamTypes = new int[256];
    private final int[] parsing = new int[256];
    private boolean present;

    PsStreamMap() {
        Arrays.fill(streamTypes, -1);
    }

    /** Whether any PSM was seen. */
    public boolean present() {
        return present;
    }

    /** The declared stream_type of {@code streamId}, or -1. */
    public int streamType(int streamId) {
        return streamTypes[streamId & 0xFF];
    }

    /** The declared codec of {@code streamId}: {@code null} when the PSM does not list it. */
    public MediaCodec codec(int streamId) {
        int type = streamType(streamId);
        return type < 0 ? null : codecOf(type);
    }

    public static MediaCodec codecOf(int streamType) {
        return switch (streamType) {
            case STREAM_TYPE_H264 -> MediaCodec.H264;
            case STREAM_TYPE_H265 -> MediaCodec.H265;
            case STREAM_TYPE_MPEG4 -> MediaCodec.MPEG4;
            case STREAM_TYPE_G711A -> MediaCodec.G711A;
            case STREAM_TYPE_G711U -> MediaCodec.G711U;
            case STREAM_TYPE_AAC -> MediaCodec.AAC;
            default -> MediaCodec.UNKNOWN;
        };
    }

    /**
     * Reads a whole PSM packet ({@code psm[0, length)}, start code included).
     *
     * @return whether the map changed; a malformed PSM leaves it as it was and returns {@code false}
     */
    boolean update(byte[] psm, int length) {
        // 6-byte packet header, current_next/version, marker byte, program_stream_info_length, CRC_32 at the end
        if (length < 16) {
            return false;
        }
        int infoLength = u16(psm, 8);
        int mapLengthAt = 10 + infoLength;
        if (mapLengthAt + 2 > length) {
            return false;
        }
        int mapEnd = mapLengthAt + 2 + u16(psm, mapLengthAt);
        if (mapEnd > length) {
            return false;
        }
        Arrays.fill(parsing, -1);
        int at = mapLengthAt + 2;
        while (at + 4 <= mapEnd) {
            int streamType = psm[at] & 0xFF;
            int streamId = psm[at + 1] & 0xFF;
            parsing[streamId] = streamType;
            at += 4 + u16(psm, at + 2);
        }
        boolean changed = !present || !Arrays.equals(parsing, streamTypes);
        System.arraycopy(parsing, 0, streamTypes, 0, streamTypes.length);
        present = true;
        return changed;
    }

    void clear() {
        Arrays.fill(streamTypes, -1);
        present = false;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
