package io.github.camelgb28181.bridge;

/**
 * A unit an output cannot use: an audio payload that cannot be cut into frames, or a packet the muxer refused as
 * invalid data. The unit is dropped and counted; the output goes on, since the next unit from a device may be fine.
 */
public final class MalformedUnitException extends Exception {

    public MalformedUnitException(String message) {
        super(message);
    }
}
