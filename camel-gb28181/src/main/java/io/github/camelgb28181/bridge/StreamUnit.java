package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.codec.ParameterSets;

/**
 * An access unit together with the video parameter sets that were current when it arrived, so an output that opens a
 * muxer at this unit (possibly much later, on another thread) describes the stream as it was, not as it is now.
 *
 * @param unit          the access unit
 * @param parameterSets the latest parameter sets at arrival, {@code null} while none were seen
 */
record StreamUnit(AccessUnit unit, ParameterSets parameterSets) {

    boolean isVideoKeyFrame() {
        return unit.keyFrame() && unit.isVideo();
    }
}
