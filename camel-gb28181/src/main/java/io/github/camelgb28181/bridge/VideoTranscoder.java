package io.github.camelgb28181.bridge;

import java.util.List;

/** Placeholder until the transcode path lands: passes units through. */
final class VideoTranscoder implements UnitTransform {

    VideoTranscoder(TranscodeSpec spec) {
    }

    @Override
    public List<StreamUnit> apply(StreamUnit unit, OutputCounters counters) {
        return List.of(unit);
    }
}
