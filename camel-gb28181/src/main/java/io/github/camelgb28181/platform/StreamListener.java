package io.github.camelgb28181.platform;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.codec.ParameterSets;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;

/** Sees the streams: their lifecycle events and, for those who want them, their access units. */
public interface StreamListener {

    /** A step in a stream's life; called on a worker thread. */
    default void onStreamEvent(StreamEvent event) {
    }

    /**
     * An access unit of a stream. Called on the stream's media event loop: hand the unit off, never block (a slow
     * listener would stall every stream of that loop).
     */
    default void onAccessUnit(StreamSession stream, AccessUnit unit) {
    }

    /** The stream's parameter sets changed (before the access unit that carried them); same threading rule. */
    default void onParameterSets(StreamSession stream, ParameterSets sets) {
    }
}
