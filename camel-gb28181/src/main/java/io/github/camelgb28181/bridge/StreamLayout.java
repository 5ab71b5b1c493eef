package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.codec.ParameterSets;

/**
 * The tracks a muxer declares in its header.
 *
 * @param video the video parameter sets (complete)
 * @param audio the audio format, {@code null} for a stream without (or with dropped) audio
 */
record StreamLayout(ParameterSets video, AudioFormat audio) {

    StreamLayout withoutAudio() {
        return new StreamLayout(video, null);
    }
}
