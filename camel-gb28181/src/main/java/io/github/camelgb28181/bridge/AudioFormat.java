package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;

/**
 * What a muxer must declare for the audio track, learnt from the first audio unit of the stream.
 *
 * @param codec       G.711A, G.711U or AAC
 * @param sampleRate  samples per second
 * @param channels    channel count
 * @param aacConfig   the AudioSpecificConfig for AAC, {@code null} for G.711
 */
record AudioFormat(MediaCodec codec, int sampleRate, int channels, byte[] aacConfig) {

    /** GB/T 28181-2016 Annex C: G.711 on the PS stream is 8 kHz mono. */
    private static final int G711_RATE = 8000;

    /** The format of {@code unit}, or {@code null} when its codec is not one the bridge passes through. */
    static AudioFormat of(AccessUnit unit) throws MalformedUnitException {
        return switch (unit.codec()) {
            case G711A, G711U -> new AudioFormat(unit.codec(), G711_RATE, 1, null);
            case AAC -> {
                AdtsHeader header = AdtsHeader.parse(unit.data(), 0);
                yield new AudioFormat(MediaCodec.AAC, header.sampleRate(), header.channelConfig(),
                        header.audioSpecificConfig());
            }
            default -> null;
        };
    }

    boolean isG711() {
        return codec == MediaCodec.G711A || codec == MediaCodec.G711U;
    }
}
