package io.github.camelgb28181.bridge;

/** An audio payload that cannot be cut into frames; the unit is dropped and counted, the output goes on. */
public final class MalformedAudioException extends Exception {

    public MalformedAudioException(String message) {
        super(message);
    }
}
