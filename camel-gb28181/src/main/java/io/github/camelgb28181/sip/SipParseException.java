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

    /**
     * Whether a response can be sent: a request (not ACK) carrying every header RFC 3261 §8.2.6.2 copies into a
     * response, with a readable top Via (where the answer's transaction is matched) and CSeq. Without them an
     * answer would itself be malformed, so the message is only logged and dropped.
     */
    public boolean canRespond() {
        if (partialRequest == null || partialRequest.isMethod("ACK")) {
            return false;
        }
        SipHeaders h = partialRequest.headers();
        for (String name : new String[] { SipHeaderNames.VIA, SipHeaderNames.FROM, SipHeaderNames.TO,
                SipHeaderNames.CALL_ID, SipHeaderNames.CSEQ }) {
            String v = h.first(name);
            if (v == null || v.isBlank()) {
                return false;
            }
        }
        try {
            return partialRequest.topVia() != null && partialRequest.cseq() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
