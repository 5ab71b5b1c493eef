package io.github.camelgb28181.bridge;

import java.io.IOException;

/**
 * Where one HTTP-FLV viewer's bytes go (the gateway writes them to an HTTP response). Called on an executor thread,
 * one chunk at a time and in order; it may block, that stalls only this viewer.
 */
public interface FlvSink {

    /** One piece of the FLV byte stream: the header with the codec configuration, or one or more whole tags. */
    void write(byte[] chunk) throws IOException;

    /**
     * False when the viewer cannot take more right now (a non-blocking sink whose connection buffer is full): the
     * chunk is dropped, like one that overflows the viewer's queue, and the viewer resumes at the next key frame.
     */
    default boolean ready() {
        return true;
    }

    /** The stream ended (bridge closed, subscription closed, or {@link #write} failed). */
    default void end() {
    }
}
