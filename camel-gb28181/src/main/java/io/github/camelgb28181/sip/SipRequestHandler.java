package io.github.camelgb28181.sip;

/**
 * Receives new requests from a {@link SipStack}. Called on the stack's handler executor, never on an event loop, so
 * an implementation may take its time; it must answer through {@link SipServerTransaction#respond} (except for ACK).
 */
@FunctionalInterface
public interface SipRequestHandler {

    void onRequest(SipServerTransaction transaction);

    /** A message that could not be parsed; the stack has already answered 400/413 where a response was possible. */
    default void onMalformedMessage(SipPeer source, SipParseException error) {
    }
}
