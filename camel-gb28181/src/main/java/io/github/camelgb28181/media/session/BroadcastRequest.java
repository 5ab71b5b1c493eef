package io.github.camelgb28181.media.session;

import io.github.camelgb28181.media.AudioSource;
import io.github.camelgb28181.media.MediaCodec;

import java.util.Objects;

/**
 * A voice broadcast (GB/T 28181-2016 §9.12): G.711 audio for a device's audio output.
 *
 * @param deviceId  the device the Notify goes to
 * @param targetId  the audio output channel ({@code TargetID} of the Notify)
 * @param audio     where the G.711 samples come from, one byte each at 8 kHz (all there, or fed while it runs)
 * @param codec     {@link MediaCodec#G711A} (PCMA) or {@link MediaCodec#G711U} (PCMU): what the bytes are
 * @param packetMs  audio per RTP packet: 20 or 40 ms (the packet times devices accept)
 */
public record BroadcastRequest(String deviceId, String targetId, AudioSource audio, MediaCodec codec, int packetMs) {

    public BroadcastRequest {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(audio, "audio");
        if (codec != MediaCodec.G711A && codec != MediaCodec.G711U) {
            throw new IllegalArgumentException("broadcast audio must be G.711 A-law or µ-law, not " + codec);
        }
        if (packetMs != 20 && packetMs != 40) {
            throw new IllegalArgumentException("packet time must be 20 or 40 ms, not " + packetMs);
        }
    }

    /** G.711 samples per packet (8,000 a second). */
    public int samplesPerPacket() {
        return 8 * packetMs;
    }
}
