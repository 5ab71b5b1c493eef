package io.github.camelgb28181.sip;

/** No final response within Timer B / F (64 × T1, RFC 3261 §17.1). */
public final class SipTimeoutException extends Exception {

    public SipTimeoutException(String message) {
        super(message);
    }
}
