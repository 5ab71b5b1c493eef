package io.github.camelgb28181.sip;

/**
 * A message that cannot be accepted. Carries the status a server should answer with (400, or 413 for a message over
 * the size limit) and, when the start line and the transaction headers could be read, the partial request so that
 * the answer can be addressed (RFC 3261 §8.2.2 and §21.4.1).
 */
public final class SipParseException extends Exception {

    private final int status;
    private final transient SipRequest partialRequest;

    public SipParseException(int status, String message, SipRequest partialRequest) {
        super(message, null, false, false);
        this.status = status;
        this.partialRequest = partialRequest;
    }

    /** 400 or 413. */
    public int status() {
        return status;
    }

    /** The request as far as it could be read, or {@code null} when no response can be built. */
    public SipRequest partialRequest() {
        return partialRequest;
    }

    /** Whether a response can be sent: a request with the headers RFC 3261 §8.2.6.2 copies into a response. */
    public boolean canRespond() {
        if (partialRequest == null || partialRequest.isMethod("ACK")) {
            return false;
        }
        SipHeaders h = partialRequest.headers();
        return h.contains(SipHeaderNames.VIA) && h.contains(SipHeaderNames.FROM) && h.contains(SipHeaderNames.TO)
                && h.contains(SipHeaderNames.CALL_ID) && h.contains(SipHeaderNames.CSEQ);
    }
}
