package io.github.camelgb28181.media.mansrtsp;

/** A MANSRTSP body that is not a well-formed request or response; the message says what is wrong. */
public final class MansrtspParseException extends Exception {

    public MansrtspParseException(String message) {
        super(message, null, false, false);
    }
}
