package io.github.camelgb28181.media.codec;

import io.github.camelgb28181.media.MediaCodec;

import java.util.Arrays;
import java.util.Objects;

/**
 * The latest parameter sets of a video stream (NAL units without start codes) and the picture size read from the SPS,
 * which a remuxer needs for its codec configuration record.
 *
 * @param codec  H.264 or H.265
 * @param vps    the H.265 VPS, {@code null} for H.264 or while none was seen
 * @param sps    the SPS, {@code null} while none was seen
 * @param pps    the PPS, {@code null} while none was seen
 * @param width  luma width after cropping, 0 while no SPS could be parsed
 * @param height luma height after cropping, 0 while no SPS could be parsed
 */
public record ParameterSets(MediaCodec codec, byte[] vps, byte[] sps, byte[] pps, int width, int height) {

    public ParameterSets {
        Objects.requireNonNull(codec, "codec");
    }

    /** Whether a decoder could be configured: SPS and PPS present (and the VPS for H.265). */
    public boolean complete() {
        return sps != null && pps != null && (codec != MediaCodec.H265 || vps != null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSets other && codec == other.codec && Arrays.equals(vps, other.vps)
                && Arrays.equals(sps, other.sps) && Arrays.equals(pps, other.pps) && width == other.width
                && height == other.height;
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, width, height) * 31 + Arrays.hashCode(sps);
    }

    @Override
    public String toString() {
        return "ParameterSets[" + codec + " " + width + "x" + height + " vps=" + length(vps) + " sps=" + length(sps)
                + " pps=" + length(pps) + "]";
    }

    private static int length(byte[] nal) {
        return nal == null ? 0 : nal.length;
    }
}
