package io.github.camelgb28181.manscdp;

/** A body that is not a MANSCDP message. */
public final class ManscdpParseException extends Exception {

    public ManscdpParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
