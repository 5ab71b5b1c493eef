package io.github.camelgb28181.bridge;

/** Where an output is in its life. */
public enum OutputState {
    /** Attached; waiting for a key frame (and the audio format) to open its muxer. */
    WAITING,
    /** Writing. */
    RUNNING,
    /** A push lost its connection; it reconnects at the first key frame after the backoff. */
    RECONNECTING,
    /** A file or local output hit an error it cannot recover from; it writes nothing more. */
    FAILED,
    /** Closed and every native resource freed. */
    CLOSED
}
