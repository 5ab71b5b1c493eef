package io.github.camelgb28181.bridge;

import java.util.List;

/** What happens to units before an output muxes them: nothing for a remux, decode/filter/encode for a transcode. */
interface UnitTransform extends AutoCloseable {

    UnitTransform NONE = new UnitTransform() {
        @Override
        public List<StreamUnit> apply(StreamUnit unit, OutputCounters counters) {
            return List.of(unit);
        }
    };

    /** The units to mux for {@code unit}: none, the unit itself, or what an encoder made of it. */
    List<StreamUnit> apply(StreamUnit unit, OutputCounters counters);

    @Override
    default void close() {
    }
}
