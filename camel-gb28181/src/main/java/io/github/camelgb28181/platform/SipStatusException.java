package io.github.camelgb28181.platform;

/** A device answered a request with a non-2xx SIP status. */
public final class SipStatusException extends Exception {

    private final int status;

    public SipStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
