package io.github.camelgb28181.media;

import io.github.camelgb28181.media.codec.ParameterSets;

/**
 * Receives what the media engine makes of one RTP stream. Called on the thread that feeds the engine (a Netty event
 * loop), so implementations must hand work off instead of blocking.
 */
public interface AccessUnitListener {

    /** A complete, uncorrupted access unit. Video after a loss resumes only with a key frame. */
    void onAccessUnit(AccessUnit unit);

    /** The latest SPS/PPS (and VPS) changed; called before the access unit that carried them. */
    default void onParameterSets(ParameterSets sets) {
    }

    /** The PSM declared one codec but the content is another; the content wins (SPEC §5, PSM that lies). */
    default void onCodecMismatch(MediaCodec declared, MediaCodec detected) {
    }

    /** The first RTP packet accepted for this stream, for a "stream started" lifecycle event. */
    default void onFirstPacket(long ssrc, int payloadType) {
    }

    /** The first key frame, called just before it is passed to {@link #onAccessUnit}. */
    default void onFirstKeyFrame(AccessUnit unit) {
    }
}
