package io.github.camelgb28181.media.codec;

import io.github.camelgb28181.media.MediaCodec;

import java.util.Arrays;

/**
 * Keeps the latest VPS/SPS/PPS of one video stream. Devices repeat them before every key frame, so a repeat that is
 * byte-identical costs a comparison and nothing else; only a change copies the NAL unit and re-parses the SPS.
 */
public final class ParameterSetTracker {

    private MediaCodec codec;
    private byte[] vps;
    private byte[] sps;
    private byte[] pps;
    private int width;
    private int height;
    private boolean changed;
    private long invalidSps;
    private ParameterSets current;

    /**
     * Looks at one NAL unit ({@code data[offset, end)}, header first) of a frame in {@code codec}.
     *
     * @return whether it was a parameter set
     */
    public boolean accept(MediaCodec codec, byte[] data, int offset, int end) {
        if (end - offset < 2 || !codec.isVideo()) {
            return false;
        }
        if (codec != this.codec) {
            reset(codec);
        }
        byte header = data[offset];
        if (codec == MediaCodec.H264) {
            return switch (NalUnits.h264Type(header)) {
                case NalUnits.H264_SPS -> acceptSps(data, offset, end);
                case NalUnits.H264_PPS -> (pps = replace(pps, data, offset, end)) != null;
                default -> false;
            };
        }
        if (codec == MediaCodec.H265) {
            return switch (NalUnits.h265Type(header)) {
                case NalUnits.H265_VPS -> (vps = replace(vps, data, offset, end)) != null;
                case NalUnits.H265_SPS -> acceptSps(data, offset, end);
                case NalUnits.H265_PPS -> (pps = replace(pps, data, offset, end)) != null;
                default -> false;
            };
        }
        return false;
    }

    /** Whether anything changed since the last call, which clears the flag. */
    public boolean takeChanged() {
        boolean result = changed;
        changed = false;
        return result;
    }

    /** The parameter sets seen so far, or {@code null} before the first one. */
    public ParameterSets current() {
        if (current == null && codec != null && (sps != null || pps != null || vps != null)) {
            current = new ParameterSets(codec, vps, sps, pps, width, height);
        }
        return current;
    }

    /** SPS NAL units that could not be parsed (kept anyway: a decoder may still make sense of them). */
    public long invalidSps() {
        return invalidSps;
    }

    /** Forgets everything (a new stream). */
    public void clear() {
        reset(null);
    }

    private void reset(MediaCodec newCodec) {
        codec = newCodec;
        vps = null;
        sps = null;
        pps = null;
        width = 0;
        height = 0;
        current = null;
    }

    private boolean acceptSps(byte[] data, int offset, int end) {
        byte[] before = sps;
        sps = replace(sps, data, offset, end);
        if (sps != before) {
            try {
                if (codec == MediaCodec.H264) {
                    H264Sps parsed = H264Sps.parse(sps, 0, sps.length);
                    width = parsed.width();
                    height = parsed.height();
                } else {
                    H265Sps parsed = H265Sps.parse(sps, 0, sps.length);
                    width = parsed.width();
                    height = parsed.height();
                }
            } catch (BitstreamException e) {
                invalidSps++;
                width = 0;
                height = 0;
            }
        }
        return true;
    }

    /** The stored copy, or a new one when the bytes differ (trailing zero bytes are not part of the NAL unit). */
    private byte[] replace(byte[] stored, byte[] data, int offset, int end) {
        while (end > offset + 1 && data[end - 1] == 0) {
            end--;
        }
        if (stored != null && Arrays.equals(stored, 0, stored.length, data, offset, end)) {
            return stored;
        }
        changed = true;
        current = null;
        return Arrays.copyOfRange(data, offset, end);
    }
}
