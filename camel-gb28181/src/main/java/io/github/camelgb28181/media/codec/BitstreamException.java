package io.github.camelgb28181.media.codec;

/** A parameter set that cannot be read: truncated, or a value outside the range its standard allows. */
public final class BitstreamException extends Exception {

    private static final long serialVersionUID = 1L;

    public BitstreamException(String message) {
        super(message, null, false, false);
    }
}
