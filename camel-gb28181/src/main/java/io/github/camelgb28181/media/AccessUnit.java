package io.github.camelgb28181.media;

import java.util.Arrays;
import java.util.Objects;

/**
 * One decodable unit: a whole video frame in Annex B form (start codes kept as the device sent them, parameter sets
 * included when the device put them in front of the frame) or one audio PES payload (G.711 bytes, AAC with ADTS).
 *
 * @param codec    the codec the content was found to be (the PSM's claim loses when the content disagrees)
 * @param pts      presentation time in 90 kHz units, unwrapped across the 33-bit wrap (monotone for a sane device)
 * @param dts      decoding time, same clock; equals {@code pts} when the PES carried no DTS
 * @param keyFrame an H.264 IDR / H.265 IRAP frame; always {@code false} for audio
 * @param data     a fresh array the listener may keep
 */
public record AccessUnit(MediaCodec codec, long pts, long dts, boolean keyFrame, byte[] data) {

    public AccessUnit {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(data, "data");
    }

    public boolean isVideo() {
        return codec.isVideo();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessUnit other && codec == other.codec && pts == other.pts && dts == other.dts
                && keyFrame == other.keyFrame && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, pts, dts, keyFrame) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AccessUnit[" + codec + " pts=" + pts + " dts=" + dts + (keyFrame ? " key" : "") + " " + data.length
                + " bytes]";
    }
}
